package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.iocp4j.core.IoEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP load against {@link TestHttpResponder}, in each of its modes. */
class HttpLoadTest {
    /** Long enough that a busy machine never trips it on a responder that answers. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private IoEngine clientEngine;
    private TestHttpResponder responder;
    private final ByteArrayOutputStream live = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        clientEngine = IoEngine.builder().workers(2).poolMaxBytes(128L << 20).readTimeout(READ_TIMEOUT).build();
        responder = new TestHttpResponder();
    }

    /** The engine stops clean: no connection open, no buffer outstanding (shutdown also fails on a leak). */
    @AfterEach
    void stop() throws Exception {
        responder.close();
        clientEngine.shutdown(Duration.ofSeconds(5));
        assertEquals(0, clientEngine.metrics().connectionsOpen(), "connections open after shutdown");
        assertEquals(0, clientEngine.bufferPool().outstanding().size(), "buffers outstanding after shutdown");
    }

    private HttpLoad.Report run(int connections, String method, String path, int bodySize, int pipeline, int rate,
                                Duration duration) throws InterruptedException {
        responder.start();
        HttpLoad.Settings settings = new HttpLoad.Settings(responder.address(), connections, 0, rate, duration,
                method, path, bodySize, pipeline);
        return HttpLoad.run(clientEngine, settings, new PrintStream(live, true, StandardCharsets.UTF_8));
    }

    private HttpLoad.Report get(int connections, int pipeline, Duration duration) throws InterruptedException {
        return run(connections, "GET", "/plaintext", 0, pipeline, 0, duration);
    }

    /** Keep-alive: each connection is opened once and carries every one of its requests. */
    @Test
    void keepAliveConnectionsCarryEveryRequest() throws Exception {
        responder.bodySize = 100;
        HttpLoad.Report r = get(4, 1, Duration.ofMillis(1500));

        assertTrue(r.clean(), r.summary());
        assertEquals(4, r.connected(), r.summary());
        assertEquals(4, responder.accepted(), r.summary());
        assertEquals(0, r.reconnects(), r.summary());
        assertTrue(r.responses() > 0, r.summary());
        assertEquals(r.requests(), r.responses(), r.summary());
        assertEquals(responder.requests(), r.requests(), r.summary());
        assertEquals(r.responses(), r.status2xx(), r.summary());
        assertEquals(r.responses() * 100, r.bodyBytes(), r.summary());
        assertTrue(r.bytesReceived() > r.bodyBytes(), r.summary());
        LoadRun.Latency l = r.latency();
        assertTrue(l.p50() > 0 && l.p50() <= l.p90() && l.p90() <= l.p99() && l.p99() <= l.p999()
                && l.p999() <= l.max(), r.summary());
        assertEquals(1, live.toString(StandardCharsets.UTF_8).lines().count(), "one live line per second");
        assertTrue(live.toString(StandardCharsets.UTF_8).contains(" reqs "), live.toString(StandardCharsets.UTF_8));

        String json = r.toJson();
        assertTrue(json.startsWith("{\"protocol\":\"http\",\"target\":"), json);
        assertEquals(r.responses(), LoadGeneratorTest.jsonLong(json, "responses"), json);
        assertEquals(r.status2xx(), LoadGeneratorTest.jsonLong(json, "2xx"), json);
        assertEquals(l.p99(), LoadGeneratorTest.jsonLong(json, "p99"), json);
        assertTrue(json.matches(".*\"status\":\\{\"2xx\":\\d+,\"3xx\":0,\"4xx\":0,\"5xx\":0},\"errors\":\\{"
                + "\"malformed\":0,\"io\":0,\"timeouts\":0},.*\"latencyMicros\":\\{\"p50\":\\d+,\"p90\":\\d+,"
                + "\"p99\":\\d+,\"p999\":\\d+,\"max\":\\d+,\"mean\":[0-9.]+},\"firstError\":null}"), json);
    }

    /**
     * The responder reads 8 requests before it answers any, so the run only makes progress if every
     * connection writes 8 back to back; the echoed request ids show the 8 responses matched in order.
     */
    @Test
    void pipelineOfEightMatchesResponsesInOrder() throws Exception {
        responder.batch = 8;
        HttpLoad.Report r = get(3, 8, Duration.ofSeconds(1));

        assertTrue(r.clean(), r.summary());
        assertTrue(r.responses() >= 8 * 3, r.summary());
        assertEquals(0, r.responses() % 8, r.summary());
        assertEquals(r.requests(), r.responses(), r.summary());
    }

