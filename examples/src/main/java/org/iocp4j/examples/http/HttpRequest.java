package org.iocp4j.examples.http;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.iocp4j.core.Buffer;

/**
 * One parsed request. Its head stays where it was received, in a pooled buffer: the parser records where the
 * method, target and each header field are, and strings are made only when asked for — so a route matched by
 * bytes and answered without looking at headers copies nothing.
 *
 * <p>Valid until its exchange is finished (the handler returned and the response was queued); later calls
 * throw {@link IllegalStateException}. Not thread-safe: the connection's context builds it, then hands it to
 * exactly one handler (on a virtual thread: the hand-off is the executor's submit, which orders the writes
 * before the handler's reads), and takes it back only after the handler has returned.
 */
public final class HttpRequest {
    /** Methods the server implements; others are answered 501. */
    public static final String GET = "GET";
    /** HEAD: a GET without the body. */
    public static final String HEAD = "HEAD";
    /** POST. */
    public static final String POST = "POST";
    /** PUT. */
    public static final String PUT = "PUT";
    /** DELETE. */
    public static final String DELETE = "DELETE";
    /** OPTIONS. */
    public static final String OPTIONS = "OPTIONS";

    private static final byte[] EMPTY = new byte[0];

    private final Buffer head;
    private final MemorySegment bytes;
    private final String method;
    private final int targetStart;
    private final int targetEnd;
    private final int pathEnd;
    private final boolean http10;
    /** name start, name end, value start, value end for each header field; absolute offsets in {@link #bytes}. */
    private final int[] fields;
    private final int fieldCount;
    private final InetSocketAddress remoteAddress;

    // Framing facts the parser found while it read the fields.
    final long contentLength;
    final boolean chunked;
    final boolean connectionClose;
    final boolean connectionKeepAlive;
    final boolean expectContinue;

    private byte[] body = EMPTY;
    private String target;
    private String path;
    private boolean finished;

    HttpRequest(Buffer head, String method, int targetStart, int targetEnd, int pathEnd, boolean http10,
                int[] fields, int fieldCount, long contentLength, boolean chunked, boolean connectionClose,
                boolean connectionKeepAlive, boolean expectContinue, InetSocketAddress remoteAddress) {
        this.head = head;
        this.bytes = head.segment();
        this.method = method;
        this.targetStart = targetStart;
        this.targetEnd = targetEnd;
        this.pathEnd = pathEnd;
        this.http10 = http10;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.contentLength = contentLength;
        this.chunked = chunked;
        this.connectionClose = connectionClose;
        this.connectionKeepAlive = connectionKeepAlive;
        this.expectContinue = expectContinue;
        this.remoteAddress = remoteAddress;
    }

    /** One of the method constants of this class (the same instance, so {@code ==} works). */
    public String method() {
        check();
        return method;
    }

    /** The request-target as sent, e.g. {@code /files/a%20b.txt?x=1}. */
    public String target() {
        check();
        if (target == null) {
            target = ascii(targetStart, targetEnd);
        }
        return target;
    }

    /** The path of the target, percent-decoded (UTF-8); {@code *} for {@code OPTIONS *}. */
    public String path() {
        check();
        if (path == null) {
            path = PercentDecoding.decode(ascii(targetStart, pathEnd));
        }
        return path;
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        check();
        return ascii(targetStart, pathEnd);
    }

    /** The query after {@code ?}, as sent, or {@code null}. */
    public String query() {
        check();
        return pathEnd == targetEnd ? null : ascii(pathEnd + 1, targetEnd);
    }

    /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
    public String version() {
        check();
        return http10 ? "HTTP/1.0" : "HTTP/1.1";
    }

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Number of header fields. */
    public int headerCount() {
        check();
        return fieldCount;
    }

    /** The name of header field {@code index}, as sent. */
    public String headerName(int index) {
        check();
        int i = fieldIndex(index);
        return ascii(fields[i], fields[i + 1]);
    }

