package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.iocp4j.core.windows.WindowsTesting;

/**
 * Shared pieces of the engine tests: engines on loopback, the echo handler, end-of-test accounting.
 *
 * <p>The backend is the operating system's default, as a user gets it: io_uring on Linux, IOCP over
 * {@code Win32Direct} on Windows - on windows-latest and in the windows-jvm lane, where the JVM is a Windows
 * JDK under Wine (ci/windows-jvm/) - so the same tests run on both. {@code EngineBackendTest} fails when the
 * engines built here are not on that backend.
 */
final class EngineTesting {
    static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** Whether this JVM is a Windows one (on Windows, or under Wine). */
    static final boolean WINDOWS = WindowsTesting.WINDOWS;

    /** The backend name the engines report: the OS's default. */
    static final String BACKEND = WINDOWS ? "iocp" : "io_uring";

    /** Whether the engines run on the IOCP backend. */
    static final boolean IOCP = WINDOWS;

    /** Whether this Windows JVM runs under Wine ({@link WindowsTesting#WINE}). */
    static final boolean WINE = WindowsTesting.WINE;

    private EngineTesting() {
    }

    /** An engine of the OS's default backend with test-sized defaults, adjusted by {@code customise}. */
    static IoEngine engine(Consumer<IoEngine.Builder> customise) throws IOException {
        IoEngine.Builder b = IoEngine.builder();
        b.workers(2).poolMaxBytes(128L << 20);
        customise.accept(b);
        return b.build();
    }

    /**
     * An engine connection to {@code listener} (a JDK server socket) that drops what it reads and adds the
     * bytes its onWritten reports to {@code written}.
     */
    static Connection connectTo(IoEngine engine, ServerSocket listener, AtomicLong written) throws Exception {
        return engine.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()),
                new ConnectionHandler() {
                    @Override
                    public void onRead(Connection c, Buffer data) {
                        data.release();
                    }

                    @Override
                    public void onWritten(Connection c, long bytes) {
                        written.addAndGet(bytes);
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    /** Echoes every buffer back (the write takes ownership of it). */
    static class Echo implements ConnectionHandler {
        @Override
        public void onRead(Connection connection, Buffer data) {
            connection.write(data);
        }
    }

    /**
     * Shuts the engine down and asserts the accounting the design promises: no operation pending, no
     * connection open, and the pool's outstanding count zero (shutdown closes the pool and fails on a leak).
     */
    static void shutdownClean(IoEngine engine) throws IOException {
        engine.shutdown(Duration.ofSeconds(5));
        EngineMetrics m = engine.metrics();
        assertEquals(0, m.operationsInFlight(), "operations in flight after shutdown");
        assertEquals(0, m.connectionsOpen(), "connections open after shutdown");
        assertEquals(0, engine.bufferPool().outstanding().size(), "buffers outstanding after shutdown");
    }

    /**
     * Asserts, while the engine runs, that everything settled: nothing pending, no buffer held except those
     * the workers lend to the kernel for provided-buffer receives (returned at shutdown).
     */
    static void awaitQuiet(IoEngine engine, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        EngineMetrics m = engine.metrics();
        while (System.nanoTime() < deadline && (m.operationsInFlight() != 0 || m.connectionsOpen() != 0
                || m.pool().inUse() != m.providedBuffers())) {
            Thread.sleep(5);
            m = engine.metrics();
        }
        assertEquals(0, m.operationsInFlight(), "operations in flight: " + m);
        assertEquals(0, m.connectionsOpen(), "connections open: " + m);
        assertEquals(m.providedBuffers(), m.pool().inUse(), "buffers in use beyond those lent to the kernel: " + m);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Fills {@code out} (a length that is a multiple of 8) with the pseudo-random stream of {@code seed} from
     * byte {@code offset} (a multiple of 8): word {@code k} of the stream is SplitMix64's finaliser of
     * {@code seed + k * golden ratio}, so any part of the stream is recomputed without state.
     */
    static void fill(long seed, long offset, byte[] out) {
        long word = offset >>> 3;
        for (int i = 0; i < out.length; i += 8, word++) {
            LONGS.set(out, i, mix(seed + word * 0x9E3779B97F4A7C15L));
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
