package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of {@link RequestDecoder} (Jazzer). Each input is a byte stream as a client could send
 * it plus the choices of where its receives end; the stream is decoded twice, once cut where the fuzzer chose and
 * once in whole buffers, and both runs must agree. Checked on every input: no exception but {@link HttpException}
 * with a documented status, every decode call makes progress, each request's fields are well-formed and its body
 * within the limits and its framing, a request's bytes stay intact while the buffers it came from are reused, and
 * after the requests are finished and the decoder released no pooled buffer is left in use.
 *
 * <p>The limits are small, so that short inputs reach every refusal (414, 431, 413). A seed in
 * {@code RequestDecoderFuzzTestInputs/} is the stream followed by the split choices, which
 * {@link FuzzedDataProvider} takes from the end: the last byte is the offset of each piece in its buffer
 * (0..7), the byte before it a step (a cut every that many bytes; 0 for none), the one before that the number of
 * explicit cuts (0..15), each of them two bytes before it (high byte last) giving a position, modulo the stream's
 * length plus one. A seed ending in three zero bytes is therefore fed in one piece.
 *
 * <p>In the normal build this runs over the seeds only (regression mode); with {@code JAZZER_FUZZ=1} it fuzzes
 * (README "Fuzzing").
 *
 * <p>Threads: Jazzer calls the fuzz test on one thread; the pool and the decoders are used by that thread only.
 */
class RequestDecoderFuzzTest {
    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxRequestLineBytes(64).withMaxHeaderBytes(256)
            .withMaxHeaderCount(8).withMaxBodyBytes(1024);
    /** The statuses RequestDecoder documents for a refusal (408 is the connection's timer, never the decoder's). */
    private static final Set<Integer> REFUSALS = Set.of(400, 408, 413, 414, 417, 431, 501, 505);
    /** The size of a receive buffer: the pieces of the stream are at most this long. */
    private static final int RECEIVE = 4096;
    private static final int MAX_OFFSET = 7;
    private static final int MAX_CUTS = 15;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    private static BufferPool pool;

    @BeforeAll
    static void createPool() {
        pool = BufferPool.builder().sizeClasses(LIMITS.maxHeaderBytes(), RECEIVE).build();
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider data) {
        int offset = data.consumeInt(0, MAX_OFFSET);
        int step = data.consumeInt(0, 255);
        int[] cuts = new int[data.consumeInt(0, MAX_CUTS)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(0, 0xFFFF);
        }
        byte[] stream = data.consumeRemainingAsBytes();

        TreeSet<Integer> at = new TreeSet<>();
        for (int cut : cuts) {
            at.add(cut % (stream.length + 1));
        }
        for (int i = step; step > 0 && i < stream.length; i += step) {
            at.add(i);
        }
        Outcome split = run(stream, at, offset, (byte) '\n');
        // The reference: whole receive buffers, and different bytes after the stream, so that a read past the
        // writer index shows as a difference.
        Outcome whole = run(stream, new TreeSet<>(), 0, (byte) 0);
        assertEquals(whole, split, () -> "cut at " + at + " with offset " + offset + " the stream decodes otherwise");
    }

