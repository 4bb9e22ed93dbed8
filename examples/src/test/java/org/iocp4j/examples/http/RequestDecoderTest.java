package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;

/**
 * RequestDecoder fed pooled buffers the way a connection feeds it: each buffer is decoded until it is used
 * up, complete requests are taken and finished, and the buffer is released. Checks what is decoded, that a
 * byte stream yields the same requests however it is cut into buffers, the status of every refusal, and
 * that every buffer (received, gathered, retained by a request) is back in the pool at the end.
 */
class RequestDecoderTest {
    /** Small limits for the examples that go over them, so that every split position stays cheap to try. */
    private static final HttpLimits SMALL = HttpLimits.DEFAULTS.withMaxRequestLineBytes(64).withMaxHeaderBytes(256)
            .withMaxHeaderCount(6).withMaxBodyBytes(100);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

    private BufferPool pool;

    @BeforeProperty
    void createPool() {
        // The server's size classes: a received buffer is at most 16 KiB, a gathered head at most 64 KiB.
        pool = BufferPool.builder().sizeClasses(4 << 10, 16 << 10, HttpServer.MAX_HEAD_BYTES).maxBytes(64L << 20)
                .build();
    }

    @AfterProperty
    void closePool() {
        pool.close(); // throws BufferLeakException if a buffer is still out
    }

    // ------------------------------------------------------------------ valid requests

