package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against an in-process echo server. */
class LoadGeneratorTest {
    private IoEngine serverEngine;
    private IoEngine clientEngine;
    private Server server;

    @BeforeEach
    void start() throws IOException {
        serverEngine = IoEngine.builder().workers(2).poolMaxBytes(128L << 20).build();
        clientEngine = IoEngine.builder().workers(2).poolMaxBytes(128L << 20).build();
        server = EchoServer.listen(serverEngine, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Both engines stop clean: no connection open, no buffer outstanding (shutdown also fails on a leak). */
    @AfterEach
    void stop() throws IOException {
        for (IoEngine engine : new IoEngine[] {clientEngine, serverEngine}) {
            engine.shutdown(Duration.ofSeconds(5));
            assertEquals(0, engine.metrics().connectionsOpen(), "connections open after shutdown");
            assertEquals(0, engine.bufferPool().outstanding().size(), "buffers outstanding after shutdown");
        }
    }

    private LoadGenerator.Report run(int connections, int messageSize, int rate, Duration duration,
                                     ByteArrayOutputStream live) throws InterruptedException {
        LoadGenerator.Settings settings = new LoadGenerator.Settings(server.localAddress(), connections, 100,
                messageSize, rate, duration);
        return LoadGenerator.run(clientEngine, settings, new PrintStream(live, true, StandardCharsets.UTF_8));
    }

    @Test
    void asFastAsPossibleVerifiesEveryEcho() throws Exception {
        ByteArrayOutputStream live = new ByteArrayOutputStream();
        LoadGenerator.Report r = run(8, 1000, 0, Duration.ofSeconds(2), live);

        assertTrue(r.clean(), r.summary());
        assertEquals(8, r.connected());
        assertTrue(r.messages() > 0, r.summary());
        assertEquals(r.messages() * 1000, r.bytesVerified(), r.summary());
        assertTrue(r.p50Micros() > 0 && r.p50Micros() <= r.p99Micros() && r.p99Micros() <= r.maxMicros(),
                r.summary());
        assertEquals(2, live.toString(StandardCharsets.UTF_8).lines().count(), "one live line per second");

        String json = r.toJson();
        assertEquals(r.messages(), jsonLong(json, "messages"), json);
        assertEquals(0, jsonLong(json, "verifyErrors"), json);
        assertEquals(r.p99Micros(), jsonLong(json, "p99"), json);
        assertTrue(json.matches("\\{\"target\":\"[^\"]+\",\"connections\":8,.*\"latencyMicros\":\\{\"p50\":\\d+,"
                + "\"p90\":\\d+,\"p99\":\\d+,\"p999\":\\d+,\"max\":\\d+,\"mean\":[0-9.]+},\"firstError\":null}"), json);
    }

    /**
     * At 50 messages/s per connection for 1 s, each of 4 connections sends at most 51 (a slot every 20 ms from
     * its start, up to the run's fixed deadline, no catch-up burst): a ceiling a slow machine cannot break. How
     * close to it a run gets is throughput, which the benchmarks measure, not this test.
     */
    @Test
    void messageRateLimitsTheSends() throws Exception {
        LoadGenerator.Report r = run(4, 16, 50, Duration.ofSeconds(1), new ByteArrayOutputStream());

        assertTrue(r.clean(), r.summary());
        assertTrue(r.messages() > 0 && r.messages() <= 4 * 51, r.summary());
    }

    /** Nothing listening: every connect fails, the run is not clean and says why. */
    @Test
    void refusedConnectionsAreReported() throws Exception {
        InetSocketAddress closed = server.localAddress();
        server.close();
        server.closedFuture().join();
        LoadGenerator.Report r = LoadGenerator.run(clientEngine, new LoadGenerator.Settings(closed, 3, 0, 8, 0,
                Duration.ofMillis(500)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(3, r.connectFailures(), r.summary());
        assertEquals(0, r.messages());
        assertTrue(!r.clean() && r.firstError().startsWith("connect: "), r.summary());
    }

    /** The number {@code "key":N} in {@code json} (the first such key). */
    static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
