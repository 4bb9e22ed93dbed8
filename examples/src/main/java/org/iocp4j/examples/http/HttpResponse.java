package org.iocp4j.examples.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iocp4j.core.IoFile;

/**
 * The response a handler fills in: status (200 unless set), header fields and a body. The server adds
 * {@code Date}, {@code Server}, {@code Content-Length} and {@code Connection} itself, so handlers may not set
 * them. Not thread-safe: one handler fills it, then hands it back to the connection.
 */
public final class HttpResponse {
    private static final byte[] EMPTY = new byte[0];
    private static final String[] RESERVED = {"Content-Length", "Transfer-Encoding", "Connection", "Date",
            "Server", "Keep-Alive", "Upgrade", "Trailer"};

    private int status = 200;
    /** Name, value, name, value… in the order set. */
    private final List<String> headers = new ArrayList<>(8);
    private byte[] body = EMPTY;

    // A body streamed from a file (static files), set by the server only.
    IoFile file;
    long fileOffset;
    /** The length announced in Content-Length when the body is a file's range (sent or, for HEAD, not). */
    long fileLength = -1;

    /** Sets the status, 200..599 (1xx responses are the server's business). */
    public HttpResponse status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("response status " + status + " is not in 200..599");
        }
        this.status = status;
        return this;
    }

    /** The status. */
    public int status() {
        return status;
    }

    /**
     * Adds a header field.
     *
     * @throws IllegalArgumentException if the name is not a token, the value holds CR, LF or another control
     *                                  character, or the field is one the server sets itself
     */
    public HttpResponse header(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127 || !Ascii.isTchar((byte) c)) {
                throw new IllegalArgumentException("header name '" + name + "' holds a character that is not allowed");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("value of header '" + name + "' holds a control or non-Latin-1 character");
            }
        }
        // Compared in place: a lower-cased copy per field would be an allocation on every response.
        for (String reserved : RESERVED) {
            if (reserved.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("header '" + name + "' is set by the server");
            }
        }
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Sets {@code Content-Type}, replacing an earlier one. */
    public HttpResponse contentType(String type) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("Content-Type")) {
                headers.remove(i);
                headers.remove(i);
                break;
            }
        }
        return header("Content-Type", type);
    }

    /** The value of the first header field named {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }

    /** Sets the body; the array is not copied, so do not change it afterwards. */
    public HttpResponse body(byte[] body) {
        this.body = java.util.Objects.requireNonNull(body, "body");
        return this;
    }

    /** Sets the body to {@code text} in UTF-8, with {@code text/plain; charset=utf-8} unless a type is set. */
    public HttpResponse body(String text) {
        if (header("Content-Type") == null) {
            header("Content-Type", "text/plain; charset=utf-8");
        }
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The body. */
    public byte[] body() {
        return body;
    }

    // ------------------------------------------------------------------ package-private

    List<String> headerList() {
        return headers;
    }

    /** The Content-Length of this response. */
    long contentLength() {
        return fileLength >= 0 ? fileLength : body.length;
    }

    /** A plain-text refusal or failure: {@code 404 Not Found: <detail>}. */
    static HttpResponse error(int status, String detail) {
        HttpResponse r = new HttpResponse().status(status);
        return r.body(status + " " + StatusLines.reason(status) + (detail == null ? "" : ": " + detail) + "\n");
    }
}