    /** The same responder answering each batch backwards: the ids catch the first mismatch. */
    @Test
    void responsesOutOfOrderAreMalformed() throws Exception {
        responder.batch = 8;
        responder.reverse = true;
        HttpLoad.Report r = get(2, 8, Duration.ofMillis(500));

        assertEquals(2, r.malformed(), r.summary());
        assertEquals(0, r.responses(), r.summary());
        assertFalse(r.clean());
        assertTrue(r.firstError().contains("carries X-Request-Id") && r.firstError().contains("out of order"),
                r.firstError());
    }

    @Test
    void chunkedBodiesAreDecoded() throws Exception {
        responder.chunked = true;
        responder.bodySize = 1000;
        HttpLoad.Report r = get(2, 4, Duration.ofSeconds(1));

        assertTrue(r.clean(), r.summary());
        assertTrue(r.responses() > 0, r.summary());
        assertEquals(r.responses() * 1000, r.bodyBytes(), r.summary());
    }

    /**
     * Every fifth response says Connection: close; with a depth of 3, the close leaves one request of its
     * batch (requests 4, 5, 6) unanswered, and the connection comes back.
     */
    @Test
    void connectionCloseReconnects() throws Exception {
        responder.closeAfter = 5;
        HttpLoad.Report r = get(2, 3, Duration.ofSeconds(1));

        assertTrue(r.clean(), r.summary());
        assertTrue(r.reconnects() > 0, r.summary());
        assertEquals(2 + r.reconnects(), r.connected(), r.summary());
        long closes = r.unanswered();
        assertTrue(closes >= r.reconnects() && closes <= r.reconnects() + 2, r.summary());
        assertEquals(r.requests(), r.responses() + r.unanswered(), r.summary());
    }

    @Test
    void garbageIsMalformed() throws Exception {
        responder.behaviour = TestHttpResponder.Behaviour.GARBAGE;
        HttpLoad.Report r = get(3, 1, Duration.ofMillis(500));

        assertEquals(3, r.malformed(), r.summary());
        assertEquals(0, r.responses(), r.summary());
        assertFalse(r.clean());
        assertTrue(r.firstError().contains("bad status line 'this is not HTTP'"), r.firstError());
        assertTrue(r.toJson().contains("\"errors\":{\"malformed\":3,\"io\":0,\"timeouts\":0}"), r.toJson());
    }

    @Test
    void resetIsAnIoError() throws Exception {
        responder.behaviour = TestHttpResponder.Behaviour.RESET;
        HttpLoad.Report r = get(2, 1, Duration.ofMillis(500));

        assertEquals(2, r.ioErrors(), r.summary());
        assertEquals(0, r.malformed() + r.timeouts(), r.summary());
        assertFalse(r.clean());
    }

    /** A server that never answers: the engine's read timeout ends each connection, counted as a timeout. */
    @Test
    void silenceIsATimeout() throws Exception {
        responder.behaviour = TestHttpResponder.Behaviour.SILENT;
        HttpLoad.Report r = get(2, 1, Duration.ofMillis(500));

        assertEquals(2, r.timeouts(), r.summary());
        assertEquals(0, r.responses(), r.summary());
        assertNotNull(r.firstError());
        assertFalse(r.clean());
    }

    /** POST bodies arrive whole; 3xx are counted and clean, 4xx are counted and not. */
    @Test
    void postBodiesAndStatusClasses() throws Exception {
        HttpLoad.Report r = run(2, "POST", "/status/302", 50, 2, 0, Duration.ofMillis(500));

        assertTrue(r.clean(), r.summary());
        assertEquals(r.responses(), r.status3xx(), r.summary());
        assertEquals(r.requests() * 50, responder.requestBodyBytes(), r.summary());
    }

    @Test
    void clientErrorsMakeTheRunUnclean() throws Exception {
        HttpLoad.Report r = run(1, "GET", "/status/404", 0, 1, 0, Duration.ofMillis(300));

        assertTrue(r.responses() > 0, r.summary());
        assertEquals(r.responses(), r.status4xx(), r.summary());
        assertEquals(0, r.malformed() + r.ioErrors() + r.timeouts(), r.summary());
        assertFalse(r.clean(), r.summary());
    }

    /**
     * 100 requests/s over 2 connections for 1 s: never more than the slots of the run (one every 10 ms, shared,
     * no catch-up burst), whatever the pipeline depth; a ceiling a slow machine cannot break. How close to it a
     * run gets is throughput, which the benchmarks measure, not this test.
     */
    @Test
    void rateLimitsRequestsOverAllConnections() throws Exception {
        HttpLoad.Report r = run(2, "GET", "/", 0, 4, 100, Duration.ofSeconds(1));

        assertTrue(r.clean(), r.summary());
        assertTrue(r.requests() > 0 && r.requests() <= 102, r.summary());
    }
}
