package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static files end to end: a server on loopback serving a temporary root, asked by curl, java.net.http and a
 * raw socket. Covers the headers, conditional and range requests, directories, refusals, path traversal
 * (with a secret placed next to the root that must never be served), and a file too big to buffer, both read
 * whole and read slowly by a client that then goes away.
 */
class StaticFilesTest {
    /** The time every small file is stamped with, so Last-Modified is known to the second. */
    private static final Instant MODIFIED = Instant.parse("2024-01-02T03:04:05Z");
    private static final String MODIFIED_HTTP = "Tue, 02 Jan 2024 03:04:05 GMT";
    private static final int DATA_LENGTH = 1000;
    private static final long BIG_LENGTH = 112L << 20;
    private static final Duration BIG_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path base;

    private Path root;
    /** Unique per run, written only outside the root: no response may ever contain it. */
    private String secret;
    private byte[] data;
    private HttpServer server;
    /** Why the tree has no symbolic links, or null when it has them. */
    private String linksMissing;

    @BeforeEach
    void start() throws IOException {
        secret = "SECRET-" + UUID.randomUUID();
        Files.writeString(base.resolve("secret"), secret);
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret"), secret);
        Files.writeString(outside.resolve("index.html"), secret);

        root = Files.createDirectories(base.resolve("root"));
        stamp(Files.writeString(root.resolve("index.html"), "<p>root index</p>"));
        stamp(Files.writeString(root.resolve("hello.txt"), "hello, static world\n"));
        stamp(Files.writeString(root.resolve("style.css"), "body { color: red; }\n"));
        stamp(Files.writeString(root.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        data = new byte[DATA_LENGTH];
        new SplittableRandom(1).nextBytes(data);
        stamp(Files.write(root.resolve("data.bin"), data));
        stamp(Files.writeString(root.resolve("empty.txt"), ""));
        Path dir = Files.createDirectories(root.resolve("dir"));
        stamp(Files.writeString(dir.resolve("index.html"), "<p>dir index</p>"));
        stamp(Files.writeString(dir.resolve("other.txt"), "other"));
        Files.writeString(Files.createDirectories(root.resolve("noindex")).resolve("file.txt"), "file");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve(".hidden"), secret);
        Files.writeString(Files.createDirectories(root.resolve(".git")).resolve("config"), secret);
        linksMissing = Tools.symbolicLinksMissing(root);
        if (linksMissing == null) {
            Files.createSymbolicLink(root.resolve("leak.txt"), base.resolve("secret"));
            Files.createSymbolicLink(root.resolve("outdir"), outside);
            Files.createSymbolicLink(root.resolve("tohidden.txt"), root.resolve(".hidden"));
        }

        server = HttpTesting.start(root);
    }

    @AfterEach
    void stop() throws Exception {
        HttpTesting.stopClean(server);
    }

    private static void stamp(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private URI uri(String path) {
        return HttpTesting.uri(server, path);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.localAddress().getPort());
    }

    private Curl.Response get(String path, String... headers) throws IOException, InterruptedException {
        Curl.Request request = Tools.curl().request(uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send();
    }

    private static String header(Curl.Response r, String name) {
        return r.header(name).orElseThrow(() -> new AssertionError("no " + name + " in " + r));
    }

    // ------------------------------------------------------------------ plain GET and HEAD

    @Test
    void getServesTheFileWithItsHeaders() throws Exception {
        Curl.Response r = get("/hello.txt");

        assertEquals(200, r.status(), r::toString);
        assertEquals("hello, static world\n", r.bodyText());
        assertEquals("text/plain; charset=utf-8", header(r, "Content-Type"));
        assertEquals("20", header(r, "Content-Length"));
        assertEquals(MODIFIED_HTTP, header(r, "Last-Modified"));
        assertEquals("bytes", header(r, "Accept-Ranges"));
        assertEquals("iocp4j", header(r, "Server"));
        Instant date = HttpDates.parse(header(r, "Date"));
        assertNotNull(date, r::toString);
        assertTrue(Duration.between(date, Instant.now()).abs().compareTo(Duration.ofHours(1)) < 0, r::toString);
    }

    @Test
    void contentTypeFollowsTheExtension() throws Exception {
        assertEquals("text/css; charset=utf-8", header(get("/style.css"), "Content-Type"));
        assertEquals("image/svg+xml", header(get("/logo.svg"), "Content-Type"));
        assertEquals("text/html; charset=utf-8", header(get("/index.html"), "Content-Type"));
        Curl.Response bin = get("/data.bin");
        assertEquals("application/octet-stream", header(bin, "Content-Type"));
        assertArrayEquals(data, bin.body());
    }

    @Test
    void anEmptyFileIsAnEmptyBody() throws Exception {
        Curl.Response r = get("/empty.txt");
        assertEquals(200, r.status(), r::toString);
        assertEquals("0", header(r, "Content-Length"));
        assertEquals(0, r.body().length);
    }

    /** java.net.http's default client offers an h2c upgrade on http://; the server must answer in HTTP/1.1. */
    @Test
    void javaHttpClientGetsTheFile() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/data.bin")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, r.version());
            assertArrayEquals(data, r.body());
            assertEquals(MODIFIED_HTTP, r.headers().firstValue("Last-Modified").orElseThrow());
        }
    }