    /** The requests decoded from {@code stream} cut at {@code cuts}, and how the stream ended. */
    private static Outcome run(byte[] stream, TreeSet<Integer> cuts, int offset, byte filler) {
        RequestDecoder decoder = new RequestDecoder(LIMITS, pool, CLIENT);
        List<HttpRequest> requests = new ArrayList<>();
        List<Decoded> decoded = new ArrayList<>();
        int refusal = 0;
        try {
            int from = 0;
            while (from < stream.length && refusal == 0) {
                Integer cut = cuts.higher(from);
                int to = Math.min(cut == null ? stream.length : cut, from + RECEIVE - offset);
                Buffer piece = piece(stream, from, to, offset, filler);
                try {
                    refusal = feed(decoder, piece, requests, decoded);
                } finally {
                    piece.release();
                }
                from = to;
            }
            // Every piece is back with the pool unless a request holds it, and the memory of the released ones
            // may have been handed out again: what the requests say must not have changed.
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(decoded.get(i), Decoded.of(requests.get(i)), "request " + i + " changed after its buffers were reused");
            }
            return new Outcome(List.copyOf(decoded), refusal, refusal == 0 && decoder.headStarted(),
                    refusal == 0 && decoder.readingBody());
        } finally {
            requests.forEach(HttpRequest::finish);
            decoder.release();
            long inUse = pool.metrics().inUse();
            if (inUse != 0) {
                fail(inUse + " pooled buffers still in use after the requests were finished and the decoder released: "
                        + pool.outstanding());
            }
        }
    }

    /** {@code stream[from, to)} in a pooled buffer at {@code offset}, the rest of the buffer {@code filler}. */
    private static Buffer piece(byte[] stream, int from, int to, int offset, byte filler) {
        Buffer b = pool.acquire(offset + to - from);
        b.segment().fill(filler);
        b.writerIndex(offset).readerIndex(offset);
        MemorySegment.copy(MemorySegment.ofArray(stream), from, b.writableSegment(), 0, to - from);
        b.writerIndex(offset + to - from);
        return b;
    }

    /**
     * Decodes all of {@code piece}, as the connection does: requests completed are checked and kept.
     *
     * @return the status of a refusal, or 0
     */
    private static int feed(RequestDecoder decoder, Buffer piece, List<HttpRequest> requests, List<Decoded> decoded) {
        while (piece.readableBytes() > 0) {
            int before = piece.readerIndex();
            int result;
            try {
                result = decoder.decode(piece);
            } catch (HttpException e) {
                assertTrue(REFUSALS.contains(e.status()), () -> "undocumented status " + e.status() + ": " + e.getMessage());
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "a refusal without a message");
                return e.status();
            }
            // Progress: a call with bytes to read consumes some, and stops early only at a head or a request.
            assertTrue(piece.readerIndex() > before, () -> "decode consumed nothing and answered " + result);
            switch (result) {
                case RequestDecoder.NEED_MORE -> assertEquals(0, piece.readableBytes(), "NEED_MORE before the buffer was used up");
                case RequestDecoder.HEAD_DONE -> {
                    assertTrue(decoder.readingBody(), "HEAD_DONE but no body is being read");
                    HttpRequest r = decoder.request();
                    assertTrue(r.chunked || r.contentLength > 0, "HEAD_DONE for a request without a body");
                }
                case RequestDecoder.COMPLETE -> {
                    HttpRequest r = decoder.take();
                    assertNotNull(r, "COMPLETE without a request");
                    requests.add(r);
                    decoded.add(check(r));
                }
                default -> fail("decode answered " + result);
            }
        }
        return 0;
    }

    /** Checks what a request says against what the parser let through, and returns that. */
    private static Decoded check(HttpRequest r) {
        String method = r.method();
        assertTrue(Set.of(HttpRequest.GET, HttpRequest.HEAD, HttpRequest.POST, HttpRequest.PUT, HttpRequest.DELETE,
                HttpRequest.OPTIONS).stream().anyMatch(m -> m == method), () -> "method " + method);
        String target = r.target();
        assertTrue(!target.isEmpty() && target.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '#'),
                () -> "target '" + target + "'");
        String rawPath = r.rawPath();
        String query = r.query();
        assertTrue(target.endsWith(query == null ? rawPath : rawPath + "?" + query), () -> "path and query of " + target);
        if (rawPath.equals("*")) {
            assertTrue(method == HttpRequest.OPTIONS && target.equals("*"), "'*' target other than OPTIONS *");
        } else {
            assertTrue(rawPath.startsWith("/"), () -> "path of " + target + " does not start with '/'");
        }
        // A malformed escape is the handler's to refuse (400): path() names it; without escapes it cannot fail.
        try {
            String path = r.path();
            assertTrue(rawPath.indexOf('%') >= 0 || path.equals(rawPath), "path() changed a path without escapes");
        } catch (IllegalArgumentException e) {
            assertTrue(rawPath.indexOf('%') >= 0, "path() refused a path without escapes");
        }
        boolean http10 = r.version().equals("HTTP/1.0");
        assertTrue(http10 || r.version().equals("HTTP/1.1"), r.version());

        int count = r.headerCount();
        assertTrue(count <= LIMITS.maxHeaderCount(), "more header fields than the limit");
        int hosts = 0;
        for (int i = 0; i < count; i++) {
            String name = r.headerName(i);
            String value = r.headerValue(i);
            assertTrue(!name.isEmpty() && name.chars().allMatch(c -> c < 0x80 && Ascii.isTchar((byte) c)), () -> "field name '" + name + "'");
            assertTrue(value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7F), () -> "control character in '" + value + "'");
            assertTrue(value.isEmpty() || !isOws(value.charAt(0)) && !isOws(value.charAt(value.length() - 1)),
                    () -> "value '" + value + "' keeps surrounding whitespace");
            hosts += name.equalsIgnoreCase("host") ? 1 : 0;
        }
        assertTrue(http10 || hosts == 1, "an HTTP/1.1 request needs exactly one Host field");

        byte[] body = r.body();
        assertTrue(body.length <= LIMITS.maxBodyBytes(), () -> "body of " + body.length + " bytes over the limit");
        if (r.chunked) {
            assertNull(r.header("content-length"), "chunked and Content-Length together");
        } else {
            assertEquals(r.contentLength, body.length, "body length other than Content-Length");
        }
        return Decoded.of(r);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** What the differential compares of a request; the body as ISO-8859-1 so that the record's equality is by content. */
    private record Decoded(String method, String target, List<String> fields, String body) {
        static Decoded of(HttpRequest r) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < r.headerCount(); i++) {
                fields.add(r.headerName(i) + ": " + r.headerValue(i));
            }
            return new Decoded(r.method(), r.target(), fields, new String(r.body(), StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * The requests in order; then the refusal's status, or 0 when the stream simply ended, with a head or a body
     * unfinished.
     */
    private record Outcome(List<Decoded> requests, int refusal, boolean inHead, boolean inBody) {
    }
}
