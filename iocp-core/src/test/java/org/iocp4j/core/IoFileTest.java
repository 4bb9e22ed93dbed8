package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Asynchronous file reads at offsets through the engine (IORING_OP_READ here). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IoFileTest {

    @Test
    void readsAtOffsetsConcurrentlyAndReportsEndOfFile(@TempDir Path dir) throws Exception {
        byte[] content = new byte[(1 << 20) + 120];
        EngineTesting.fill(7, 0, content);
        Path path = Files.write(dir.resolve("data.bin"), content);
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            try (IoFile file = engine.openFile(path)) {
                assertEquals(content.length, file.size());
                List<CompletableFuture<Buffer>> reads = new ArrayList<>();
                int chunk = 16384;
                for (long at = 0; at < content.length; at += chunk) {
                    reads.add(file.read(at, chunk));
                }
                long at = 0;
                for (CompletableFuture<Buffer> read : reads) {
                    Buffer b = read.get(5, TimeUnit.SECONDS);
                    int expected = (int) Math.min(chunk, content.length - at);
                    assertEquals(expected, b.readableBytes(), "bytes at " + at);
                    byte[] got = new byte[expected];
                    MemorySegment.copy(b.readableSegment(), ValueLayout.JAVA_BYTE, 0, got, 0, expected);
                    assertArrayEquals(Arrays.copyOfRange(content, (int) at, (int) at + expected), got);
                    b.release();
                    at += chunk;
                }
                Buffer eof = file.read(content.length + 10, 100).get(5, TimeUnit.SECONDS);
                assertEquals(0, eof.readableBytes(), "a read past the end reads nothing");
                eof.release();
            }
            IOException missing = assertThrows(IOException.class, () -> engine.openFile(dir.resolve("missing")));
            if (!EngineTesting.IOCP) {
                // io_uring wraps the errno's exception; IOCP's Win32Exception is itself the IOException
                assertInstanceOf(IOException.class, missing.getCause());
            }
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(5));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    /**
     * An open file may be renamed and deleted by others, and the reads of the open handle go on, as with the
     * JDK's own channels on every OS. On Windows this needs FILE_SHARE_DELETE: the windows-jvm lane found the
     * backend opening without it (a site could not be redeployed while a file of it was being downloaded).
     */
    @Test
    void anOpenFileCanBeRenamedAndDeletedMeanwhile(@TempDir Path dir) throws Exception {
        byte[] content = new byte[4096];
        EngineTesting.fill(11, 0, content);
        Path path = Files.write(dir.resolve("served.bin"), content);
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            try (IoFile file = engine.openFile(path)) {
                Path renamed = Files.move(path, dir.resolve("renamed.bin"));
                Files.delete(renamed);
                Buffer b = file.read(0, content.length).get(5, TimeUnit.SECONDS);
                byte[] got = new byte[b.readableBytes()];
                MemorySegment.copy(b.readableSegment(), ValueLayout.JAVA_BYTE, 0, got, 0, got.length);
                b.release();
                assertArrayEquals(content, got, "the open handle still reads the file's bytes");
            }
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(5));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