    @Test
    void headSendsTheHeadersAndNoBody() throws Exception {
        Curl.Response r = Tools.curl().request(uri("/data.bin")).method("HEAD").send();
        assertEquals(200, r.status(), r::toString);
        assertEquals(String.valueOf(DATA_LENGTH), header(r, "Content-Length"));
        assertEquals(MODIFIED_HTTP, header(r, "Last-Modified"));
        assertEquals("bytes", header(r, "Accept-Ranges"));

        // Pipelined behind a HEAD, the next response must start right after the HEAD's head: a body sent
        // for the HEAD would be read as the start of the next response.
        byte[] both = concat(RawHttp.request("HEAD", "/data.bin"),
                RawHttp.request("GET", "/hello.txt", "Connection: close"));
        List<RawHttp.Response> responses = RawHttp.exchange(address(), both, true);
        assertEquals(2, responses.size(), responses::toString);
        assertEquals(200, responses.get(0).status());
        assertEquals(0, responses.get(0).body().length);
        assertEquals(String.valueOf(DATA_LENGTH), responses.get(0).header("Content-Length").orElseThrow());
        assertEquals("hello, static world\n", responses.get(1).bodyText());
    }

    // ------------------------------------------------------------------ directories and refusals

    @Test
    void directoriesServeTheirIndex() throws Exception {
        assertEquals("<p>root index</p>", get("/").bodyText());
        Curl.Response dir = get("/dir/");
        assertEquals(200, dir.status(), dir::toString);
        assertEquals("<p>dir index</p>", dir.bodyText());
        assertEquals("text/html; charset=utf-8", header(dir, "Content-Type"));
        assertEquals("other", get("/dir/other.txt").bodyText());
    }

    @Test
    void aDirectoryWithoutItsSlashIsRedirected() throws Exception {
        Curl.Response r = get("/dir");
        assertEquals(301, r.status(), r::toString);
        assertEquals("/dir/", header(r, "Location"));
        Curl.Response query = get("/dir?x=1");
        assertEquals(301, query.status(), query::toString);
        assertEquals("/dir/?x=1", header(query, "Location"));
    }

    /**
     * "//dir" names the same directory, but "//dir/" as a Location is a network-path reference: a browser
     * would follow it to the host "dir". The redirect must stay on this server.
     */
    @Test
    void aRedirectNeverLeavesTheServer() throws Exception {
        for (String target : List.of("//dir", "///dir", "//dir?x=1")) {
            RawHttp.Response r = RawHttp.one(address(), RawHttp.request("GET", target, "Connection: close"));
            assertEquals(301, r.status(), () -> target + ": " + r);
            String location = r.header("Location").orElseThrow();
            assertTrue(location.startsWith("/") && !location.startsWith("//"), () -> target + ": " + r);
        }
    }

    @Test
    void missingHiddenAndIndexlessAreNotFound() throws Exception {
        for (String path : List.of("/missing.txt", "/noindex/", "/.hidden", "/.git/config", "/dir/missing",
                "/hello.txt/", "/tohidden.txt")) {
            Curl.Response r = get(path);
            assertEquals(404, r.status(), () -> path + ": " + r);
            assertFalse(r.bodyText().contains(secret), path);
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            Curl.Request request = Tools.curl().request(uri("/hello.txt")).method(method);
            if (!method.equals("DELETE")) {
                request.data("x".getBytes(StandardCharsets.US_ASCII));
            }
            Curl.Response r = request.send();
            assertEquals(405, r.status(), () -> method + ": " + r);
            assertEquals("GET, HEAD, OPTIONS", header(r, "Allow"), method);
        }
        assertEquals("hello, static world\n", get("/hello.txt").bodyText(), "the file is unchanged");
    }

