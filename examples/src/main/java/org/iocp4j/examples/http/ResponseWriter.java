package org.iocp4j.examples.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.Connection;

/**
 * Encodes responses straight into pooled buffers and queues them on the connection (which takes ownership),
 * so a small response is one buffer and one gathered send with whatever else is queued. Strings are written
 * byte by byte rather than encoded into temporary arrays.
 *
 * <p>Threads: used only in its connection's serial context.
 */
final class ResponseWriter {
    private static final byte[] SERVER = Ascii.bytes("Server: iocp4j\r\n");
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("Content-Length: ");
    private static final byte[] CLOSE = Ascii.bytes("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = Ascii.bytes("Connection: keep-alive\r\n");
    private static final byte[] COLON = Ascii.bytes(": ");
    private static final byte[] CRLF = Ascii.bytes("\r\n");
    private static final byte[] CONTINUE = Ascii.bytes("HTTP/1.1 100 Continue\r\n\r\n");
    /** A head and a small body fit in one buffer of this size class. */
    private static final int HEAD_BUFFER = 4096;
    /** Larger bodies go out in buffers of the pool's largest class. */
    private static final int BODY_BUFFER = HttpServer.MAX_HEAD_BYTES;

    private final Connection connection;
    private Buffer current;

    ResponseWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Queues {@code response}'s head, and its body bytes when {@code withBody} (not for HEAD, 204, 304 or a
     * body streamed from a file afterwards).
     *
     * @param close          the connection closes after this response: {@code Connection: close}
     * @param keepAliveField an HTTP/1.0 client asked to keep the connection: {@code Connection: keep-alive}
     */
    void write(HttpResponse response, boolean withBody, boolean close, boolean keepAliveField) {
        int status = response.status();
        put(StatusLines.line(status));
        put(HttpDates.dateHeaderLine());
        put(SERVER);
        List<String> headers = response.headerList();
        for (int i = 0; i < headers.size(); i += 2) {
            put(headers.get(i));
            put(COLON);
            put(headers.get(i + 1));
            put(CRLF);
        }
        if (status != 204 && status != 304) {
            put(CONTENT_LENGTH);
            put(Long.toString(response.contentLength()));
            put(CRLF);
        }
        if (close) {
            put(CLOSE);
        } else if (keepAliveField) {
            put(KEEP_ALIVE);
        }
        put(CRLF);
        if (withBody) {
            put(response.body());
        }
        flush();
    }

    /** Queues the interim {@code 100 Continue} (RFC 9110 §10.1.1). */
    void writeContinue() {
        put(CONTINUE);
        flush();
    }

    /** Queues what has been encoded. */
    void flush() {
        if (current != null) {
            Buffer b = current;
            current = null;
            connection.write(b);
        }
    }

    private void put(byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            int n = Math.min(bytes.length - done, room(bytes.length - done));
            current.writeBytes(bytes, done, n);
            done += n;
        }
    }

    /** Header names and values are Latin-1 at most (checked when set): one byte per char. */
    private void put(String text) {
        int done = 0;
        while (done < text.length()) {
            int n = Math.min(text.length() - done, room(text.length() - done));
            MemorySegment s = current.segment();
            int w = current.writerIndex();
            for (int i = 0; i < n; i++) {
                s.set(ValueLayout.JAVA_BYTE, w + i, (byte) text.charAt(done + i));
            }
            current.writerIndex(w + n);
            done += n;
        }
    }

    /** Bytes writable in the current buffer, first queuing a full one and taking a new one as needed. */
    private int room(int wanted) {
        if (current != null && current.writableBytes() == 0) {
            flush();
        }
        if (current == null) {
            current = connection.bufferPool().acquire(wanted <= HEAD_BUFFER ? HEAD_BUFFER : BODY_BUFFER);
        }
        return current.writableBytes();
    }
}
