package org.iocp4j.core.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared region's mapping and page allocator, without Wine. Mapped 1 TiB above the bridge's address so
 * that it never collides with a bridge running in the same JVM.
 */
class SharedRegionTest {
    private static final long ADDRESS = SharedRegion.BASE + (1L << 40);
    private static final long PAGE = SharedRegion.PAGE;
    private static final long DATA = 2 * PAGE;
    private static final long SIZE = 16 * PAGE;

    private Path file;
    private SharedRegion region;

    @BeforeEach
    void map() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isDirectory(Path.of("/dev/shm")),
                "the shared region is a /dev/shm file mapped with Linux mmap");
        file = Path.of("/dev/shm", "iocp4j-shared-region-test-" + ProcessHandle.current().pid());
        Files.deleteIfExists(file);
        region = SharedRegion.create(file, ADDRESS, SIZE, DATA);
    }

    @AfterEach
    void unmap() throws IOException {
        if (region != null) {
            region.close();
        }
    }

    @Test
    void mapsTheFileAtTheAddressSharedWithOtherMappings() throws IOException {
        assertEquals(ADDRESS, region.all().address());
        assertEquals(SIZE, region.all().byteSize());
        MemorySegment page = region.allocate(PAGE);
        page.set(JAVA_BYTE, 7, (byte) 42);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer read = ByteBuffer.allocate(1);
            channel.read(read, page.address() - ADDRESS + 7);
            assertEquals(42, read.get(0), "a write through the mapping is in the file");
        }
    }

    @Test
    void refusesASecondMappingAtTheSameAddress() {
        Path other = Path.of(file + "-second");
        IOException e = assertThrows(IOException.class, () -> SharedRegion.create(other, ADDRESS, SIZE, DATA));
        assertTrue(e.getMessage().contains("MAP_FIXED_NOREPLACE"), e.getMessage());
        assertFalse(Files.exists(other), "the file of a failed mapping is removed");
    }

    @Test
    void allocatesFirstFitAfterTheHeaderAndCoalescesFreedPages() throws IOException {
        MemorySegment a = region.allocate(PAGE);
        MemorySegment b = region.allocate(3 * PAGE);
        MemorySegment c = region.allocate(PAGE);
        assertEquals(ADDRESS + DATA, a.address());
        assertEquals(a.address() + PAGE, b.address());
        assertEquals(b.address() + 3 * PAGE, c.address());

        region.free(a);
        region.free(b);
        assertEquals(Map.of(DATA, 4 * PAGE, DATA + 5 * PAGE, SIZE - DATA - 5 * PAGE), region.freeRanges(),
                "a and b coalesce into one range");
        MemorySegment d = region.allocate(4 * PAGE);
        assertEquals(ADDRESS + DATA, d.address(), "the coalesced range fits 4 pages again");

        region.free(c);
        region.free(d);
        assertEquals(Map.of(DATA, SIZE - DATA), region.freeRanges(), "everything back in one range");
    }

    @Test
    void reusedPagesAreZeroFilled() throws IOException {
        MemorySegment a = region.allocate(PAGE);
        a.fill((byte) 0x5A);
        region.free(a);
        MemorySegment again = region.allocate(PAGE);
        assertEquals(a.address(), again.address());
        for (long i = 0; i < PAGE; i++) {
            assertEquals(0, again.get(JAVA_BYTE, i), "byte " + i);
        }
    }

    @Test
    void rejectsBadRequestsAndExhaustion() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> region.allocate(PAGE + 1));
        assertThrows(IllegalArgumentException.class, () -> region.allocate(0));
        MemorySegment a = region.allocate(PAGE);
        assertThrows(IllegalArgumentException.class, () -> region.free(a.asSlice(PAGE / 2)),
                "not the start of an allocation");
        region.free(a);
        assertThrows(IllegalArgumentException.class, () -> region.free(a), "a double free");
        IOException e = assertThrows(IOException.class, () -> region.allocate(SIZE - DATA + PAGE));
        assertTrue(e.getMessage().contains("free contiguous bytes"), e.getMessage());
    }
}
