package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Connection#runInContext} and {@link Connection#schedule}: tasks from other threads and timers run
 * in the connection's serial context (never overlapping its callbacks), a cancelled timer never runs, and a
 * timer due after the close does not run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionContextTest {

    private static void send(Connection c, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        Buffer b = c.bufferPool().acquire(bytes.length);
        b.writableSegment().copyFrom(java.lang.foreign.MemorySegment.ofArray(bytes));
        b.writerIndex(bytes.length);
        c.write(b);
    }

    private static String read(InputStream in, int n) throws Exception {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    @Test
    void scheduledAndForeignTasksRunInTheContextAndCancelledOnesNever() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.workers(2));
        AtomicInteger inContext = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        BlockingQueue<Connection> opened = new ArrayBlockingQueue<>(1);
        BlockingQueue<Boolean> cancelled = new ArrayBlockingQueue<>(1);
        Server server = engine.listen(EngineTesting.LOOPBACK, () -> new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                Cancellable never = c.schedule(Duration.ofMillis(100), () -> send(c, "X"));
                c.schedule(Duration.ofMillis(200), () -> send(c, "T"));
                cancelled.add(never.cancel());
                opened.add(c);
            }

            @Override
            public void onRead(Connection c, Buffer data) {
                if (inContext.getAndIncrement() != 0) {
                    overlaps.incrementAndGet();
                }
                received.addAndGet(data.readableBytes());
                data.release();
                inContext.decrementAndGet();
            }
        });
        try (Socket client = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
            Connection c = opened.poll(5, TimeUnit.SECONDS);
            assertTrue(cancelled.poll(5, TimeUnit.SECONDS), "the first cancel wins against an unfired timer");
            assertEquals("T", read(client.getInputStream(), 1), "only the uncancelled timer wrote");
            // Foreign threads race the peer's reads; their tasks and onRead never overlap.
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 200; i++) {
                        c.runInContext(() -> {
                            if (inContext.getAndIncrement() != 0) {
                                overlaps.incrementAndGet();
                            }
                            inContext.decrementAndGet();
                        });
                    }
                });
            }
            for (int i = 0; i < 200; i++) {
                client.getOutputStream().write(i);
            }
            for (Thread t : threads) {
                t.join();
            }
            c.runInContext(() -> send(c, "D"));
            assertEquals("D", read(client.getInputStream(), 1));
            assertEquals(0, overlaps.get(), "context tasks overlapped callbacks");

            // A task that throws closes the connection like a callback would. Bytes still unread when a socket
            // closes make it a reset, not an EOF: the Wine lane saw "Connection reset" here, its reads being slow.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(200, received.get(), "bytes the server read");
            c.runInContext(() -> {
                throw new IllegalStateException("task failed on purpose");
            });
            assertEquals(-1, client.getInputStream().read(), "the connection was closed");
            AtomicInteger late = new AtomicInteger();
            c.schedule(Duration.ofMillis(10), late::incrementAndGet);
            // A witness on the same wheel, due ticks later, that enters the same serial context: the wheel
            // expires in deadline order and the context runs its tasks in order, so once the witness ran, the
            // timer's task has had its turn.
            CountDownLatch witnessed = new CountDownLatch(1);
            c.home.wheel.schedule(TimeUnit.MILLISECONDS.toNanos(10) + 5 * Worker.TICK_NANOS,
                    () -> c.execute(witnessed::countDown));
            assertTrue(witnessed.await(20, TimeUnit.SECONDS), "the witness timer fired");
            assertEquals(0, late.get(), "a timer due after the close does not run");
            assertFalse(c.isOpen());
        } finally {
            server.close();
            EngineTesting.shutdownClean(engine);
        }
    }
}