    @Example
    void simpleGet() throws HttpException {
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes("GET /plaintext?x=1 HTTP/1.1\r\nHost: a\r\nAccept:  */* \r\n\r\n"));
        assertEquals(List.of(new Decoded("GET", "/plaintext?x=1", "HTTP/1.1", List.of("Host: a", "Accept: */*"), "",
                true, false)), got);
        assertPoolEmpty();
    }

    @Example
    void pipelinedInOneBuffer() throws HttpException {
        String stream = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                + "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n"
                + "DELETE /d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes(stream));
        assertEquals(4, got.size());
        assertEquals("GET /a  true", got.get(0).summary());
        assertEquals("POST /b hello true", got.get(1).summary());
        assertEquals("PUT /c abcde true", got.get(2).summary());
        assertEquals("DELETE /d  false", got.get(3).summary());
        assertPoolEmpty();
    }

    @Example
    void http10KeepsAliveOnlyWhenAsked() throws HttpException {
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes("GET / HTTP/1.0\r\n\r\n"
                + "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET / HTTP/1.0\r\nConnection: Keep-Alive, close\r\n\r\n"));
        assertEquals(List.of(false, true, false), got.stream().map(Decoded::keepAlive).toList());
        assertEquals("HTTP/1.0", got.get(0).version());
        assertPoolEmpty();
    }

    @Example
    void connectionTokensAreAList() throws HttpException {
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo , CLOSE\r\n\r\n"));
        assertFalse(got.get(0).keepAlive());
        assertPoolEmpty();
    }

    @Example
    void absoluteFormAndAsteriskTargets() throws HttpException {
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes("GET http://example.com/x/y?q HTTP/1.1\r\nHost: h\r\n\r\n"
                + "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"));
        assertEquals("/x/y?q", got.get(0).target());
        assertEquals("*", got.get(1).target());
        assertPoolEmpty();
    }

    @Example
    void expectContinueOnlyWithABody() throws HttpException {
        List<Decoded> got = decode(HttpLimits.DEFAULTS, bytes(
                "POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\nok"
                        + "GET /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n"
                        // HTTP/1.0 knows no expectations: ignored, not refused.
                        + "POST /e HTTP/1.0\r\nExpect: whatever\r\nContent-Length: 1\r\n\r\nx"));
        assertEquals(List.of(true, false, false), got.stream().map(Decoded::expectContinue).toList());
        assertPoolEmpty();
    }

    @Example
    void headDoneIsReportedBeforeTheBody() throws HttpException {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS, pool, REMOTE);
        Buffer head = buffer(bytes("POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
        try {
            assertFalse(decoder.headStarted());
            assertEquals(RequestDecoder.HEAD_DONE, decoder.decode(head));
            assertTrue(decoder.readingBody());
            assertTrue(decoder.request().expectContinue);
        } finally {
            head.release();
        }
        Buffer body = buffer(bytes("abc"));
        try {
            assertEquals(RequestDecoder.COMPLETE, decoder.decode(body));
            HttpRequest r = decoder.take();
            assertEquals("abc", r.bodyText());
            r.finish();
            assertThrows(IllegalStateException.class, r::body, "a finished request is not readable");
        } finally {
            body.release();
        }
        decoder.release();
        assertPoolEmpty();
    }

    @Example
    void headStartedTracksAPartialHead() throws HttpException {
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS, pool, REMOTE);
        Buffer crlf = buffer(bytes("\r\n\r\n"));
        Buffer part = buffer(bytes("GET / HT"));
        try {
            assertEquals(RequestDecoder.NEED_MORE, decoder.decode(crlf));
            assertFalse(decoder.headStarted(), "leading empty lines are not a head");
            assertEquals(RequestDecoder.NEED_MORE, decoder.decode(part));
            assertTrue(decoder.headStarted());
        } finally {
            crlf.release();
            part.release();
        }
        decoder.release(); // the gathered part goes back
        assertPoolEmpty();
    }

    @Example
    void aHeadLargerThanAReceiveBufferIsGathered() throws HttpException {
        StringBuilder head = new StringBuilder("GET /big HTTP/1.1\r\nHost: h\r\n");
        for (int i = 0; i < 40; i++) {
            head.append("X-Filler-").append(i).append(": ").append("v".repeat(300)).append("\r\n");
        }
        head.append("\r\n");
        byte[] stream = bytes(head.toString());
        assertTrue(stream.length > 4096 * 2);
        List<Decoded> got = decodeSplit(HttpLimits.DEFAULTS, stream, cutsEvery(stream.length, 4096));
        assertEquals(41, got.get(0).headers().size());
        assertEquals("X-Filler-39: " + "v".repeat(300), got.get(0).headers().get(40));
        assertPoolEmpty();
    }

    @Example
    void aLargeBodyAcrossManyBuffers() throws HttpException {
        byte[] body = new byte[1 << 20];
        new Random(7).nextBytes(body);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(bytes("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length + "\r\n\r\n"));
        s.writeBytes(body);
        s.writeBytes(bytes("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"));
        for (int i = 0; i < body.length; i += 100_000) {
            int n = Math.min(100_000, body.length - i);
            s.writeBytes(bytes(Integer.toHexString(n) + "\r\n"));
            s.write(body, i, n);
            s.writeBytes(bytes("\r\n"));
        }
        s.writeBytes(bytes("0\r\n\r\n"));
        byte[] stream = s.toByteArray();
        List<Decoded> got = decodeSplit(HttpLimits.DEFAULTS, stream, cutsEvery(stream.length, 16 << 10));
        assertEquals(2, got.size());
        assertArrayEquals(body, got.get(0).bodyBytes());
        assertArrayEquals(body, got.get(1).bodyBytes());
        assertPoolEmpty();
    }

    /** One stream with every feature, cut in two at every position, and also fed one byte per buffer. */
    @Example
    void everySplitOfAPipelineYieldsTheSameRequests() throws HttpException {
        byte[] stream = bytes("\r\n\r\nGET /a?b=c HTTP/1.1\r\nHost: h\r\nX: 1\r\n\r\n"
                + "\nPOST /p HTTP/1.1\nHost: h\nContent-Length: 4\n\nbody"
                + "PUT /c HTTP/1.1\r\nhost: h\r\ntransfer-encoding: CHUNKED\r\n\r\n"
                + "A;ext=1\r\n0123456789\r\n1\nx\n0\r\nTrailer-Field: t\r\n\r\n"
                + "HEAD / HTTP/1.0\r\n\r\n");
        List<Decoded> whole = decode(HttpLimits.DEFAULTS, stream);
        assertEquals(List.of("GET /a?b=c  true", "POST /p body true", "PUT /c 0123456789x true", "HEAD /  false"),
                whole.stream().map(Decoded::summary).toList());
        for (int cut = 0; cut <= stream.length; cut++) {
            assertEquals(whole, decodeSplit(HttpLimits.DEFAULTS, stream, new int[] {cut}), "cut at " + cut);
        }
        assertEquals(whole, decodeSplit(HttpLimits.DEFAULTS, stream, cutsEvery(stream.length, 1)));
        assertPoolEmpty();
    }

    /** A head that ends exactly at a buffer's end, or whose empty line straddles two buffers. */
    @Example
    void emptyLineStraddlingBuffers() throws HttpException {
        byte[] stream = bytes("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\n\n");
        for (int a = 0; a <= stream.length; a++) {
            for (int b = a; b <= stream.length; b++) {
                List<Decoded> got = decodeSplit(HttpLimits.DEFAULTS, stream, new int[] {a, b});
                assertEquals(List.of("/", "/2"), got.stream().map(Decoded::target).toList(), "cuts " + a + ", " + b);
            }
        }
        assertPoolEmpty();
    }

    /** Any N valid requests, however cut into buffers, decode to exactly what was encoded. */
    @Property(tries = 300)
    void anySplitYieldsTheEncodedRequests(@ForAll("pipelines") List<Spec> specs,
                                         @ForAll("cuts") List<Integer> cuts) throws HttpException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Decoded> expected = new ArrayList<>();
        for (Spec s : specs) {
            stream.writeBytes(s.encode());
            expected.add(s.expected());
        }
        byte[] bytes = stream.toByteArray();
        int[] positions = cuts.stream().mapToInt(c -> c % (bytes.length + 1)).toArray();
        assertEquals(expected, decodeSplit(HttpLimits.DEFAULTS, bytes, positions));
        assertEquals(expected, decode(HttpLimits.DEFAULTS, bytes));
        assertPoolEmpty();
    }

    /**
     * Heads announcing the largest body the limit allows, more of them than the heap could hold at once:
     * body arrays grow with the bytes that arrive, so a head alone costs next to nothing.
     */
    @Example
    void aContentLengthAloneAllocatesNoBody() throws HttpException {
        HttpLimits huge = HttpLimits.DEFAULTS.withMaxBodyBytes(1L << 30);
        long heads = (Runtime.getRuntime().maxMemory() >> 30) + 2;
        byte[] head = bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + (1 << 30) + "\r\n\r\nthe first bytes");
        List<Feeder> feeders = new ArrayList<>();
        try {
            for (long i = 0; i < heads; i++) {
                Feeder f = new Feeder(huge);
                feeders.add(f);
                f.feed(head, 0, head.length);
                assertTrue(f.decoder.readingBody());
            }
        } finally {
            feeders.forEach(Feeder::close);
        }
        assertPoolEmpty();
    }

    // ------------------------------------------------------------------ refusals

    @Example
    void refusals() {
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\n\r\n", "no Host on HTTP/1.1");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "two Hosts");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", "two equal Hosts");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", "bad Content-Length");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", "negative Content-Length");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", "empty Content-Length");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\nx", "Content-Length list");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx",
                "two different Content-Lengths");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                "Content-Length and chunked");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
                "chunked and Content-Length");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n  folded\r\n\r\n", "obs-fold");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "space before the colon");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nNo colon\r\n\r\n", "a line without a colon");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", "an empty field name");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0001b\r\n\r\n", "a control character in a value");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", "a bare CR in a value");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1\r\nHost: a\r\nX: a\u007Fb\r\n\r\n", "DEL in a value");
        refused(400, HttpLimits.DEFAULTS, "GET /a\u0001b HTTP/1.1\r\nHost: a\r\n\r\n", "a control character in the target");
        refused(400, HttpLimits.DEFAULTS, "GET /a#f HTTP/1.1\r\nHost: a\r\n\r\n", "a fragment in the target");
        refused(400, HttpLimits.DEFAULTS, "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", "a space in the target");
        refused(400, HttpLimits.DEFAULTS, "GET a HTTP/1.1\r\nHost: a\r\n\r\n", "a relative target");
        refused(400, HttpLimits.DEFAULTS, "GET * HTTP/1.1\r\nHost: a\r\n\r\n", "* without OPTIONS");
        refused(400, HttpLimits.DEFAULTS, "GET http://host HTTP/1.1\r\nHost: a\r\n\r\n", "absolute URI without a path");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1.1x\r\nHost: a\r\n\r\n", "version with a tail");
        refused(400, HttpLimits.DEFAULTS, "GET / HTTP/1\r\nHost: a\r\n\r\n", "version without minor");
        refused(400, HttpLimits.DEFAULTS, "GET / http/1.1\r\nHost: a\r\n\r\n", "lower-case version");
        refused(400, HttpLimits.DEFAULTS, "GET /\r\nHost: a\r\n\r\n", "no version (HTTP/0.9)");
        refused(400, HttpLimits.DEFAULTS, "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "two spaces after the method");
        refused(400, HttpLimits.DEFAULTS, " GET / HTTP/1.1\r\nHost: a\r\n\r\n", "a space before the method");
        refused(400, HttpLimits.DEFAULTS, "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", "a method that is no token");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad chunk size");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", "empty chunk size");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk longer than its size");
        refused(400, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1" + ";x".repeat(600) + "\r\n",
                "chunk size line too long");

        refused(414, SMALL, "GET /" + "a".repeat(64) + " HTTP/1.1\r\nHost: a\r\n\r\n", "long request line, whole head");
        refused(414, SMALL, "GET /" + "a".repeat(300), "long request line, head unfinished");

        refused(431, SMALL, "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(250) + "\r\n\r\n", "long head");
        refused(431, SMALL, "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(250), "long head, unfinished");
        refused(431, SMALL, "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\n\r\n", "seven fields");
        refused(431, SMALL, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nT: " + "t".repeat(300) + "\r\n\r\n",
                "long trailer");

        refused(413, SMALL, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n", "Content-Length over the limit");
        refused(413, SMALL, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", "Content-Length overflowing a long");
        refused(413, SMALL, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n", "one chunk over the limit");
        refused(413, SMALL, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + "x".repeat(50)
                + "\r\n32\r\n" + "x".repeat(50) + "\r\n1\r\n", "chunks adding up over the limit");

        refused(501, HttpLimits.DEFAULTS, "BREW / HTTP/1.1\r\nHost: a\r\n\r\n", "an unknown method");
        refused(501, HttpLimits.DEFAULTS, "get / HTTP/1.1\r\nHost: a\r\n\r\n", "a lower-case method");
        refused(501, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", "gzip");
        refused(501, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "gzip, chunked");

        refused(505, HttpLimits.DEFAULTS, "GET / HTTP/2.0\r\nHost: a\r\n\r\n", "HTTP/2.0");
        refused(505, HttpLimits.DEFAULTS, "GET / HTTP/1.2\r\nHost: a\r\n\r\n", "HTTP/1.2");

        refused(417, HttpLimits.DEFAULTS, "POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx", "unknown expectation");
    }

    /** A refusal after valid requests in the same buffers: those are decoded, then the refusal comes. */
    @Example
    void refusalAfterValidRequests() {
        byte[] stream = bytes("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx"
                + "GET /3 HTTP/2.0\r\nHost: a\r\n\r\nGET /never HTTP/1.1\r\nHost: a\r\n\r\n");
        for (int cut = 0; cut <= stream.length; cut++) {
            Feeder f = new Feeder(HttpLimits.DEFAULTS);
            int[] cuts = {cut};
            HttpException x = assertThrows(HttpException.class, () -> f.feedSplit(stream, cuts));
            assertEquals(505, x.status());
            assertEquals(List.of("/1", "/2"), f.requests.stream().map(Decoded::target).toList());
            f.close();
        }
        assertPoolEmpty();
    }

    /**
     * A request line over the limit whose unfinished part ends exactly at the end of a full buffer: the check
     * must look only at the bytes that arrived, not one past them (past the buffer's end here).
     */
    @Example
    void unfinishedLongRequestLineFillingABuffer() {
        HttpLimits limits = HttpLimits.DEFAULTS.withMaxRequestLineBytes(64).withMaxHeaderBytes(1024);
        for (int over = 1; over <= 3; over++) {
            int lineBytes = 64 + over;
            byte[] stream = new byte[4096];
            Arrays.fill(stream, 0, 4096 - lineBytes, (byte) '\n'); // leading empty lines, skipped
            System.arraycopy(bytes("GET /"), 0, stream, 4096 - lineBytes, 5);
            Arrays.fill(stream, 4096 - lineBytes + 5, 4096, (byte) 'a');
            Feeder f = new Feeder(limits);
            try {
                f.feed(stream, 0, stream.length);
                f.feed(bytes("a"), 0, 1); // refused here at the latest

                fail("a request line of " + lineBytes + "+ bytes was not refused");
            } catch (HttpException x) {
                assertEquals(414, x.status(), x.getMessage());
            } finally {
                f.close();
            }
        }
        assertPoolEmpty();
    }

    /** A request line of exactly the limit is accepted, with CRLF or a bare LF, whole or cut anywhere. */
    @Example
    void requestLineOfExactlyTheLimit() throws HttpException {
        String line = "GET /" + "a".repeat(64 - "GET / HTTP/1.1".length()) + " HTTP/1.1";
        assertEquals(64, line.length());
        HttpLimits limits = SMALL.withMaxHeaderCount(100);
        for (String eol : List.of("\r\n", "\n")) {
            byte[] stream = bytes(line + eol + "Host: a" + eol + eol);
            for (int cut = 0; cut <= stream.length; cut++) {
                assertEquals(1, decodeSplit(limits, stream, new int[] {cut}).size());
            }
        }
        assertPoolEmpty();
    }

    @Example
    void headOfExactlyTheLimitIsAccepted() throws HttpException {
        String start = "GET / HTTP/1.1\r\nHost: a\r\nX: ";
        byte[] stream = bytes(start + "v".repeat(256 - start.length() - 4) + "\r\n\r\n");
        assertEquals(256, stream.length);
        for (int cut = 0; cut <= stream.length; cut++) {
            assertEquals(1, decodeSplit(SMALL, stream, new int[] {cut}).size(), "cut at " + cut);
        }
        byte[] over = bytes(start + "v".repeat(256 - start.length() - 3) + "\r\n\r\n");
        for (int cut = 0; cut <= over.length; cut++) {
            int at = cut;
            assertEquals(431, assertThrows(HttpException.class, () -> decodeSplit(SMALL, over, new int[] {at})).status());
        }
        assertPoolEmpty();
    }

    @Example
    void bodyOfExactlyTheLimitIsAccepted() throws HttpException {
        String x100 = "x".repeat(100);
        List<Decoded> got = decode(SMALL, bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n" + x100
                + "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + x100.substring(50)
                + "\r\n32\r\n" + x100.substring(50) + "\r\n0\r\n\r\n"));
        assertEquals(List.of(x100, x100), got.stream().map(Decoded::body).toList());
        assertPoolEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Decodes {@code stream} whole, then cut in two at every position and fed one byte per buffer, expecting
     * {@code status} each time, and that nothing stays out of the pool.
     */
    private void refused(int status, HttpLimits limits, String stream, String what) {
        byte[] b = bytes(stream);
        List<int[]> splits = new ArrayList<>();
        splits.add(new int[0]);
        for (int cut = 1; cut < b.length; cut++) {
            splits.add(new int[] {cut});
        }
        splits.add(cutsEvery(b.length, 1));
        for (int[] cuts : splits) {
            HttpException x = assertThrows(HttpException.class, () -> decodeSplit(limits, b, cuts),
                    what + ": not refused, cuts " + Arrays.toString(cuts));
            assertEquals(status, x.status(), what + " (" + x.getMessage() + "), cuts " + Arrays.toString(cuts));
            assertNotNull(x.getMessage());
        }
        assertPoolEmpty();
    }

    private List<Decoded> decode(HttpLimits limits, byte[] stream) throws HttpException {
        return decodeSplit(limits, stream, new int[0]);
    }

    /** Decodes {@code stream} cut at {@code cuts} (any order, duplicates and ends allowed) into buffers. */
    private List<Decoded> decodeSplit(HttpLimits limits, byte[] stream, int[] cuts) throws HttpException {
        Feeder f = new Feeder(limits);
        try {
            f.feedSplit(stream, cuts);
            assertFalse(f.decoder.headStarted(), "a head was left unfinished");
            assertFalse(f.decoder.readingBody(), "a body was left unfinished");
            return f.requests;
        } finally {
            f.close();
        }
    }

    private static int[] cutsEvery(int length, int step) {
        int[] cuts = new int[Math.max(0, (length - 1) / step)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * step;
        }
        return cuts;
    }

    private void assertPoolEmpty() {
        assertEquals(0, pool.metrics().inUse(), () -> "buffers outstanding: " + pool.outstanding());
    }

    private Buffer buffer(byte[] bytes) {
        Buffer b = pool.acquire(bytes.length);
        MemorySegment.copy(bytes, 0, b.segment(), ValueLayout.JAVA_BYTE, 0, bytes.length);
        b.writerIndex(bytes.length);
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds buffers to one decoder as HttpConnection does, recording every complete request. */
    private final class Feeder {
        final RequestDecoder decoder;
        final List<Decoded> requests = new ArrayList<>();

        Feeder(HttpLimits limits) {
            decoder = new RequestDecoder(limits, pool, REMOTE);
        }

        void feedSplit(byte[] stream, int[] cuts) throws HttpException {
            TreeSet<Integer> bounds = new TreeSet<>();
            for (int c : cuts) {
                bounds.add(c);
            }
            // A received buffer is at most 16 KiB; empty pieces are skipped (a read never delivers none).
            for (int i = 16 << 10; i < stream.length; i += 16 << 10) {
                bounds.add(i);
            }
            bounds.add(stream.length);
            int from = 0;
            for (int to : bounds) {
                if (to > from) {
                    feed(stream, from, to);
                    from = to;
                }
            }
        }

        void feed(byte[] stream, int from, int to) throws HttpException {
            Buffer b = buffer(Arrays.copyOfRange(stream, from, to));
            try {
                while (b.readableBytes() > 0) {
                    int before = b.readerIndex();
                    int result = decoder.decode(b);
                    if (result == RequestDecoder.COMPLETE) {
                        HttpRequest r = decoder.take();
                        requests.add(Decoded.of(r));
                        r.finish();
                    } else if (result == RequestDecoder.HEAD_DONE) {
                        assertTrue(decoder.readingBody());
                    } else {
                        assertEquals(RequestDecoder.NEED_MORE, result);
                        assertEquals(0, b.readableBytes(), "NEED_MORE with bytes left in the buffer");
                    }
                    assertTrue(b.readerIndex() > before || result != RequestDecoder.NEED_MORE, "no progress");
                }
            } finally {
                b.release();
            }
        }

        void close() {
            decoder.release();
            decoder.release(); // idempotent
        }
    }

    /** What a decoded request holds, compared by value (the body as ISO-8859-1 text). */
    record Decoded(String method, String target, String version, List<String> headers, String body,
                   boolean keepAlive, boolean expectContinue) {

        static Decoded of(HttpRequest r) {
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < r.headerCount(); i++) {
                headers.add(r.headerName(i) + ": " + r.headerValue(i));
            }
            return new Decoded(r.method(), r.target(), r.version(), headers,
                    new String(r.body(), StandardCharsets.ISO_8859_1), r.keepAlive(), r.expectContinue);
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }

        String summary() {
            return method + " " + target + " " + body + " " + keepAlive;
        }
    }

    // ------------------------------------------------------------------ generated requests

    enum Framing { NONE, LENGTH, CHUNKED }

    /**
     * A request to encode: the structure from jqwik, the spelling (line ends, leading empty lines, optional
     * whitespace, chunk sizes and extensions, trailer, header name case) from {@code seed}.
     */
    record Spec(String method, String target, boolean http10, List<String[]> fields, byte[] body, Framing framing,
                boolean close, long seed) {

        byte[] encode() {
            Random r = new Random(seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = r.nextInt(3); i > 0; i--) {
                out.writeBytes(bytes(r.nextBoolean() ? "\r\n" : "\n"));
            }
            out.writeBytes(bytes(method + " " + target + (http10 ? " HTTP/1.0" : " HTTP/1.1") + eol(r)));
            for (String[] f : allFields()) {
                String ows1 = r.nextInt(4) == 0 ? " \t" : r.nextBoolean() ? " " : "";
                String ows2 = r.nextInt(4) == 0 ? "\t " : "";
                out.writeBytes(bytes(f[0] + ":" + ows1 + f[1] + ows2 + eol(r)));
            }
            out.writeBytes(bytes(eol(r)));
            if (framing == Framing.LENGTH) {
                out.writeBytes(body);
            } else if (framing == Framing.CHUNKED) {
                for (int i = 0; i < body.length; ) {
                    int n = Math.min(body.length - i, 1 + r.nextInt(40));
                    String size = Integer.toHexString(n);
                    out.writeBytes(bytes((r.nextBoolean() ? size.toUpperCase() : size)
                            + (r.nextInt(4) == 0 ? ";name=\"v\"" : "") + eol(r)));
                    out.write(body, i, n);
                    out.writeBytes(bytes(eol(r)));
                    i += n;
                }
                out.writeBytes(bytes("0" + eol(r)));
                if (r.nextBoolean()) {
                    out.writeBytes(bytes("Trailer-Field: " + r.nextInt() + eol(r)));
                }
                out.writeBytes(bytes(eol(r)));
            }
            return out.toByteArray();
        }

        Decoded expected() {
            List<String> headers = allFields().stream().map(f -> f[0] + ": " + f[1]).toList();
            String text = framing == Framing.NONE ? "" : new String(body, StandardCharsets.ISO_8859_1);
            return new Decoded(method, target, http10 ? "HTTP/1.0" : "HTTP/1.1", headers, text, !close && !http10, false);
        }

        /** Host first (HTTP/1.1 needs it), then the generated fields, then framing and Connection. */
        private List<String[]> allFields() {
            List<String[]> all = new ArrayList<>();
            if (!http10) {
                all.add(new String[] {"Host", "example.com"});
            }
            all.addAll(fields);
            if (framing == Framing.LENGTH) {
                all.add(new String[] {"Content-Length", Integer.toString(body.length)});
            } else if (framing == Framing.CHUNKED) {
                all.add(new String[] {"Transfer-Encoding", "chunked"});
            }
            if (close) {
                all.add(new String[] {"Connection", "close"});
            }
            return all;
        }

        private static String eol(Random r) {
            return r.nextInt(4) == 0 ? "\n" : "\r\n";
        }
    }

    @Provide
    Arbitrary<List<Spec>> pipelines() {
        Arbitrary<String> method = Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
        Arbitrary<String> target = Arbitraries.strings().withChars("abcxyz019-._~%/").ofMaxLength(24)
                .flatMap(p -> Arbitraries.of("", "?q=1", "?a=b&c=%20").map(q -> "/" + p + q));
        Arbitrary<String[]> field = Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ-_!#$%&'*+.^`|~0").ofMinLength(1).ofMaxLength(12).map(n -> "X-" + n),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\u00e9').ofMaxLength(30).map(String::strip)
                        .map(v -> v.replace("\t", " ").strip()))
                .as((n, v) -> new String[] {n, v});
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Spec> spec = Combinators.combine(method, target, Arbitraries.of(false, false, false, true),
                        field.list().ofMaxSize(5), body, Arbitraries.of(Framing.class), Arbitraries.of(false, false, true),
                        Arbitraries.longs())
                .as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(12);
    }
}
