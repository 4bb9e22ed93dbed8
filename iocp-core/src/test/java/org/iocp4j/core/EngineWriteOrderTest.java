package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes from many threads into one engine connection (a client made by {@link IoEngine#connect}): the
 * lock-free write queue keeps each thread's writes in its order, loses nothing, and onWritten accounts for
 * every byte.
 */
class EngineWriteOrderTest {
    static final int THREADS = 8;
    static final int MESSAGES = 5000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentWritersKeepTheirOwnOrderAndNothingIsLost() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.sizeClasses(64, 16384));
        try (ServerSocket peer = new ServerSocket(0, 50, EngineTesting.LOOPBACK.getAddress())) {
            AtomicLong written = new AtomicLong();
            Connection connection = EngineTesting.connectTo(engine, peer, written);
            try (Socket accepted = peer.accept();
                 ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                accepted.setSoTimeout(20_000);
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    writers.add(threads.submit(() -> {
                        for (int m = 0; m < MESSAGES; m++) {
                            assertTrue(connection.write(engine.bufferPool().acquire(8).writeInt(thread).writeInt(m)));
                        }
                    }));
                }
                int[] next = new int[THREADS];
                DataInputStream in = new DataInputStream(accepted.getInputStream());
                for (int i = 0; i < THREADS * MESSAGES; i++) {
                    int thread = in.readInt();
                    int m = in.readInt();
                    assertEquals(next[thread], m, "thread " + thread + "'s messages in its own order");
                    next[thread]++;
                }
                for (Future<?> f : writers) {
                    f.get();
                }
                connection.close();
                assertEquals(-1, in.read(), "the engine's orderly close right after the last message, no byte more");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (written.get() < 8L * THREADS * MESSAGES && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(8L * THREADS * MESSAGES, written.get(), "onWritten covered every byte");
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(5));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
