package org.iocp4j.examples;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.1 responses one after another from a connection's byte stream (RFC 9112): the status line,
 * the header fields and the body, framed by {@code Content-Length}, by the chunked transfer coding or by the
 * end of the stream. Bodies are counted and dropped. Interim 1xx responses are skipped. It is strict where
 * leniency would hide a server bug a load test should show: {@code Content-Length} together with
 * {@code Transfer-Encoding}, conflicting lengths, folded header lines, chunk data of the wrong length.
 *
 * <p>Threads: one reader per connection, used only by that connection's thread.
 */
final class HttpResponseReader {
    /** Most bytes of a status line and header fields (or of a trailer section) accepted. */
    static final int MAX_HEADER_BYTES = 64 << 10;
    /** Longest line accepted: the read buffer. */
    static final int MAX_LINE = 16 << 10;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.([01]) ([1-5]\\d\\d)(?: .*)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Where the bytes come from: a blocking read returning -1 at the end of the stream. */
    @FunctionalInterface
    interface Source {
        int read(byte[] bytes, int offset, int length) throws IOException;
    }

    /** A response that breaks the protocol; the connection cannot be trusted to be in step any more. */
    static final class MalformedResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedResponseException(String message) {
            super(message, null, false, false);
        }
    }

    private final Source source;
    private final byte[] buffer = new byte[MAX_LINE];
    private int pos;
    private int limit;
    /** Bytes taken out of the buffer since this reader was made. */
    private long consumed;
    private long responseStart;

    private int status;
    private boolean close;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private String requestId;
    private long bodyBytes;
    private long wireBytes;

    HttpResponseReader(Source source) {
        this.source = source;
    }

    /**
     * Reads the next final response, skipping interim ones; its parts are then available from the
     * accessors. After a response that {@link #closes()}, do not call this again.
     *
     * @throws EOFException the stream ended before or within the response
     * @throws IOException the source failed
     * @throws MalformedResponseException the response breaks the protocol
     */
    void next() throws IOException, MalformedResponseException {
        responseStart = consumed;
        do {
            readHead();
        } while (status < 200);
        readBody();
        wireBytes = consumed - responseStart;
    }

    private void readBody() throws IOException, MalformedResponseException {
        bodyBytes = 0;
        if (status == 204 || status == 304) {
            return; // no body, whatever the header fields say
        }
        if (transferEncoding && chunked) {
            readChunks();
        } else if (contentLength >= 0) {
            discard(contentLength);
        } else {
            discardUntilEnd(); // no length, or a transfer coding other than chunked last: the close frames it
        }
    }

    /** The status code, 200..599. */
    int status() {
        return status;
    }

    /** Whether the server closes the connection after this response (or it was framed by the close). */
    boolean closes() {
        return close;
    }

    /** The response's {@code X-Request-Id}, or {@code null} if it had none. */
    String requestId() {
        return requestId;
    }

    /** Bytes of the body, after removing the chunked coding. */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Bytes the whole response took on the wire, interim responses included. */
    long wireBytes() {
        return wireBytes;
    }

    private void readHead() throws IOException, MalformedResponseException {
        String statusLine = line();
        int headerBytes = statusLine.length();
        Matcher m = STATUS_LINE.matcher(statusLine);
        if (!m.matches()) {
            throw new MalformedResponseException("bad status line '" + printable(statusLine) + "'");
        }
        boolean http10 = m.group(1).equals("0");
        status = Integer.parseInt(m.group(2));
        if (status == 101) {
            throw new MalformedResponseException("101 Switching Protocols, which no request asked for");
        }
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        requestId = null;
        boolean closeToken = false;
        boolean keepAliveToken = false;
        for (String line = line(); !line.isEmpty(); line = line()) {
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new MalformedResponseException("header section longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new MalformedResponseException("folded header line '" + printable(line) + "'");
            }
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new MalformedResponseException("bad header line '" + printable(line) + "'");
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon).toLowerCase(Locale.ROOT)) {
                case "content-length" -> {
                    if (!DIGITS.matcher(value).matches()) {
                        throw new MalformedResponseException("bad Content-Length '" + printable(value) + "'");
                    }
                    long length = Long.parseLong(value);
                    if (contentLength >= 0 && contentLength != length) {
                        throw new MalformedResponseException("conflicting Content-Length " + contentLength
                                + " and " + length);
                    }
                    contentLength = length;
                }
                case "transfer-encoding" -> {
                    transferEncoding = true;
                    String last = value.substring(value.lastIndexOf(',') + 1).strip();
                    chunked = last.equalsIgnoreCase("chunked");
                }
                case "connection" -> {
                    for (String token : value.split(",")) {
                        closeToken |= token.strip().equalsIgnoreCase("close");
                        keepAliveToken |= token.strip().equalsIgnoreCase("keep-alive");
                    }
                }
                case "x-request-id" -> requestId = value;
                default -> {
                }
            }
        }
        if (transferEncoding && contentLength >= 0) {
            throw new MalformedResponseException("both Transfer-Encoding and Content-Length");
        }
        close = closeToken || (http10 && !keepAliveToken);
    }

    private void readChunks() throws IOException, MalformedResponseException {
        while (true) {
            String sizeLine = line();
            int end = 0;
            while (end < sizeLine.length() && Character.digit(sizeLine.charAt(end), 16) >= 0) {
                end++;
            }
            String rest = sizeLine.substring(end).stripLeading();
            if (end == 0 || end > 15 || !(rest.isEmpty() || rest.startsWith(";"))) {
                throw new MalformedResponseException("bad chunk size line '" + printable(sizeLine) + "'");
            }
            long size = Long.parseLong(sizeLine.substring(0, end), 16);
            if (size == 0) {
                break;
            }
            discard(size);
            String after = line();
            if (!after.isEmpty()) {
                throw new MalformedResponseException("chunk of " + size + " bytes followed by '"
                        + printable(after) + "' instead of CRLF");
            }
        }
        int trailerBytes = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            trailerBytes += line.length();
            if (trailerBytes > MAX_HEADER_BYTES) {
                throw new MalformedResponseException("trailer section longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    /** Drops {@code length} body bytes. */
    private void discard(long length) throws IOException {
        for (long left = length; left > 0; ) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed " + (length - left) + " bytes into a " + length
                        + "-byte body");
            }
            int n = (int) Math.min(left, limit - pos);
            take(n);
            bodyBytes += n;
            left -= n;
        }
    }

    private void discardUntilEnd() throws IOException {
        close = true;
        while (pos < limit || fill()) {
            bodyBytes += limit - pos;
            take(limit - pos);
        }
    }

    /** The next line without its LF or CRLF, as ISO-8859-1. */
    private String line() throws IOException, MalformedResponseException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
                    take(i + 1 - pos);
                    return line;
                }
            }
            scanned = limit - pos;
            if (scanned == buffer.length) {
                throw new MalformedResponseException("line longer than " + MAX_LINE + " bytes");
            }
            if (!fill()) {
                throw new EOFException(consumed == responseStart && pos == limit
                        ? "connection closed before the response" : "connection closed within a response");
            }
        }
    }

    private void take(int n) {
        pos += n;
        consumed += n;
    }

    /** Moves the unread bytes to the front and reads more after them; {@code false} at the end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = source.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** {@code s} cut short and with control characters escaped, for an error message. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }
}
