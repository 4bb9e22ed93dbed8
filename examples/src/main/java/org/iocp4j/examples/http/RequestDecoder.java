package org.iocp4j.examples.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;

/**
 * Decodes the requests of one connection from the buffers it receives (RFC 9112), one call per buffer.
 *
 * <p>A head that lies whole in one received buffer is parsed where it is: the request retains that buffer
 * and records offsets. Only a head cut by the end of a buffer is gathered, in one pooled buffer of
 * {@link HttpLimits#maxHeaderBytes}, which the request then takes over. Bodies (Content-Length or chunked)
 * are copied into a heap array, bounded by {@link HttpLimits#maxBodyBytes}.
 *
 * <p>Limits are enforced while bytes arrive, so a client can never make the server hold more than the
 * limits: 414 for a long request line, 431 for a long head or too many fields, 413 for a long body, 400 for
 * malformed syntax (including a Content-Length next to Transfer-Encoding, the request smuggling shape),
 * 501 for an unknown method or transfer coding, 505 for another HTTP version, 417 for an unknown
 * expectation. After any of them the stream cannot be trusted: the connection answers and closes.
 *
 * <p>Threads: used only in its connection's serial context.
 */
final class RequestDecoder {
    /** The buffer is used up and no request is complete. */
    static final int NEED_MORE = 0;
    /** A head is complete and its body is still to come ({@link #request()}). */
    static final int HEAD_DONE = 1;
    /** A request is complete ({@link #take()}). */
    static final int COMPLETE = 2;

    private static final byte[] HOST = Ascii.bytes("host");
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = Ascii.bytes("transfer-encoding");
    private static final byte[] CONNECTION = Ascii.bytes("connection");
    private static final byte[] EXPECT = Ascii.bytes("expect");
    private static final byte[] CHUNKED = Ascii.bytes("chunked");
    private static final byte[] CLOSE = Ascii.bytes("close");
    private static final byte[] KEEP_ALIVE = Ascii.bytes("keep-alive");
    private static final byte[] CONTINUE = Ascii.bytes("100-continue");
    /** A Content-Length body's first array; it grows as bytes arrive. */
    private static final int FIRST_BODY_ARRAY = 64 << 10;
    /** A chunk-size line (size and extensions) longer than this is refused. */
    private static final int MAX_CHUNK_LINE = 1024;

    // Chunked body states.
    private static final int SIZE = 0;
    private static final int EXTENSION = 1;
    private static final int DATA = 2;
    private static final int DATA_END = 3;
    private static final int TRAILER = 4;

    private final HttpLimits limits;
    private final BufferPool pool;
    private final InetSocketAddress remote;

    /** Bytes of a head cut by a buffer's end, or null. */
    private Buffer gathered;
    /** A byte of the current head has arrived (drives the header-read timeout). */
    private boolean headStarted;
    /** The request whose body is being read, or whose completion awaits {@link #take()}. */
    private HttpRequest request;

    private byte[] fixedBody;
    private int fixedFilled;
    private HttpRequest.BodyBuilder chunkedBody;
    private int chunkState;
    private long chunkRemaining;
    private int chunkLine;
    private int trailerBytes;
    private boolean trailerLineEmpty;

    RequestDecoder(HttpLimits limits, BufferPool pool, InetSocketAddress remote) {
        this.limits = limits;
        this.pool = pool;
        this.remote = remote;
    }

    /** Whether part of a head has arrived but not all of it. */
    boolean headStarted() {
        return headStarted;
    }

    /** Whether a head is complete and its body is still being read. */
    boolean readingBody() {
        return request != null;
    }

    /** The request of the last {@link #HEAD_DONE}, whose body is being read. */
    HttpRequest request() {
        return request;
    }

    /** The request of the last {@link #COMPLETE}; the decoder forgets it and starts on the next head. */
    HttpRequest take() {
        HttpRequest r = request;
        request = null;
        return r;
    }

    /**
     * Consumes bytes of {@code in} (moving its reader index) until a request head or request is complete or
     * {@code in} is used up. The caller keeps ownership of {@code in}; a request parsed in place retains it.
     *
     * @return {@link #NEED_MORE}, {@link #HEAD_DONE} or {@link #COMPLETE}
     * @throws HttpException the request is refused; the decoder must not be used again
     */
    int decode(Buffer in) throws HttpException {
        if (request != null) {
            return request.chunked ? decodeChunked(in) : decodeFixed(in);
        }
        return gathered == null ? decodeHeadInPlace(in) : decodeHeadGathered(in);
    }