    // ------------------------------------------------------------------ conditional requests

    @Test
    void ifModifiedSinceAtOrAfterTheFileIsNotModified() throws Exception {
        for (String since : List.of(MODIFIED_HTTP, "Wed, 03 Jan 2024 00:00:00 GMT", "Sunday, 07-Jan-24 00:00:00 GMT")) {
            Curl.Response r = get("/hello.txt", "If-Modified-Since", since);
            assertEquals(304, r.status(), () -> since + ": " + r);
            assertEquals(0, r.body().length, since);
            assertEquals(MODIFIED_HTTP, header(r, "Last-Modified"));
        }
        // On the wire: no body and no Content-Length, so the next response follows the 304's head at once.
        byte[] both = concat(RawHttp.request("GET", "/hello.txt", "If-Modified-Since: " + MODIFIED_HTTP),
                RawHttp.request("GET", "/dir/other.txt", "Connection: close"));
        List<RawHttp.Response> responses = RawHttp.exchange(address(), both);
        assertEquals(304, responses.get(0).status(), responses::toString);
        assertEquals("other", responses.get(1).bodyText());
    }

    @Test
    void ifModifiedSinceBeforeTheFileOrUnreadableServesIt() throws Exception {
        for (String since : List.of("Tue, 02 Jan 2024 03:04:04 GMT", "Mon, 01 Jan 1990 00:00:00 GMT", "garbage",
                "Tue, 02 Jan 2024 03:04:05", "02 Jan 2024 03:04:05 GMT")) {
            Curl.Response r = get("/hello.txt", "If-Modified-Since", since);
            assertEquals(200, r.status(), () -> since + ": " + r);
            assertEquals("hello, static world\n", r.bodyText());
        }
    }

    // ------------------------------------------------------------------ ranges

    private Curl.Response range(String ranges, String... headers) throws IOException, InterruptedException {
        Curl.Request request = Tools.curl().request(uri("/data.bin")).range(ranges);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send();
    }