    /** The value of header field {@code index} without surrounding whitespace (bytes above 0x7F as ISO-8859-1). */
    public String headerValue(int index) {
        check();
        int i = fieldIndex(index);
        return latin1(fields[i + 2], fields[i + 3]);
    }

    /** The value of the first field named {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        check();
        int i = find(name);
        return i < 0 ? null : latin1(fields[i + 2], fields[i + 3]);
    }

    /** The body (empty when there is none); the array is the request's own. */
    public byte[] body() {
        check();
        return body;
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return finished ? "HttpRequest[finished]" : method + " " + target() + " " + version();
    }

    // ------------------------------------------------------------------ package-private, for the server

    /** Whether the raw path equals {@code path}, comparing bytes (no string is made). */
    boolean rawPathEquals(byte[] path) {
        int length = pathEnd - targetStart;
        if (length != path.length) {
            return false;
        }
        return MemorySegment.mismatch(bytes, targetStart, pathEnd, MemorySegment.ofArray(path), 0, length) < 0;
    }

    /** Hash of the raw path bytes, as {@link RouteTable#hash(byte[])} computes it. */
    int rawPathHash() {
        int h = 0;
        for (int i = targetStart; i < pathEnd; i++) {
            h = 31 * h + bytes.get(ValueLayout.JAVA_BYTE, i);
        }
        return h;
    }

    /** Whether the raw path holds percent-escapes (routes are then matched on the decoded path). */
    boolean rawPathEscaped() {
        for (int i = targetStart; i < pathEnd; i++) {
            if (bytes.get(ValueLayout.JAVA_BYTE, i) == '%') {
                return true;
            }
        }
        return false;
    }

    boolean http10() {
        return http10;
    }

    /** Whether the client asked for the connection to stay open after this exchange. */
    boolean keepAlive() {
        return http10 ? connectionKeepAlive && !connectionClose : !connectionClose;
    }

    void body(byte[] body) {
        this.body = body;
    }

    /** Drops the head buffer; later calls from a handler that kept the request throw. Idempotent. */
    void finish() {
        if (!finished) {
            finished = true;
            body = EMPTY;
            head.release();
        }
    }

    // ------------------------------------------------------------------ internals

    private void check() {
        if (finished) {
            throw new IllegalStateException("the request is finished: its response was already sent");
        }
    }

    private int fieldIndex(int index) {
        if (index < 0 || index >= fieldCount) {
            throw new IndexOutOfBoundsException("header index " + index + " of " + fieldCount);
        }
        return index * 4;
    }

    private int find(String name) {
        int n = name.length();
        for (int f = 0; f < fieldCount * 4; f += 4) {
            if (fields[f + 1] - fields[f] != n) {
                continue;
            }
            int j = 0;
            while (j < n && Ascii.lower(bytes.get(ValueLayout.JAVA_BYTE, fields[f] + j)) == Ascii.lower((byte) name.charAt(j))) {
                j++;
            }
            if (j == n) {
                return f;
            }
        }
        return -1;
    }

    private String ascii(int from, int to) {
        return Ascii.string(bytes, from, to, StandardCharsets.US_ASCII);
    }

    private String latin1(int from, int to) {
        return Ascii.string(bytes, from, to, StandardCharsets.ISO_8859_1);
    }

    /** A growable byte array for chunked bodies, exposing its array without a copy when exactly full. */
    static final class BodyBuilder extends ByteArrayOutputStream {
        BodyBuilder() {
            super(256);
        }

        byte[] array() {
            return count == buf.length ? buf : toByteArray();
        }

        /** Appends {@code length} bytes of native memory without an intermediate array. */
        void write(MemorySegment from, long offset, int length) {
            if (count + length > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + length));
            }
            MemorySegment.copy(from, ValueLayout.JAVA_BYTE, offset, buf, count, length);
            count += length;
        }
    }
}
