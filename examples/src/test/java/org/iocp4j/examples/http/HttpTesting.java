package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.iocp4j.core.EngineMetrics;

/**
 * Starts the sample server for end-to-end tests (loopback, port 0, two workers, demo routes) and stops it
 * with the check every such test ends with: once the clients are gone no connection is open and no buffer
 * is held but the ones lent to the kernel for receives, and after shutdown none at all. Public for the tests
 * of other packages of the module (the load generator's, against this server).
 *
 * <p>The server's engine is the OS's default: IOCP in a Windows JVM (windows-latest, and the windows-jvm lane,
 * where a Windows JDK runs these tests under Wine), io_uring on Linux.
 *
 * <p>Thread-safe: static methods without shared state.
 */
public final class HttpTesting {
    private HttpTesting() {
    }

    /**
     * A started server with the demo routes serving {@code root} (may be null) under {@code limits}.
     */
    public static HttpServer start(Path root, HttpLimits limits) throws IOException {
        HttpServer.Builder builder = HttpServer.builder().port(0).workers(2).root(root).limits(limits)
                .poolMaxBytes(256L << 20);
        HttpServer server = builder.build();
        DemoRoutes.install(server);
        return server.start();
    }

    /** {@link #start(Path, HttpLimits)} with the default limits. */
    public static HttpServer start(Path root) throws IOException {
        return start(root, HttpLimits.DEFAULTS);
    }

    /** {@code http://127.0.0.1:port} + {@code path}. */
    public static URI uri(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.localAddress().getPort() + path);
    }

    /**
     * Waits (up to 10 s) for every connection to close, checks that no buffer is outstanding but the receive
     * buffers lent to the kernel, shuts the server down and checks that the pool got every buffer back
     * (shutdown itself fails on a leak).
     */
    public static void stopClean(HttpServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        EngineMetrics m = server.engine().metrics();
        while ((server.metrics().connectionsOpen() != 0 || m.connectionsOpen() != 0
                || m.pool().inUse() != m.providedBuffers()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            m = server.engine().metrics();
        }
        assertEquals(0, server.metrics().connectionsOpen(), "HTTP connections still open");
        assertEquals(0, m.connectionsOpen(), "engine connections still open");
        assertEquals(m.providedBuffers(), m.pool().inUse(), "buffers outstanding beyond the "
                + m.providedBuffers() + " lent to the kernel for receives: " + server.engine().bufferPool().outstanding());
        server.shutdown(Duration.ofSeconds(5));
        assertEquals(0, server.engine().bufferPool().outstanding().size(), "buffers outstanding after shutdown");
    }
}