    private void assertPartial(Curl.Response r, int first, int last) throws IOException {
        assertEquals(206, r.status(), r::toString);
        assertEquals("bytes " + first + "-" + last + "/" + DATA_LENGTH, header(r, "Content-Range"));
        assertEquals(String.valueOf(last - first + 1), header(r, "Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(data, first, last + 1), r.body());
    }

    @Test
    void singleRangesArePartialContent() throws Exception {
        assertPartial(range("0-99"), 0, 99);
        assertPartial(range("100-"), 100, DATA_LENGTH - 1);
        assertPartial(range("-50"), DATA_LENGTH - 50, DATA_LENGTH - 1);
        assertPartial(range("990-5000"), 990, DATA_LENGTH - 1);
        assertPartial(range("-5000"), 0, DATA_LENGTH - 1);
        assertPartial(range("999-999"), 999, 999);
    }

    @Test
    void aRangeOutsideTheFileIsNotSatisfiable() throws Exception {
        for (String ranges : List.of("1000-", "1000-2000", "5000-5001")) {
            Curl.Response r = range(ranges);
            assertEquals(416, r.status(), () -> ranges + ": " + r);
            assertEquals("bytes */" + DATA_LENGTH, header(r, "Content-Range"));
        }
    }

    @Test
    void severalRangesGetTheWholeFile() throws Exception {
        Curl.Response r = range("0-9,20-29");
        assertEquals(200, r.status(), r::toString);
        assertFalse(r.header("Content-Range").isPresent(), r::toString);
        assertArrayEquals(data, r.body());
    }

    @Test
    void ifRangeServesTheRangeOnlyForTheCurrentDate() throws Exception {
        assertPartial(range("0-99", "If-Range", MODIFIED_HTTP), 0, 99);
        Curl.Response stale = range("0-99", "If-Range", "Mon, 01 Jan 2024 00:00:00 GMT");
        assertEquals(200, stale.status(), stale::toString);
        assertArrayEquals(data, stale.body());
        Curl.Response etag = range("0-99", "If-Range", "\"some-etag\"");
        assertEquals(200, etag.status(), etag::toString);
        assertArrayEquals(data, etag.body());
    }

    // ------------------------------------------------------------------ traversal

    /** Targets that try to reach base/secret or base/outside from the root. */
    private static final List<String> TRAVERSALS = List.of(
            "/../secret", "/%2e%2e/secret", "/%2E%2E%2Fsecret", "/..%2fsecret", "/a/..%5c..%5csecret",
            "/..\\secret", "/%00", "/a%00.txt", "/%252e%252e/secret", "/a/../../secret", "/./../secret",
            "//../secret", "/..;/secret", "/a/%2e%2e/%2e%2e/secret",
            "/.%2e/secret", "/%2e./secret", "/leak.txt", "/outdir/secret", "/outdir/", "/outdir",
            "/outdir/index.html", "/dir/../../secret", "/hello.txt/../../secret");

    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404);

    /** Overlong UTF-8 for '.' and '/' (decoders that accept it have been fooled), and broken escapes. */
    private static final List<String> NOT_UTF8 = List.of("/%c0%ae%c0%ae/secret", "/..%c0%afsecret",
            "/%e0%80%ae%e0%80%ae/secret", "/%ff", "/%zz/secret", "/a%");

    @Test
    void traversalThroughCurlNeverLeavesTheRoot() throws Exception {
        for (String target : TRAVERSALS) {
            Curl.Response r = Tools.curl().request(uri("/")).pathAsIs().requestTarget(target).send();
            assertTrue(REFUSALS.contains(r.status()), () -> target + ": " + r);
            assertFalse(r.bodyText().contains(secret), target);
        }
    }

    /** The same targets and some curl will not send (raw control bytes, absolute form), byte for byte. */
    @Test
    void traversalOnTheWireNeverLeavesTheRoot() throws Exception {
        List<String> raw = new ArrayList<>(TRAVERSALS);
        raw.addAll(List.of("/\0secret", "/..\0/secret", "/\u00ff..", "http://test/../secret",
                "http://test/%2e%2e/secret", "/a/..\\..\\secret"));
        for (String target : raw) {
            RawHttp.Response r = RawHttp.one(address(), RawHttp.request("GET", target, "Connection: close"));
            assertTrue(REFUSALS.contains(r.status()), () -> target + ": " + r);
            assertFalse(r.toString().contains(secret), () -> target + ": " + r);
        }
    }

    /** Escapes that are malformed or do not decode to UTF-8 are a bad request. */
    @Test
    void pathEscapesThatAreNotUtf8AreABadRequest() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String target : NOT_UTF8) {
            List<RawHttp.Response> r = RawHttp.exchange(address(), RawHttp.request("GET", target, "Connection: close"));
            if (r.size() != 1 || r.getFirst().status() != 400) {
                wrong.add(target + " answered " + r.stream().map(RawHttp.Response::status).toList());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void pathEscapesThatAreNotUtf8NeverLeaveTheRoot() throws Exception {
        for (String target : NOT_UTF8) {
            List<RawHttp.Response> responses = RawHttp.exchange(address(),
                    RawHttp.request("GET", target, "Connection: close"));
            for (RawHttp.Response r : responses) {
                assertTrue(REFUSALS.contains(r.status()), () -> target + ": " + r);
                assertFalse(r.toString().contains(secret), () -> target + ": " + r);
            }
        }
    }

    @Test
    void linksOutOfTheRootAreForbidden() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(linksMissing == null, linksMissing);
        assertEquals(403, get("/leak.txt").status());
        assertEquals(403, get("/outdir/secret").status());
        assertEquals(403, get("/outdir/").status());
        Curl.Response head = Tools.curl().request(uri("/leak.txt")).method("HEAD").send();
        assertEquals(403, head.status(), head::toString);
        Curl.Response ranged = Tools.curl().request(uri("/leak.txt")).range("0-3").send();
        assertEquals(403, ranged.status(), ranged::toString);
        assertFalse(ranged.bodyText().contains(secret.substring(0, 4)), ranged::toString);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ------------------------------------------------------------------ a big file

    /** Writes {@link #BIG_LENGTH} deterministic pseudo-random bytes and returns their SHA-256. */
    private static byte[] writeBigFile(Path file) throws IOException {
        MessageDigest sha = sha256();
        SplittableRandom random = new SplittableRandom(112);
        byte[] chunk = new byte[1 << 20];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < BIG_LENGTH; written += chunk.length) {
                random.nextBytes(chunk);
                sha.update(chunk);
                ByteBuffer b = ByteBuffer.wrap(chunk);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
        }
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }

    @Test
    void aBigFileArrivesWholeWithCurlAndHttpClient() throws Exception {
        Path big = root.resolve("big.bin");
        Path downloaded = base.resolve("downloaded.bin");
        try {
            byte[] expected = writeBigFile(big);
            HexFormat hex = HexFormat.of();

            Curl.Response r = Tools.curl().request(uri("/big.bin")).output(downloaded).maxTime(BIG_TIMEOUT).send();
            assertEquals(200, r.status(), r::toString);
            assertEquals(String.valueOf(BIG_LENGTH), header(r, "Content-Length"));
            assertEquals(BIG_LENGTH, Files.size(downloaded));
            assertEquals(hex.formatHex(expected), hex.formatHex(sha256(downloaded)), "curl's copy");
            Files.delete(downloaded);

            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri("/big.bin"))
                        .timeout(BIG_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                MessageDigest sha = sha256();
                long received;
                try (InputStream in = new DigestInputStream(response.body(), sha)) {
                    received = in.transferTo(OutputStream.nullOutputStream());
                }
                assertEquals(BIG_LENGTH, received);
                assertEquals(hex.formatHex(expected), hex.formatHex(sha.digest()), "HttpClient's copy");
            }

            long first = 50_000_003;
            int length = 3 << 20;
            Curl.Response middle = Tools.curl().request(uri("/big.bin"))
                    .range(first + "-" + (first + length - 1)).send();
            assertEquals(206, middle.status(), middle::toString);
            assertEquals("bytes " + first + "-" + (first + length - 1) + "/" + BIG_LENGTH,
                    header(middle, "Content-Range"));
            ByteBuffer want = ByteBuffer.allocate(length);
            try (FileChannel channel = FileChannel.open(big)) {
                while (want.hasRemaining()) {
                    channel.read(want, first + want.position());
                }
            }
            assertArrayEquals(want.array(), middle.body());
        } finally {
            Files.deleteIfExists(downloaded);
            Files.deleteIfExists(big);
        }
    }

