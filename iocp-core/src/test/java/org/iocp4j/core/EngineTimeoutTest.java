package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Read and write timeouts on io_uring with real loopback sockets: a silent peer trips the read timeout
 * (even while the engine writes to it), a peer that stops reading trips the write timeout, while peers that
 * keep data moving are left alone. Each test ends with nothing pending and every buffer back in the pool.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineTimeoutTest {
    /**
     * The timeout under test. The clients that must not trip it act every few ms (a round trip, a 10 ms pause,
     * a 256 KiB read), so a second is a margin of well over 10x even with a descheduled client thread under
     * Wine on a loaded machine.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static Socket client(Server server) throws Exception {
        return new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
    }

    /** The single close cause of {@code connection}, waiting up to 20 s for it. */
    static Throwable awaitClose(EngineLifecycleTest.Recording handler, Connection connection)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!handler.closes.containsKey(connection) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        List<Throwable> causes = handler.closes.get(connection);
        assertEquals(1, causes == null ? 0 : causes.size(), "closed once: " + connection);
        return causes.getFirst();
    }

    private static void assertTimedOut(Throwable cause, String prefix) {
        assertInstanceOf(SocketTimeoutException.class, cause);
        assertTrue(cause.getMessage().startsWith(prefix), cause.getMessage());
    }

    private static void finish(IoEngine engine, Server server) throws Exception {
        server.close();
        server.closedFuture().get(5, TimeUnit.SECONDS);
        EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
    }

    @Test
    void readTimeoutClosesASilentPeerEvenWhileWritingToItButNotAPeerThatSends() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.readTimeout(TIMEOUT));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            EngineLifecycleTest.Recording handler = new EngineLifecycleTest.Recording();
            Server server = engine.listen(EngineTesting.LOOPBACK, () -> handler);
            try (Socket silent = client(server); Socket sender = client(server)) {
                Connection a = handler.opened.poll(5, TimeUnit.SECONDS);
                Connection b = handler.opened.poll(5, TimeUnit.SECONDS);
                // Two workers accept: onOpen order is not connect order, so match by the client's port.
                Connection silentConnection = a.remoteAddress().getPort() == silent.getLocalPort() ? a : b;
                Connection senderConnection = silentConnection == a ? b : a;
                // Writes to the silent peer complete, which would satisfy an idle timeout but not a read one.
                ticker.scheduleAtFixedRate(() -> {
                    Buffer one = silentConnection.bufferPool().acquire(16);
                    one.writerIndex(1);
                    silentConnection.write(one);
                }, 0, 50, TimeUnit.MILLISECONDS);
                // The sender keeps its connection busy until the silent one timed out and at least three
                // timeouts have passed, so its timer was re-armed several times, not just once.
                long start = System.nanoTime();
                long deadline = start + 20 * TIMEOUT.toNanos();
                for (int i = 0; (!handler.closes.containsKey(silentConnection)
                        || System.nanoTime() - start < 3 * TIMEOUT.toNanos()) && System.nanoTime() < deadline; i++) {
                    sender.getOutputStream().write(i);
                    assertEquals(i & 0xFF, sender.getInputStream().read());
                    Thread.sleep(10);
                }
                assertTimedOut(awaitClose(handler, silentConnection), "read timeout");
                assertNull(handler.closes.get(senderConnection), "a peer that sends keeps its connection");
                assertTrue(senderConnection.isOpen());
                ticker.shutdownNow();
                InputStream in = silent.getInputStream();
                while (in.read() != -1) { // the bytes written before the timeout, then the close
                }
            }
            finish(engine, server);
        } finally {
            ticker.shutdownNow();
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void readTimeoutIsSuspendedWhileReadsArePausedAndCountsFromTheirResumption() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.readTimeout(TIMEOUT));
        try {
            EngineLifecycleTest.Recording handler = new EngineLifecycleTest.Recording() {
                @Override
                public void onOpen(Connection connection) {
                    connection.autoRead(false);
                    super.onOpen(connection);
                }
            };
            Server server = engine.listen(EngineTesting.LOOPBACK, () -> handler);
            try (Socket silent = client(server)) {
                Connection connection = handler.opened.poll(5, TimeUnit.SECONDS);
                Thread.sleep(3 * TIMEOUT.toMillis());
                assertNull(handler.closes.get(connection), "no read wanted, no read timeout");
                long resumed = System.nanoTime();
                connection.autoRead(true);
                assertTimedOut(awaitClose(handler, connection), "read timeout");
                assertTrue(System.nanoTime() - resumed >= TIMEOUT.toNanos() - TimeUnit.MILLISECONDS.toNanos(20),
                        "counted from the resumption, not from the open");
                assertEquals(-1, silent.getInputStream().read(), "the peer sees the close");
            }
            finish(engine, server);
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void writeTimeoutClosesWhenThePeerStopsReadingButNotWhileItReadsSlowly() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.writeTimeout(TIMEOUT));
        try {
            EngineLifecycleTest.Streamer handler = new EngineLifecycleTest.Streamer();
            Server server = engine.listen(EngineTesting.LOOPBACK, () -> handler);
            try (Socket stalled = client(server); Socket slow = client(server)) {
                Connection a = handler.opened.poll(5, TimeUnit.SECONDS);
                Connection b = handler.opened.poll(5, TimeUnit.SECONDS);
                Connection stalledConnection = a.remoteAddress().getPort() == stalled.getLocalPort() ? a : b;
                Connection slowConnection = stalledConnection == a ? b : a;
                // The slow reader drains 256 KiB every 10 ms, below the stream's pace. Not much slower: a send
                // on a full socket completes only once a third of the (autotuned, MiB-sized) send buffer has
                // drained (the kernel's writability hysteresis), which must happen within the timeout. It reads
                // until the stalled connection timed out, so it was slow for at least one timeout too.
                byte[] chunk = new byte[256 << 10];
                InputStream in = slow.getInputStream();
                long deadline = System.nanoTime() + 20 * TIMEOUT.toNanos();
                while (!handler.closes.containsKey(stalledConnection) && System.nanoTime() < deadline) {
                    in.readNBytes(chunk, 0, chunk.length);
                    Thread.sleep(10);
                }
                assertTimedOut(awaitClose(handler, stalledConnection), "write timeout");
                assertNull(handler.closes.get(slowConnection), "a peer that reads, however slowly, is no stall");
                assertTrue(slowConnection.isOpen());
                slowConnection.abort();
                awaitClose(handler, slowConnection);
            }
            finish(engine, server);
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void builderRefusesNegativeTimeoutsAndZeroByteReadsWithSeveralReads() {
        assertThrows(IllegalArgumentException.class, () -> IoEngine.builder().readTimeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> IoEngine.builder().writeTimeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> IoEngine.builder().writesOutstanding(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IoEngine.builder().backend("io_uring").zeroByteReads(true).readsOutstanding(2).build());
        assertTrue(e.getMessage().contains("zeroByteReads"), e.getMessage());
    }
}