    /** Releases what is held: the gathered head and a request not taken. Idempotent. */
    void release() {
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
        if (request != null) {
            request.finish();
            request = null;
        }
    }

    // ------------------------------------------------------------------ heads

    private int decodeHeadInPlace(Buffer in) throws HttpException {
        MemorySegment s = in.segment();
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (!headStarted) {
            // RFC 9112 §2.2: at least one empty line before a request line should be ignored.
            while (start < end && isLineBreak(s.get(ValueLayout.JAVA_BYTE, start))) {
                start++;
            }
            in.readerIndex(start);
            if (start == end) {
                return NEED_MORE;
            }
            headStarted = true;
        }
        int eoh = (int) Ascii.endOfHead(s, start, Math.min(end, start + (long) limits.maxHeaderBytes()));
        if (eoh < 0) {
            checkIncompleteHead(s, start, end);
            gathered = pool.acquire(limits.maxHeaderBytes());
            MemorySegment.copy(s, start, gathered.segment(), 0, end - start);
            gathered.writerIndex(end - start);
            in.readerIndex(end);
            return NEED_MORE;
        }
        in.retain();
        in.readerIndex(eoh);
        return parsed(in, start, eoh);
    }

    private int decodeHeadGathered(Buffer in) throws HttpException {
        MemorySegment g = gathered.segment();
        int before = gathered.writerIndex();
        int n = Math.min(in.readableBytes(), limits.maxHeaderBytes() - before);
        MemorySegment.copy(in.segment(), in.readerIndex(), g, before, n);
        // The empty line may straddle the two parts: rescan the last three bytes gathered before.
        int eoh = (int) Ascii.endOfHead(g, Math.max(0, before - 3), before + n);
        if (eoh < 0) {
            in.readerIndex(in.readerIndex() + n);
            gathered.writerIndex(before + n);
            checkIncompleteHead(g, 0, before + n);
            return NEED_MORE;
        }
        in.readerIndex(in.readerIndex() + (eoh - before));
        gathered.writerIndex(eoh);
        Buffer head = gathered;
        gathered = null;
        return parsed(head, 0, eoh);
    }

    /**
     * 414 / 431 as soon as what has arrived of an unfinished head is already over a limit. The request line may
     * end in CRLF right after its limit, so 414 waits for two bytes more and looks for LF only among those that
     * have arrived.
     */
    private void checkIncompleteHead(MemorySegment s, int start, int end) throws HttpException {
        long lineWithCrLf = limits.maxRequestLineBytes() + 2L;
        if (end - start >= lineWithCrLf && Ascii.indexOfLf(s, start, start + lineWithCrLf) < 0) {
            throw new HttpException(414, "request line longer than " + limits.maxRequestLineBytes() + " bytes");
        }
        if (end - start >= limits.maxHeaderBytes()) {
            throw new HttpException(431, "request head longer than " + limits.maxHeaderBytes() + " bytes");
        }
    }

    /** Parses the head in {@code head[start, eoh)}, which the new request then owns one reference of. */
    private int parsed(Buffer head, int start, int eoh) throws HttpException {
        headStarted = false;
        HttpRequest r;
        try {
            r = parseHead(head, start, eoh);
        } catch (HttpException | RuntimeException e) {
            head.release();
            throw e;
        }
        request = r;
        if (r.chunked) {
            chunkedBody = new HttpRequest.BodyBuilder();
            chunkState = SIZE;
            chunkRemaining = 0;
            chunkLine = 0;
            return HEAD_DONE;
        }
        if (r.contentLength > 0) {
            // Not the whole Content-Length at once: a head alone must not make the server allocate maxBodyBytes.
            fixedBody = new byte[(int) Math.min(r.contentLength, FIRST_BODY_ARRAY)];
            fixedFilled = 0;
            return HEAD_DONE;
        }
        return COMPLETE;
    }

