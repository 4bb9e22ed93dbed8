package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.iocp4j.core.IoEngine;
import org.iocp4j.examples.http.HttpMetrics;
import org.iocp4j.examples.http.HttpServer;
import org.iocp4j.examples.http.HttpTesting;
import org.junit.jupiter.api.Test;

/**
 * The load generator's HTTP mode against the sample server: both sides of the examples, each checking the
 * other - the load generator every response's framing, status and order (by X-Request-Id), the server
 * ending with no connection and no buffer outstanding.
 */
class HttpLoadAgainstServerTest {
    private static final int CONNECTIONS = 16;
    private static final int PIPELINE = 8;
    private static final int HELLO_LENGTH = "Hello, World!".length();

    @Test
    void pipelinedPlaintextLoadRunsClean() throws Exception {
        HttpServer server = HttpTesting.start(null);
        // A read timeout far above any answer time, so only a server that stops answering trips it.
        IoEngine client = IoEngine.builder().workers(2).poolMaxBytes(128L << 20).readTimeout(Duration.ofSeconds(10))
                .build();
        HttpLoad.Report r;
        try {
            HttpLoad.Settings settings = new HttpLoad.Settings(server.localAddress(), CONNECTIONS, 0, 0,
                    Duration.ofSeconds(2), "GET", "/plaintext", 0, PIPELINE);
            r = HttpLoad.run(client, settings, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
        } finally {
            client.shutdown(Duration.ofSeconds(5));
        }
        System.out.println(r.summary());
        assertEquals(0, client.bufferPool().outstanding().size(), "client buffers outstanding after shutdown");

        assertTrue(r.clean(), r.summary());
        assertTrue(r.responses() > 0, r.summary());
        assertEquals(r.responses(), r.status2xx(), r.summary());
        assertEquals(CONNECTIONS, r.connected(), r.summary());
        assertEquals(0, r.reconnects(), r.summary());
        assertEquals(r.responses() * HELLO_LENGTH, r.bodyBytes(), r.summary());

        // The server saw at least what was answered (requests still in flight when the run ended may add
        // to its count) and refused nothing.
        HttpMetrics m = server.metrics();
        String both = r.summary() + "\nserver: " + m;
        assertTrue(m.requests() >= r.responses(), both);
        assertTrue(m.responses2xx() >= r.responses(), both);
        assertEquals(0, m.responses4xx() + m.responses5xx() + m.refusals() + m.connectionsRefused(), both);
        assertEquals(CONNECTIONS, m.engine().connectionsAccepted(), both);
        HttpTesting.stopClean(server);
    }
}
