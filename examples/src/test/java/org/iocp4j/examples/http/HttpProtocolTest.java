package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample server end to end on loopback: java.net.http's client for ordinary exchanges, raw sockets where
 * the bytes on the wire matter (pipelining, interim responses, refusals, slow and idle clients). Every test
 * ends with {@link HttpTesting#stopClean}: no connection left and every buffer back in the pool.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HttpProtocolTest {
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    // ------------------------------------------------------------------ demo routes through HttpClient

    @Test
    void plaintextAndJson() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (HttpClient client = client()) {
            var plain = client.send(get(server, "/plaintext"), BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
            assertEquals("Hello, World!", plain.body());
            assertEquals("text/plain", plain.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("iocp4j", plain.headers().firstValue("Server").orElseThrow());
            String date = plain.headers().firstValue("Date").orElseThrow();
            ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertTrue(Math.abs(Duration.between(parsed, ZonedDateTime.now()).toMinutes()) < 5, date);

            var json = client.send(get(server, "/json"), BodyHandlers.ofString());
            assertEquals(200, json.statusCode());
            assertEquals("{\"message\":\"Hello, World!\"}", json.body());
            assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());

            var missing = client.send(get(server, "/nothing-here"), BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void echoContentLengthChunkedAndBinaryBodies() throws Exception {
        HttpServer server = HttpTesting.start(null);
        byte[] mib = new byte[1 << 20];
        new Random(42).nextBytes(mib);
        try (HttpClient client = client()) {
            var text = client.send(post(server, "/echo", BodyPublishers.ofString("héllo"), "text/plain; charset=utf-8"),
                    BodyHandlers.ofString());
            assertEquals(200, text.statusCode());
            assertEquals("héllo", text.body());
            assertEquals("text/plain; charset=utf-8", text.headers().firstValue("Content-Type").orElseThrow());

            // A body publisher of unknown length makes the client send it chunked.
            var chunked = client.send(post(server, "/echo", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(mib)),
                    "application/octet-stream"), BodyHandlers.ofByteArray());
            assertEquals(200, chunked.statusCode());
            assertArrayEquals(mib, chunked.body());

            var fixed = client.send(post(server, "/echo", BodyPublishers.ofByteArray(mib), "application/octet-stream"),
                    BodyHandlers.ofByteArray());
            assertEquals(200, fixed.statusCode());
            assertEquals(String.valueOf(mib.length), fixed.headers().firstValue("Content-Length").orElseThrow());
            assertArrayEquals(mib, fixed.body());

            var empty = client.send(post(server, "/echo", BodyPublishers.noBody(), "x/y"), BodyHandlers.ofByteArray());
            assertEquals(200, empty.statusCode());
            assertEquals(0, empty.body().length);
        }
        // Chunked on the wire exactly as written: sizes in both cases, an extension, a trailer.
        try (Raw raw = new Raw(server)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;note=x\r\nhello\r\nA\r\n, chunked \r\na\r\nworld!\r\n!!\r\n0\r\nX-Trailer: 1\r\n\r\n");
            Response r = raw.read();
            assertEquals(200, r.status());
            assertEquals("hello, chunked world!\r\n!!", r.text());
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void statsCountRequestsAndHelloRunsOnAVirtualThread() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (HttpClient client = client()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, client.send(get(server, "/plaintext"), BodyHandlers.ofString()).statusCode());
            }
            var hello = client.send(get(server, "/hello"), BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            assertTrue(hello.body().contains("(a virtual thread: true)"), hello.body());

            var stats = client.send(get(server, "/stats"), BodyHandlers.ofString());
            assertEquals(200, stats.statusCode());
            String json = stats.body();
            assertJsonShaped(json);
            assertEquals(7, jsonLong(json, "requests"), json);
            assertEquals(6, jsonLong(json, "2xx"), json); // the stats response itself is counted after it is made
            assertEquals(1, jsonLong(json, "connectionsAccepted"), "one keep-alive connection: " + json);
            assertTrue(jsonLong(json, "buffersInUse") >= 0, json);
        }
        HttpTesting.stopClean(server);
    }

    // ------------------------------------------------------------------ connections and pipelining

    @Test
    void manyRequestsOnOneKeepAliveConnection() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (HttpClient client = client()) {
            for (int i = 0; i < 50; i++) {
                var r = client.send(get(server, i % 2 == 0 ? "/plaintext" : "/hello"), BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
            }
        }
        try (Raw raw = new Raw(server)) {
            for (int i = 0; i < 200; i++) {
                raw.send("GET /json HTTP/1.1\r\nHost: t\r\n\r\n");
                Response r = raw.read();
                assertEquals(200, r.status());
                assertNull(r.header("connection"));
            }
        }
        assertEquals(2, server.engine().metrics().connectionsAccepted());
        assertEquals(250, server.metrics().requests());
        HttpTesting.stopClean(server);
    }

    /** Handlers that finish out of order on virtual threads; the responses still come in request order. */
    @Test
    void pipelinedResponsesComeInRequestOrder() throws Exception {
        HttpServer server = HttpTesting.start(null);
        ConcurrentLinkedQueue<String> finished = sleepRoute(server);
        Random random = new Random();
        StringBuilder pipeline = new StringBuilder();
        int n = 24;
        for (int i = 0; i < n; i++) {
            // The first sleeps longest, so at least the second finishes before it.
            int ms = i == 0 ? 400 : random.nextInt(150);
            pipeline.append("GET /sleep?ms=").append(ms).append("&id=").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
            if (i % 5 == 4) {
                pipeline.append("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            }
        }
        try (Raw raw = new Raw(server)) {
            raw.send(pipeline.toString());
            for (int i = 0; i < n; i++) {
                Response r = raw.read();
                assertEquals(200, r.status());
                assertEquals(String.valueOf(i), r.text(), "response " + i);
                if (i % 5 == 4) {
                    assertEquals("Hello, World!", raw.read().text());
                }
            }
        }
        List<String> order = List.copyOf(finished);
        assertEquals(n, order.size());
        assertNotEquals("0", order.get(0), "the handlers did not finish out of order: " + order);
        HttpTesting.stopClean(server);
    }

    @Test
    void connectionCloseInTheMiddleOfAPipeline() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                    + "GET /json HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
            Response first = raw.read();
            assertEquals("Hello, World!", first.text());
            assertNull(first.header("connection"));
            Response second = raw.read();
            assertEquals(200, second.status());
            assertEquals("close", second.header("connection"));
            raw.assertClosed();
        }
        assertEquals(2, server.metrics().requests(), "requests after Connection: close were dispatched");
        HttpTesting.stopClean(server);
    }

    @Test
    void http10WithAndWithoutKeepAlive() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            raw.send("GET /plaintext HTTP/1.0\r\n\r\n");
            Response r = raw.read();
            assertEquals(200, r.status());
            assertEquals("Hello, World!", r.text());
            assertEquals("close", r.header("connection"));
            raw.assertClosed();
        }
        try (Raw raw = new Raw(server)) {
            for (int i = 0; i < 3; i++) {
                raw.send("GET /json HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                Response r = raw.read();
                assertEquals(200, r.status());
                assertEquals("keep-alive", r.header("connection"));
            }
            raw.send("GET /json HTTP/1.0\r\n\r\n");
            assertEquals("close", raw.read().header("connection"));
            raw.assertClosed();
        }
        assertEquals(2, server.engine().metrics().connectionsAccepted());
        HttpTesting.stopClean(server);
    }

    @Test
    void headHasTheLengthButNoBody() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            // Were a body sent after HEAD's head, the GET's response would not parse.
            raw.send("HEAD /plaintext HTTP/1.1\r\nHost: t\r\n\r\nHEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            Response head = raw.readHead();
            assertEquals(200, head.status());
            assertEquals("13", head.header("content-length"));
            assertEquals("text/plain", head.header("content-type"));
            Response helloHead = raw.readHead();
            assertEquals(200, helloHead.status());
            assertTrue(Integer.parseInt(helloHead.header("content-length")) > 20);
            assertEquals("Hello, World!", raw.read().text());
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void optionsAndMethodNotAllowed() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            raw.send("OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n");
            Response star = raw.read();
            assertEquals(204, star.status());
            assertEquals(ALL_METHODS, star.header("allow"));
            assertNull(star.header("content-length"));

            raw.send("OPTIONS /echo HTTP/1.1\r\nHost: t\r\n\r\n");
            Response echo = raw.read();
            assertEquals(204, echo.status());
            assertEquals("POST, OPTIONS", echo.header("allow"));

            raw.send("OPTIONS /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("GET, HEAD, OPTIONS", raw.read().header("allow"));

            raw.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
            Response notAllowed = raw.read();
            assertEquals(405, notAllowed.status());
            assertEquals("POST, OPTIONS", notAllowed.header("allow"));
            assertNull(notAllowed.header("connection"), "a 405 keeps the connection");

            raw.send("DELETE /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            Response delete = raw.read();
            assertEquals(405, delete.status());
            assertEquals("GET, HEAD, OPTIONS", delete.header("allow"));

            raw.send("PUT /plaintext HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nxx");
            assertEquals(405, raw.read().status());
            raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("Hello, World!", raw.read().text());
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void expectContinue() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            Response interim = raw.read(); // blocks until the 100 arrives: the body is not sent yet
            assertEquals(100, interim.status());
            raw.send("hello");
            Response r = raw.read();
            assertEquals(200, r.status());
            assertEquals("hello", r.text());

            // The same with a chunked body, on the same connection.
            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertEquals(100, raw.read().status());
            raw.send("3\r\nabc\r\n0\r\n\r\n");
            assertEquals("abc", raw.read().text());
        }
        try (Raw raw = new Raw(server)) {
            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 100000000\r\n\r\n");
            Response r = raw.read();
            assertEquals(413, r.status(), "413 without a 100 first");
            assertEquals("close", r.header("connection"));
            raw.assertClosed();
        }
        assertEquals(2, server.metrics().responses1xx(), "the two interim answers are counted");
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var r = client.send(java.net.http.HttpRequest.newBuilder(HttpTesting.uri(server, "/echo")).expectContinue(true)
                    .POST(BodyPublishers.ofString("continued")).build(), BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("continued", r.body());
        }
        HttpTesting.stopClean(server);
    }

    /** The interim 100 of a request waits for the responses before it, which keep their order. */
    @Test
    void expectContinueWaitsForEarlierResponses() throws Exception {
        HttpServer server = HttpTesting.start(null);
        sleepRoute(server);
        try (Raw raw = new Raw(server)) {
            raw.send("GET /sleep?ms=300&id=first HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 6\r\n\r\n");
            Response first = raw.read();
            assertEquals("first", first.text());
            assertEquals(100, raw.read().status());
            raw.send("second");
            assertEquals("second", raw.read().text());
        }
        HttpTesting.stopClean(server);
    }

    /** Escaped paths are matched decoded; a malformed escape is a 400 that leaves the connection usable. */
    @Test
    void percentEncodedPaths() throws Exception {
        HttpServer server = HttpTesting.start(null);
        try (Raw raw = new Raw(server)) {
            assertEquals("Hello, World!", raw.read0("GET /plain%74ext HTTP/1.1\r\nHost: t\r\n\r\n").text());
            for (String bad : List.of("/%zz", "/a%2", "/%C3%28")) {
                Response r = raw.read0("GET " + bad + " HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(400, r.status(), bad);
                assertNull(r.header("connection"), bad);
            }
            assertEquals(404, raw.read0("GET /%C3%A9t%C3%A9 HTTP/1.1\r\nHost: t\r\n\r\n").status());
            assertEquals("Hello, World!", raw.read0("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n").text());
        }
        HttpTesting.stopClean(server);
    }

    /**
     * A client that pipelines more requests than maxPipelined and then half-closes gets every complete
     * request answered before the server closes.
     */
    @Test
    void halfCloseAfterALongPipelineAnswersEveryRequest() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withMaxPipelined(4));
        sleepRoute(server);
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            pipeline.append("GET /sleep?ms=100&id=").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
        }
        try (Raw raw = new Raw(server)) {
            raw.send(pipeline.toString());
            raw.socket.shutdownOutput();
            for (int i = 0; i < 12; i++) {
                Response r = raw.read();
                assertEquals(String.valueOf(i), r.text());
                assertEquals(i == 11 ? "close" : null, r.header("connection"), "response " + i);
            }
            raw.assertClosed();
        }
        HttpTesting.stopClean(server);
    }

    // ------------------------------------------------------------------ refusals on the wire

    @Test
    void refusalsAreAnsweredThenTheConnectionCloses() throws Exception {
        HttpServer server = HttpTesting.start(null);
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("GET /plaintext HTTP/1.1\r\n\r\n", 400);
        cases.put("GET /plaintext HTTP/1.1\r\nHost: t\r\nX : y\r\n\r\n", 400);
        cases.put("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        cases.put("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (9 << 20) + "\r\n\r\n", 413);
        cases.put("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n900000\r\n", 413);
        cases.put("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414);
        cases.put("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n", 431);
        cases.put("GET / HTTP/1.1\r\nHost: t\r\n" + "X: y\r\n".repeat(101) + "\r\n", 431);
        cases.put("BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n", 501);
        cases.put("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
        cases.put("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505);
        cases.put("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: tea\r\nContent-Length: 1\r\n\r\nx", 417);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            try (Raw raw = new Raw(server)) {
                // A valid request first: the refusal comes after its answer, in order.
                raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n" + c.getKey());
                assertEquals("Hello, World!", raw.read().text());
                Response r = raw.read();
                String what = c.getKey().substring(0, Math.min(60, c.getKey().length()));
                assertEquals(c.getValue(), r.status(), what);
                assertEquals("close", r.header("connection"), what);
                assertTrue(r.text().startsWith(c.getValue() + " "), r.text());
                raw.assertClosed();
            }
        }
        assertEquals(cases.size(), server.metrics().refusals());
        HttpTesting.stopClean(server);
    }

    /** A client that sends its whole too-large body anyway still reads the 413, not a reset. */
    @Test
    void a413IsReadEvenWhileTheClientKeepsSendingItsBody() throws Exception {
        HttpServer server = HttpTesting.start(null);
        int length = 24 << 20;
        try (Raw raw = new Raw(server); ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor()) {
            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + length + "\r\n\r\n");
            Future<?> body = writer.submit(() -> {
                byte[] chunk = new byte[64 << 10];
                for (int sent = 0; sent < length; sent += chunk.length) {
                    raw.out.write(chunk);
                }
                raw.out.flush();
                return null;
            });
            Response r = raw.read();
            assertEquals(413, r.status());
            assertEquals("close", r.header("connection"));
            raw.assertClosed();
            body.get(30, TimeUnit.SECONDS); // the server read and dropped it all while lingering
        }
        HttpTesting.stopClean(server);
    }

    // ------------------------------------------------------------------ timeouts and limits

    @Test
    void slowHeadGets408WhileOtherClientsAreUnaffected() throws Exception {
        Duration headTimeout = Duration.ofSeconds(1);
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withHeaderReadTimeout(headTimeout));
        byte[] slowHead = ("GET /plaintext HTTP/1.1\r\nHost: t\r\nX-Slow: " + "s".repeat(60) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Raw slow = new Raw(server); Raw fine = new Raw(server);
             ExecutorService dripper = Executors.newVirtualThreadPerTaskExecutor()) {
            dripper.submit(() -> {
                try {
                    for (byte b : slowHead) {
                        slow.out.write(b);
                        slow.out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the server closed the connection, or the test is over
                }
                return null;
            });
            // A keep-alive connection idle longer than the head timeout between requests is not affected: the
            // head timer runs from a request's first byte, not from the previous response. The pause is the
            // idleness under test, not synchronisation; a slow machine only lengthens it.
            for (int i = 0; i < 2; i++) {
                fine.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(200, fine.read().status());
                Thread.sleep(headTimeout.toMillis() * 3 / 2);
            }
            // A body that trickles in after a complete head is not the head timeout's business.
            fine.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n");
            for (char c : "slow!".toCharArray()) {
                Thread.sleep(300);
                fine.send(String.valueOf(c));
            }
            assertEquals("slow!", fine.read().text());
            Response r = slow.read();
            assertEquals(408, r.status());
            assertEquals("close", r.header("connection"));
            slow.assertClosed();
            fine.send("GET /json HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, fine.read().status());
            dripper.shutdownNow();
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void idleKeepAliveConnectionIsClosed() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
        try (Raw raw = new Raw(server)) {
            raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, raw.read().status());
            raw.assertClosed(); // within the socket's read timeout, well past the idle timeout
        }
        HttpTesting.stopClean(server);
    }

    /** A request whose handler runs longer than the idle timeout is answered: the connection is not idle. */
    @Test
    void idleTimeoutSparesAConnectionWhoseHandlerIsRunning() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
        sleepRoute(server);
        try (Raw raw = new Raw(server)) {
            assertEquals("slow", raw.read0("GET /sleep?ms=2500&id=slow HTTP/1.1\r\nHost: t\r\n\r\n").text());
            assertEquals("Hello, World!", raw.read0("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n").text());
            raw.assertClosed(); // idle again: closed
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void connectionCapRefusesWith503AndAdmitsAgainAfterAClose() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withMaxConnections(4));
        List<Raw> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Raw raw = new Raw(server);
                admitted.add(raw);
                raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(200, raw.read().status());
            }
            try (Raw fifth = new Raw(server)) {
                Response r = fifth.read();
                assertEquals(503, r.status());
                assertEquals("close", r.header("connection"));
                assertNotNull(r.header("retry-after"));
                fifth.assertClosed();
            }
            assertEquals(1, server.metrics().connectionsRefused());
            admitted.remove(0).close();
            awaitOpen(server, 3);
            try (Raw again = new Raw(server)) {
                again.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals("Hello, World!", again.read().text());
            }
            for (Raw raw : admitted) { // still served
                raw.send("GET /json HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(200, raw.read().status());
            }
        } finally {
            for (Raw raw : admitted) {
                raw.close();
            }
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void manyPipelinedRequestsBeyondMaxPipelinedAreAllAnsweredInOrder() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withMaxPipelined(4));
        sleepRoute(server);
        Random random = new Random();
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            pipeline.append(switch (i % 3) {
                case 0 -> "GET /sleep?ms=" + random.nextInt(20) + "&id=" + i + " HTTP/1.1\r\nHost: t\r\n\r\n";
                case 1 -> "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + String.valueOf(i).length() + "\r\n\r\n" + i;
                default -> "GET /plaintext?id=" + i + " HTTP/1.1\r\nHost: t\r\n\r\n";
            });
        }
        try (Raw raw = new Raw(server)) {
            raw.send(pipeline.toString());
            for (int i = 0; i < 100; i++) {
                Response r = raw.read();
                assertEquals(200, r.status());
                assertEquals(i % 3 == 2 ? "Hello, World!" : String.valueOf(i), r.text(), "response " + i);
            }
        }
        HttpTesting.stopClean(server);
    }

    // ------------------------------------------------------------------ failures and shutdown

    @Test
    void aThrowingHandlerGets500AndTheConnectionStaysUsable() throws Exception {
        HttpServer server = HttpTesting.start(null);
        server.route("GET", "/boom", (request, response) -> {
            throw new IllegalStateException("a handler bug (expected by the test)");
        });
        server.routeNonBlocking("GET", "/boom-inline", (request, response) -> {
            throw new IllegalStateException("an inline handler bug (expected by the test)");
        });
        server.route("GET", "/teapot", (request, response) -> {
            throw new HttpException(418, "short and stout");
        });
        try (Raw raw = new Raw(server)) {
            for (String path : List.of("/boom", "/boom-inline", "/teapot")) {
                raw.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
                Response r = raw.read();
                assertEquals(path.equals("/teapot") ? 418 : 500, r.status(), path);
                assertNull(r.header("connection"), "the connection stays open after " + path);
                raw.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals("Hello, World!", raw.read().text());
            }
            assertTrue(raw.read0("GET /teapot HTTP/1.1\r\nHost: t\r\n\r\n").text().contains("short and stout"));
        }
        HttpTesting.stopClean(server);
    }

    /** Clients that vanish (reset) at every stage of an exchange leave no buffer and no connection behind. */
    @Test
    void clientsResettingMidExchangeLeakNothing() throws Exception {
        HttpServer server = HttpTesting.start(null);
        sleepRoute(server);
        // Each stage follows a whole request in the same write, and the reset waits for the server to have
        // dispatched (parsed the head of) that one and any whole requests of the stage: an event, where a
        // 100 ms sleep was a guess. A request whose body is cut short is not dispatched at all, hence the
        // leading one; its dispatch says the read that gathered the stage has happened (one small write on
        // loopback arrives as one segment; the 4 MB stage's write returns only as the server reads it).
        String whole = "GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n";
        Map<String, Integer> stages = new LinkedHashMap<>();
        stages.put("GET /plaintext HTTP/1.1\r\nHost: t\r\nX-Partial: ", 0);
        stages.put("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000), 0);
        stages.put("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\nabc", 0);
        stages.put("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n", 0);
        stages.put("GET /sleep?ms=300&id=1 HTTP/1.1\r\nHost: t\r\n\r\n".repeat(5) + "GET /plain", 5);
        stages.put("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4000000\r\n\r\n" + "y".repeat(4_000_000)
                + "GET /json HTTP/1.1\r\nHost: t\r\n\r\n".repeat(3), 0);
        for (Map.Entry<String, Integer> stage : stages.entrySet()) {
            long dispatched = server.metrics().requests() + 1 + stage.getValue();
            Raw raw = new Raw(server);
            raw.send(whole + stage.getKey());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.metrics().requests() < dispatched && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(server.metrics().requests() >= dispatched, "the server took the stage in: " + server.metrics());
            raw.socket.setSoLinger(true, 0);
            raw.close();
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void gracefulShutdownAnswersARunningRequest() throws Exception {
        HttpServer server = HttpTesting.start(null);
        CountDownLatch started = new CountDownLatch(1);
        server.route("GET", "/block", (request, response) -> {
            started.countDown();
            Thread.sleep(1000);
            response.body("done");
        });
        try (Raw busy = new Raw(server); Raw idle = new Raw(server);
             ExecutorService stopper = Executors.newVirtualThreadPerTaskExecutor()) {
            idle.send("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, idle.read().status());
            busy.send("GET /block HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(started.await(20, TimeUnit.SECONDS));
            Future<?> shutdown = stopper.submit(() -> {
                server.shutdown(Duration.ofSeconds(5));
                return null;
            });
            idle.assertClosed(); // an idle connection is closed at once
            Response r = busy.read();
            assertEquals(200, r.status());
            assertEquals("done", r.text());
            assertEquals("close", r.header("connection"));
            busy.assertClosed();
            shutdown.get(30, TimeUnit.SECONDS);
            assertThrows(ConnectException.class, () -> new Raw(server), "the listener is closed");
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void gracefulShutdownAnswersPipelinedRequestsStillWaitingUnparsed() throws Exception {
        HttpServer server = HttpTesting.start(null, HttpLimits.DEFAULTS.withMaxPipelined(2));
        CountDownLatch started = new CountDownLatch(1);
        server.route("GET", "/block", (request, response) -> {
            started.countDown();
            Thread.sleep(500);
            response.body(request.query());
        });
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            pipeline.append("GET /block?").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
        }
        try (Raw raw = new Raw(server); ExecutorService stopper = Executors.newVirtualThreadPerTaskExecutor()) {
            raw.send(pipeline.toString());
            assertTrue(started.await(20, TimeUnit.SECONDS));
            // Two requests are dispatched; reads paused with six whole requests still in the server's input.
            Future<?> shutdown = stopper.submit(() -> {
                server.shutdown(Duration.ofSeconds(20));
                return null;
            });
            for (int i = 0; i < 8; i++) {
                Response r = raw.read();
                assertEquals(200, r.status(), "response " + i);
                assertEquals(String.valueOf(i), r.text());
                assertEquals(i == 7 ? "close" : null, r.header("connection"), "response " + i);
            }
            raw.assertClosed();
            shutdown.get(60, TimeUnit.SECONDS);
        }
        HttpTesting.stopClean(server);
    }

    @Test
    void aThousandConcurrentClients() throws Exception {
        HttpServer server = HttpTesting.start(null);
        int clients = 1000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch ready = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                int id = c;
                pool.submit(() -> {
                    try (Raw raw = new Raw(server)) {
                        ready.countDown();
                        ready.await(); // all connected before any request: 1,000 connections open at once
                        for (int i = 0; i < 3; i++) {
                            raw.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (id + "/" + i).length()
                                    + "\r\n\r\n" + id + "/" + i);
                            Response r = raw.read();
                            assertEquals(200, r.status());
                            assertEquals(id + "/" + i, r.text());
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        ready.countDown();
                    }
                    return null;
                });
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a client failed", failure.get());
        }
        assertEquals(clients, server.engine().metrics().connectionsAccepted());
        assertEquals(3L * clients, server.metrics().requests());
        try (HttpClient client = client(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                bodies.add(pool.submit(() -> client.send(get(server, "/hello"), BodyHandlers.ofString()).body()));
            }
            for (Future<String> body : bodies) {
                assertTrue(body.get(60, TimeUnit.SECONDS).startsWith("Hello from"));
            }
        }
        HttpTesting.stopClean(server);
    }

    // ------------------------------------------------------------------ helpers

    /** GET /sleep?ms=N&id=X: sleeps N ms on its virtual thread, answers X; returns the ids as they finish. */
    private static ConcurrentLinkedQueue<String> sleepRoute(HttpServer server) {
        ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();
        server.route("GET", "/sleep", (request, response) -> {
            Map<String, String> q = new LinkedHashMap<>();
            for (String pair : request.query().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv[1]);
            }
            Thread.sleep(Long.parseLong(q.get("ms")));
            finished.add(q.get("id"));
            response.body(q.get("id"));
        });
        return finished;
    }

    private static void awaitOpen(HttpServer server, long open) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.metrics().connectionsOpen() != open && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(open, server.metrics().connectionsOpen());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static java.net.http.HttpRequest get(HttpServer server, String path) {
        return java.net.http.HttpRequest.newBuilder(HttpTesting.uri(server, path)).timeout(Duration.ofSeconds(60)).build();
    }

    private static java.net.http.HttpRequest post(HttpServer server, String path,
                                                  java.net.http.HttpRequest.BodyPublisher body, String type) {
        return java.net.http.HttpRequest.newBuilder(HttpTesting.uri(server, path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(body).build();
    }

    /** Balanced braces and brackets outside strings, one object: enough to tell JSON from a broken concatenation. */
    private static void assertJsonShaped(String json) {
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                depth--;
                assertTrue(depth > 0 || i == json.length() - 1, "closed early at " + i + ": " + json);
            }
        }
        assertEquals(0, depth, json);
        assertTrue(!inString, json);
    }

    private static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    /** A response as read off the wire; header names lower-cased. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One socket: writes bytes exactly as given and reads responses framed by their Content-Length. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        private final InputStream in;

        Raw(HttpServer server) throws IOException {
            socket = new Socket();
            try {
                socket.connect(server.localAddress(), 30_000);
                socket.setSoTimeout(30_000);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Sends {@code request} and reads its response. */
        Response read0(String request) throws IOException {
            send(request);
            return read();
        }

        /** The next response, interim or final, with its body unless it is 1xx, 204 or 304. */
        Response read() throws IOException {
            return read(false);
        }

        /** The next response to a HEAD request: a head only, whatever its Content-Length. */
        Response readHead() throws IOException {
            return read(true);
        }

        private Response read(boolean head) throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new EOFException("the connection closed before a response");
            }
            String[] parts = statusLine.split(" ", 3);
            assertEquals("HTTP/1.1", parts[0], statusLine);
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            if (status < 200 || status == 204 || status == 304 || head) {
                return new Response(status, headers, new byte[0]);
            }
            String length = headers.get("content-length");
            assertNotNull(length, "no Content-Length in " + statusLine + " " + headers);
            byte[] body = in.readNBytes(Integer.parseInt(length));
            if (body.length != Integer.parseInt(length)) {
                throw new EOFException("body cut after " + body.length + " of " + length + " bytes");
            }
            return new Response(status, headers, body);
        }

        /** A line without its CRLF, or null at the end of the stream before any byte. */
        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    if (line.size() == 0) {
                        return null;
                    }
                    throw new EOFException("the connection closed within a line: " + line);
                }
                line.write(b);
            }
            String s = line.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** The server closed its side in order (FIN, not a reset) and sent nothing more. */
        void assertClosed() throws IOException {
            assertEquals(-1, in.read(), "expected the end of the stream");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
