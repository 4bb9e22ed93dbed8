package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Curl} against a {@link CannedHttpServer}: what it sends for each option, and how it reads answers. */
class CurlTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Curl curl;
    private CannedHttpServer server;

    /** Per test, not @BeforeAll: Surefire reports a class whose @BeforeAll aborts as 0 tests, reason lost. */
    @BeforeEach
    void findCurl() {
        curl = Tools.curl();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private CannedHttpServer serve(Function<CannedHttpServer.Request, byte[]> responder) throws IOException {
        server = new CannedHttpServer(responder);
        return server;
    }

    private CannedHttpServer.Request onlyRequest() {
        List<CannedHttpServer.Request> requests = server.requests();
        assertEquals(1, requests.size(), requests::toString);
        return requests.getFirst();
    }

    @Test
    void readsStatusHeadersAndBody() throws Exception {
        serve(request -> CannedHttpServer.response(201, "Created Here", "text/plain; charset=utf-8", HELLO,
                "Set-Cookie: a=1", "set-cookie: b=2", "X-Spaced:   padded value  ", "X-Empty:"));

        Curl.Response response = curl.request(server.uri("/things?x=1")).send();

        assertEquals("HTTP/1.1", response.version());
        assertEquals(201, response.status());
        assertEquals("Created Here", response.reason());
        assertEquals(Optional.of("5"), response.header("content-length"));
        assertEquals(Optional.of("text/plain; charset=utf-8"), response.header("CONTENT-TYPE"));
        assertEquals(List.of("a=1", "b=2"), response.headers("Set-Cookie"), response::toString);
        assertEquals(Optional.of("padded value"), response.header("x-spaced"));
        assertEquals(Optional.of(""), response.header("X-Empty"));
        assertEquals(Optional.empty(), response.header("X-Absent"));
        assertEquals("hello", response.bodyText());
        assertEquals(Optional.empty(), response.bodyFile());

        CannedHttpServer.Request request = onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/things?x=1", request.target());
    }

    /** curl writes no -o file for a response without a body: that is an empty body, not an error. */
    @Test
    void aNotModifiedResponseHasAnEmptyBody() throws Exception {
        serve(request -> "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        Curl.Response inMemory = curl.request(server.uri("/a")).header("If-Modified-Since", "x").send();
        Curl.Response toFile = curl.request(server.uri("/b")).output(dir.resolve("b.out")).send();

        assertEquals(304, inMemory.status());
        assertArrayEquals(new byte[0], inMemory.body());
        assertEquals(304, toFile.status());
        assertArrayEquals(new byte[0], toFile.body());
    }

    @Test
    void sendsHeadersMethodAndBinaryBody() throws Exception {
        serve(request -> CannedHttpServer.response(201, "Created", "text/plain", HELLO));
        byte[] body = {0, '\r', '\n', (byte) 0xFF, 'x', '\r', '\n', '\r', '\n', 0};

        Curl.Response response = curl.request(server.uri("/upload"))
                .method("PUT")
                .header("X-Test", "one two")
                .data(body)
                .send();

        assertEquals(201, response.status());
        CannedHttpServer.Request request = onlyRequest();
        assertEquals("PUT", request.method());
        assertEquals("one two", request.headers().get("x-test"));
        assertArrayEquals(body, request.body());
    }

    @Test
    void rangeIsSentAsARangeHeader() throws Exception {
        serve(request -> CannedHttpServer.response(206, "Partial Content", "text/plain", HELLO,
                "Content-Range: bytes 0-4/100"));

        Curl.Response response = curl.request(server.uri("/file.txt")).range("0-4,-10").send();

        assertEquals(206, response.status());
        assertEquals(Optional.of("bytes 0-4/100"), response.header("content-range"));
        assertEquals("bytes=0-4,-10", onlyRequest().headers().get("range"));
    }

    @Test
    void dataWithoutAMethodIsAPostAndAFileBodyIsSentAsIs() throws Exception {
        serve(request -> CannedHttpServer.response(200, "OK", "text/plain", HELLO));
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("upload.bin"), bytes);

        curl.request(server.uri("/")).data(file).send();

        CannedHttpServer.Request request = onlyRequest();
        assertEquals("POST", request.method());
        assertArrayEquals(bytes, request.body());
    }

    @Test
    void pathAsIsKeepsDotSegmentsThatCurlOtherwiseResolves() throws Exception {
        serve(request -> CannedHttpServer.response(404, "Not Found", "text/plain", new byte[0]));
        URI url = server.uri("/static/../../etc/./passwd");

        curl.request(url).send();
        curl.request(url).pathAsIs().send();

        List<String> targets = server.requests().stream().map(CannedHttpServer.Request::target).toList();
        assertEquals(List.of("/etc/passwd", "/static/../../etc/./passwd"), targets);
    }

    @Test
    void requestTargetReplacesThePathVerbatim() throws Exception {
        serve(request -> CannedHttpServer.response(200, "OK", "text/plain", new byte[0], "Allow: GET, HEAD"));

        Curl.Response response = curl.request(server.uri("/")).method("OPTIONS").requestTarget("*").send();

        assertEquals(Optional.of("GET, HEAD"), response.header("allow"));
        CannedHttpServer.Request request = onlyRequest();
        assertEquals("OPTIONS", request.method());
        assertEquals("*", request.target());
    }

    @Test
    void theFinalResponseFollowsInterimOnes() throws Exception {
        serve(request -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(CannedHttpServer.response(200, "OK", "text/plain", HELLO, "X-Final: yes"));
            return out.toByteArray();
        });

        Curl.Response response = curl.request(server.uri("/")).send();

        assertEquals(200, response.status());
        assertEquals(Optional.of("yes"), response.header("x-final"));
        assertEquals(Optional.empty(), response.header("x-interim"), response::toString);
        assertEquals("hello", response.bodyText());
    }

    @Test
    void headGetsHeadersWithoutWaitingForTheAnnouncedBody() throws Exception {
        // Content-Length of the GET body, which a HEAD response announces but does not send.
        serve(request -> ("HTTP/1.1 200 OK\r\nContent-Length: 12345\r\nContent-Type: text/html\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        Curl.Response response = curl.request(server.uri("/index.html")).method("HEAD").send();

        assertEquals(200, response.status());
        assertEquals(Optional.of("12345"), response.header("Content-Length"));
        assertEquals(0, response.body().length);
        assertEquals("HEAD", onlyRequest().method());
        assertThrows(IllegalStateException.class,
                () -> curl.request(server.uri("/")).method("HEAD").output(dir.resolve("head.bin")).send());
    }

    @Test
    void outputKeepsTheBodyInTheFile() throws Exception {
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251);
        }
        serve(request -> CannedHttpServer.response(200, "OK", "application/octet-stream", big));
        Path file = dir.resolve("download.bin");

        Curl.Response response = curl.request(server.uri("/big")).output(file).send();

        assertEquals(Optional.of(file.toAbsolutePath()), response.bodyFile());
        assertArrayEquals(big, Files.readAllBytes(file));
        assertArrayEquals(big, response.body());
    }

    @Test
    void extraArgumentsArePassedOnAndAnEmptyHeaderValueLeavesTheHeaderOut() throws Exception {
        serve(request -> CannedHttpServer.response(200, "OK", "text/plain", HELLO));

        curl.request(server.uri("/")).arguments("--user-agent", "iocp4j-test/1").header("Accept", "").send();

        Map<String, String> headers = onlyRequest().headers();
        assertEquals("iocp4j-test/1", headers.get("user-agent"), headers::toString);
        assertTrue(!headers.containsKey("accept"), headers::toString);
    }

    @Test
    void failuresCarryCurlsExitCodeAndMessage() throws Exception {
        serve(request -> new byte[0]);
        Curl.CurlException empty = assertThrows(Curl.CurlException.class,
                () -> curl.request(server.uri("/")).send());
        assertEquals(52, empty.exitCode(), empty.getMessage());
        assertTrue(empty.getMessage().contains("Empty reply"), empty.getMessage());

        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        Curl.CurlException refused = assertThrows(Curl.CurlException.class, () -> curl.request(closedPort).send());
        assertEquals(7, refused.exitCode(), refused.getMessage());
    }

    @Test
    void maxTimeEndsAStalledExchange() throws Exception {
        serve(request -> {
            try {
                Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        });

        Curl.CurlException e = assertThrows(Curl.CurlException.class,
                () -> curl.request(server.uri("/slow")).maxTime(Duration.ofMillis(500)).send());

        assertEquals(28, e.exitCode(), e.getMessage());
    }

    @Test
    void aMalformedResponseIsACurlFailure() throws Exception {
        serve(request -> "HTTP/1.1 200 OK\r\nno colon here\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Curl.CurlException e = assertThrows(Curl.CurlException.class, () -> curl.request(server.uri("/")).send());
        assertEquals(8, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("Header without colon"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException file = assertThrows(IllegalArgumentException.class,
                () -> curl.request(dir.toUri()));
        assertTrue(file.getMessage().contains("file:"), file.getMessage());

        Curl.Request request = curl.request(URI.create("http://127.0.0.1:1/"));
        for (Map.Entry<String, String> header : Map.of("Bad:Name", "v", "X", "a\r\nInjected: 1", "", "v").entrySet()) {
            assertThrows(IllegalArgumentException.class, () -> request.header(header.getKey(), header.getValue()),
                    header::toString);
        }
        for (String range : List.of("", "-", "bytes=0-1", "1", "0--1", "a-b", "0-1,")) {
            assertThrows(IllegalArgumentException.class, () -> request.range(range), range);
        }
        assertThrows(IllegalArgumentException.class, () -> request.method("GE T"));
        assertThrows(IllegalArgumentException.class, () -> request.requestTarget(""));
        assertThrows(IllegalArgumentException.class, () -> request.maxTime(Duration.ZERO));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> request.data(dir.resolve("absent.bin")));
        assertTrue(missing.getMessage().contains("absent.bin"), missing.getMessage());
    }
}