    private HttpRequest parseHead(Buffer head, int start, int eoh) throws HttpException {
        MemorySegment s = head.segment();
        int lineEnd = (int) Ascii.indexOfLf(s, start, eoh);
        int lineStop = trimCr(s, start, lineEnd);
        if (lineStop - start > limits.maxRequestLineBytes()) {
            throw new HttpException(414, "request line longer than " + limits.maxRequestLineBytes() + " bytes");
        }
        // method SP request-target SP HTTP-version
        int sp1 = indexOf(s, start, lineStop, (byte) ' ');
        if (sp1 <= start) {
            throw new HttpException(400, "malformed request line: no method");
        }
        String method = method(s, start, sp1);
        int targetStart = sp1 + 1;
        int sp2 = indexOf(s, targetStart, lineStop, (byte) ' ');
        if (sp2 <= targetStart) {
            throw new HttpException(400, "malformed request line: no request-target and HTTP version");
        }
        boolean http10 = version(s, sp2 + 1, lineStop);
        int targetEnd = sp2;
        int pathEnd = targetEnd;
        for (int i = targetStart; i < targetEnd; i++) {
            byte b = s.get(ValueLayout.JAVA_BYTE, i);
            if (b <= 0x20 || b == 0x7F || b == '#') {
                throw new HttpException(400, "request-target holds a control character, space, non-ASCII byte or '#'");
            }
            if (b == '?' && pathEnd == targetEnd) {
                pathEnd = i;
            }
        }
        byte first = s.get(ValueLayout.JAVA_BYTE, targetStart);
        if (first != '/') {
            if (!(first == '*' && targetEnd - targetStart == 1 && method == HttpRequest.OPTIONS)) {
                int path = absoluteFormPath(s, targetStart, pathEnd);
                targetStart = path;
            }
        }

        int[] fields = new int[16];
        int count = 0;
        int hosts = 0;
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean keepAlive = false;
        boolean expectContinue = false;
        for (int ls = lineEnd + 1; ; ) {
            int le = (int) Ascii.indexOfLf(s, ls, eoh);
            int stop = trimCr(s, ls, le);
            if (stop == ls) {
                break; // the empty line
            }
            byte b0 = s.get(ValueLayout.JAVA_BYTE, ls);
            if (b0 == ' ' || b0 == '\t') {
                throw new HttpException(400, "obsolete line folding in the header fields");
            }
            int colon = indexOf(s, ls, stop, (byte) ':');
            if (colon <= ls) {
                throw new HttpException(400, "header field without a name and ':'");
            }
            for (int i = ls; i < colon; i++) {
                if (!Ascii.isTchar(s.get(ValueLayout.JAVA_BYTE, i))) {
                    throw new HttpException(400, "invalid character in a header field name");
                }
            }
            int vs = colon + 1;
            int ve = stop;
            while (vs < ve && isOws(s.get(ValueLayout.JAVA_BYTE, vs))) {
                vs++;
            }
            while (ve > vs && isOws(s.get(ValueLayout.JAVA_BYTE, ve - 1))) {
                ve--;
            }
            for (int i = vs; i < ve; i++) {
                byte b = s.get(ValueLayout.JAVA_BYTE, i);
                if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
                    throw new HttpException(400, "control character in a header field value");
                }
            }
            if (++count > limits.maxHeaderCount()) {
                throw new HttpException(431, "more than " + limits.maxHeaderCount() + " header fields");
            }
            if (count * 4 > fields.length) {
                fields = java.util.Arrays.copyOf(fields, fields.length * 2);
            }
            int f = (count - 1) * 4;
            fields[f] = ls;
            fields[f + 1] = colon;
            fields[f + 2] = vs;
            fields[f + 3] = ve;

            if (Ascii.equalsIgnoreCase(s, ls, colon, HOST)) {
                hosts++;
            } else if (Ascii.equalsIgnoreCase(s, ls, colon, CONTENT_LENGTH)) {
                long length = contentLength(s, vs, ve);
                if (contentLength >= 0 && contentLength != length) {
                    throw new HttpException(400, "two different Content-Length values");
                }
                contentLength = length;
            } else if (Ascii.equalsIgnoreCase(s, ls, colon, TRANSFER_ENCODING)) {
                if (chunked || !Ascii.equalsIgnoreCase(s, vs, ve, CHUNKED)) {
                    throw new HttpException(501, "transfer coding '" + latin1(s, vs, ve)
                            + "' is not implemented (only chunked is)");
                }
                chunked = true;
            } else if (Ascii.equalsIgnoreCase(s, ls, colon, CONNECTION)) {
                for (int ts = vs; ts < ve; ) {
                    int te = indexOf(s, ts, ve, (byte) ',');
                    int end = te < 0 ? ve : te;
                    int a = ts;
                    int z = end;
                    while (a < z && isOws(s.get(ValueLayout.JAVA_BYTE, a))) {
                        a++;
                    }
                    while (z > a && isOws(s.get(ValueLayout.JAVA_BYTE, z - 1))) {
                        z--;
                    }
                    close |= Ascii.equalsIgnoreCase(s, a, z, CLOSE);
                    keepAlive |= Ascii.equalsIgnoreCase(s, a, z, KEEP_ALIVE);
                    ts = end + 1;
                }
            } else if (Ascii.equalsIgnoreCase(s, ls, colon, EXPECT) && !http10) {
                if (!Ascii.equalsIgnoreCase(s, vs, ve, CONTINUE)) {
                    throw new HttpException(417, "expectation '" + latin1(s, vs, ve) + "' is not supported");
                }
                expectContinue = true;
            }
            ls = le + 1;
        }
        if (!http10 && hosts != 1) {
            throw new HttpException(400, hosts == 0 ? "HTTP/1.1 request without a Host header"
                    : "more than one Host header");
        }
        if (chunked && contentLength >= 0) {
            throw new HttpException(400, "both Content-Length and Transfer-Encoding: chunked");
        }
        if (contentLength > limits.maxBodyBytes()) {
            throw new HttpException(413, "body of " + contentLength + " bytes is over the limit of "
                    + limits.maxBodyBytes());
        }
        return new HttpRequest(head, method, targetStart, targetEnd, pathEnd, http10, fields, count,
                Math.max(contentLength, 0), chunked, close, keepAlive, expectContinue && (chunked || contentLength > 0),
                remote);
    }

    private static String method(MemorySegment s, int from, int to) throws HttpException {
        String m = switch (to - from) {
            case 3 -> matches(s, from, "GET") ? HttpRequest.GET : matches(s, from, "PUT") ? HttpRequest.PUT : null;
            case 4 -> matches(s, from, "HEAD") ? HttpRequest.HEAD : matches(s, from, "POST") ? HttpRequest.POST : null;
            case 6 -> matches(s, from, "DELETE") ? HttpRequest.DELETE : null;
            case 7 -> matches(s, from, "OPTIONS") ? HttpRequest.OPTIONS : null;
            default -> null;
        };
        if (m != null) {
            return m;
        }
        for (int i = from; i < to; i++) {
            if (!Ascii.isTchar(s.get(ValueLayout.JAVA_BYTE, i))) {
                throw new HttpException(400, "malformed request line: invalid method");
            }
        }
        if (to - from > 32) {
            throw new HttpException(501, "method not implemented");
        }
        throw new HttpException(501, "method " + latin1(s, from, to) + " is not implemented");
    }

    /** {@code true} for HTTP/1.0, {@code false} for HTTP/1.1; other versions are refused. */
    private static boolean version(MemorySegment s, int from, int to) throws HttpException {
        if (to - from == 8 && matches(s, from, "HTTP/1.")) {
            byte minor = s.get(ValueLayout.JAVA_BYTE, from + 7);
            if (minor == '1') {
                return false;
            }
            if (minor == '0') {
                return true;
            }
        }
        if (to - from == 8 && matches(s, from, "HTTP/") && isDigit(s.get(ValueLayout.JAVA_BYTE, from + 5))
                && s.get(ValueLayout.JAVA_BYTE, from + 6) == '.' && isDigit(s.get(ValueLayout.JAVA_BYTE, from + 7))) {
            throw new HttpException(505, "HTTP version " + latin1(s, from, to) + " is not supported");
        }
        throw new HttpException(400, "malformed request line: bad HTTP version");
    }

    /** The path of an absolute-form target ({@code http://host/path}, RFC 9112 §3.2.2). */
    private static int absoluteFormPath(MemorySegment s, int from, int to) throws HttpException {
        int scheme = indexOf(s, from, to, (byte) ':');
        if (scheme > from && scheme + 2 < to && s.get(ValueLayout.JAVA_BYTE, scheme + 1) == '/'
                && s.get(ValueLayout.JAVA_BYTE, scheme + 2) == '/') {
            int slash = indexOf(s, scheme + 3, to, (byte) '/');
            if (slash > scheme + 3) {
                return slash;
            }
        }
        throw new HttpException(400, "request-target is neither a path, nor an absolute URI with a path, nor '*'"
                + " with OPTIONS");
    }

    private static long contentLength(MemorySegment s, int from, int to) throws HttpException {
        if (from == to) {
            throw new HttpException(400, "empty Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = s.get(ValueLayout.JAVA_BYTE, i);
            if (!isDigit(b)) {
                throw new HttpException(400, "Content-Length is not a decimal number");
            }
            if (value > (Long.MAX_VALUE - 9) / 10) {
                throw new HttpException(413, "Content-Length is too large");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    // ------------------------------------------------------------------ bodies

    private int decodeFixed(Buffer in) {
        int length = (int) request.contentLength;
        int n = Math.min(in.readableBytes(), length - fixedFilled);
        if (fixedFilled + n > fixedBody.length) {
            fixedBody = java.util.Arrays.copyOf(fixedBody, (int) Math.min(length, Math.max(2L * fixedBody.length, fixedFilled + n)));
        }
        in.readBytes(fixedBody, fixedFilled, n);
        fixedFilled += n;
        if (fixedFilled < length) {
            return NEED_MORE;
        }
        request.body(fixedBody);
        fixedBody = null;
        return COMPLETE;
    }

    private int decodeChunked(Buffer in) throws HttpException {
        MemorySegment s = in.segment();
        int i = in.readerIndex();
        int end = in.writerIndex();
        try {
            while (i < end) {
                byte b = s.get(ValueLayout.JAVA_BYTE, i);
                switch (chunkState) {
                    case SIZE -> {
                        i++;
                        chunkLine(1);
                        int digit = Character.digit(b, 16);
                        if (digit >= 0) {
                            chunkRemaining = chunkRemaining * 16 + digit;
                            if (chunkedBody.size() + chunkRemaining > limits.maxBodyBytes()) {
                                throw new HttpException(413, "chunked body over the limit of " + limits.maxBodyBytes() + " bytes");
                            }
                        } else if (chunkLine == 1) {
                            throw new HttpException(400, "chunk size is not a hexadecimal number");
                        } else if (b == ';' || b == ' ' || b == '\t') {
                            chunkState = EXTENSION;
                        } else if (b == '\n') {
                            endOfSizeLine();
                        } else if (b != '\r') {
                            throw new HttpException(400, "malformed chunk size line");
                        }
                    }
                    case EXTENSION -> {
                        i++;
                        chunkLine(1);
                        if (b == '\n') {
                            endOfSizeLine();
                        }
                    }
                    case DATA -> {
                        int n = (int) Math.min(chunkRemaining, end - i);
                        chunkedBody.write(s, i, n);
                        i += n;
                        chunkRemaining -= n;
                        if (chunkRemaining == 0) {
                            chunkState = DATA_END;
                        }
                    }
                    case DATA_END -> {
                        i++;
                        if (b == '\n') {
                            chunkState = SIZE;
                            chunkLine = 0;
                        } else if (b != '\r') {
                            throw new HttpException(400, "chunk data not followed by CRLF");
                        }
                    }
                    default -> { // TRAILER: fields are read and dropped; the empty line ends the body
                        i++;
                        if (++trailerBytes > limits.maxHeaderBytes()) {
                            throw new HttpException(431, "chunked trailer longer than " + limits.maxHeaderBytes() + " bytes");
                        }
                        if (b == '\n') {
                            if (trailerLineEmpty) {
                                in.readerIndex(i);
                                request.body(chunkedBody.array());
                                chunkedBody = null;
                                return COMPLETE;
                            }
                            trailerLineEmpty = true;
                        } else if (b != '\r') {
                            trailerLineEmpty = false;
                        }
                    }
                }
            }
        } finally {
            in.readerIndex(Math.min(i, end));
        }
        return NEED_MORE;
    }

    private void chunkLine(int bytes) throws HttpException {
        chunkLine += bytes;
        if (chunkLine > MAX_CHUNK_LINE) {
            throw new HttpException(400, "chunk size line longer than " + MAX_CHUNK_LINE + " bytes");
        }
    }

    private void endOfSizeLine() {
        if (chunkRemaining == 0) {
            chunkState = TRAILER;
            trailerBytes = 0;
            trailerLineEmpty = true;
        } else {
            chunkState = DATA;
        }
    }

    // ------------------------------------------------------------------ bytes

    private static boolean matches(MemorySegment s, int from, String ascii) {
        for (int j = 0; j < ascii.length(); j++) {
            if (s.get(ValueLayout.JAVA_BYTE, from + j) != ascii.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(MemorySegment s, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (s.get(ValueLayout.JAVA_BYTE, i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(MemorySegment s, int from, int lf) {
        return lf > from && s.get(ValueLayout.JAVA_BYTE, lf - 1) == '\r' ? lf - 1 : lf;
    }

    private static boolean isLineBreak(byte b) {
        return b == '\r' || b == '\n';
    }

    private static boolean isOws(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** At most 64 bytes of client input, for an error message. */
    private static String latin1(MemorySegment s, int from, int to) {
        return Ascii.string(s, from, Math.min(to, from + 64), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