    /**
     * A client that reads a few kilobytes at a time and then goes away mid-body: while it stalls the server
     * holds no more than its write high water mark plus the file stream's slices in pooled buffers (the
     * design's bound; asserted with room to spare, but far below the file), and once it is gone every
     * buffer comes back ({@link HttpTesting#stopClean}, after this test).
     */
    @Test
    void aSlowReaderGoingAwayMidBodyCostsBoundedMemory() throws Exception {
        Path big = root.resolve("big.bin");
        try {
            writeBigFile(big);
            long idle = server.engine().metrics().pool().inUseBytes();
            long peak = idle;
            long read = 0;
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(16 << 10);
                socket.connect(address(), 10_000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(RawHttp.request("GET", "/big.bin"));
                InputStream in = socket.getInputStream();
                byte[] small = new byte[4 << 10];
                int first = in.readNBytes(small, 0, 12);
                assertEquals("HTTP/1.1 200", new String(small, 0, first, StandardCharsets.ISO_8859_1));
                read += first;
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < until) {
                    int n = in.read(small);
                    assertTrue(n > 0, "the server ended the response early");
                    read += n;
                    Thread.sleep(50);
                    peak = Math.max(peak, server.engine().metrics().pool().inUseBytes());
                }
                assertTrue(read < BIG_LENGTH / 4, "read " + read);
                // Closing with unread bytes resets the connection: the server's next write fails.
            }
            long held = peak - idle;
            // The engine's default 1 MiB write high water mark, the stream's slices read ahead, and slack for the
            // response head and receive buffers.
            long bound = (1L << 20) + (long) FileStream.SLICES * FileStream.SLICE + (1L << 20);
            assertTrue(held < bound, "a stalled client made the server hold " + held + " bytes of pooled buffers"
                    + " (the design bounds it near the 1 MiB write high water mark plus " + FileStream.SLICES + " slices of "
                    + FileStream.SLICE + " bytes)");
            System.out.println("slow reader: read " + read + " bytes; pooled bytes held beyond idle at most " + held);
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
