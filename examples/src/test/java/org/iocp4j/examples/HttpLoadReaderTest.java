package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpResponseReader} on fixed bytes, handed over in pieces of every size from one byte up. */
class HttpLoadReaderTest {

    /** A reader over {@code text}, which arrives {@code piece} bytes per read. */
    private static HttpResponseReader reader(String text, int piece) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int[] at = {0};
        return new HttpResponseReader((b, off, len) -> {
            if (at[0] == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), bytes.length - at[0]);
            System.arraycopy(bytes, at[0], b, off, n);
            at[0] += n;
            return n;
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100_000})
    void keepAliveResponsesInSequence(int piece) throws Exception {
        String first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Request-Id: 3-0\r\n\r\nhello";
        String second = "HTTP/1.1 404 Not Found\r\ncontent-length:  0 \r\nx-request-id: 3-1\r\n\r\n";
        HttpResponseReader r = reader(first + second, piece);

        r.next();
        assertEquals(200, r.status());
        assertEquals("3-0", r.requestId());
        assertEquals(5, r.bodyBytes());
        assertEquals(first.length(), r.wireBytes());
        assertFalse(r.closes());
        r.next();
        assertEquals(404, r.status());
        assertEquals("3-1", r.requestId());
        assertEquals(0, r.bodyBytes());
        assertEquals(second.length(), r.wireBytes());
        EOFException end = assertThrows(EOFException.class, r::next);
        assertEquals("connection closed before the response", end.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100_000})
    void chunkedBodyWithExtensionsAndTrailers(int piece) throws Exception {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1A \r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: yes\r\n\r\n";
        HttpResponseReader r = reader(response + "HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n", piece);

        r.next();
        assertEquals(5 + 26, r.bodyBytes());
        assertEquals(response.length(), r.wireBytes());
        assertNull(r.requestId());
        r.next();
        assertEquals(204, r.status());
        assertEquals(0, r.bodyBytes(), "204 has no body whatever its Content-Length");
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n"
                + "\r\nok", 4);
        r.next();
        assertEquals(201, r.status());
        assertEquals(2, r.bodyBytes());
    }

    @Test
    void closeIsSeenInEveryForm() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n",
                5);
        r.next();
        assertTrue(r.closes());

        r = reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 5);
        r.next();
        assertTrue(r.closes(), "HTTP/1.0 closes unless it says keep-alive");

        r = reader("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 5);
        r.next();
        assertFalse(r.closes());

        r = reader("HTTP/1.1 200 OK\nServer: bare LF\n\nuntil the end", 5);
        r.next();
        assertTrue(r.closes(), "a body without a length ends with the connection");
        assertEquals("until the end".length(), r.bodyBytes());
    }

    @Test
    void earlyEndIsAnEof() {
        EOFException inBody = assertThrows(EOFException.class,
                reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 3)::next);
        assertEquals("connection closed 5 bytes into a 10-byte body", inBody.getMessage());
        EOFException inHead = assertThrows(EOFException.class, reader("HTTP/1.1 200 OK\r\nContent-", 3)::next);
        assertEquals("connection closed within a response", inHead.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 99 Low\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1234567890abcdef\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
    })
    void malformedResponsesAreRejected(String response) {
        assertThrows(HttpResponseReader.MalformedResponseException.class, reader(response, 3)::next, response);
    }

    @Test
    void oversizedHeadersAreRejected() {
        String line = "X-Filler: " + "f".repeat(1000) + "\r\n";
        String big = "HTTP/1.1 200 OK\r\n" + line.repeat(HttpResponseReader.MAX_HEADER_BYTES / 1000 + 1) + "\r\n";
        HttpResponseReader.MalformedResponseException e = assertThrows(
                HttpResponseReader.MalformedResponseException.class, reader(big, 4096)::next);
        assertTrue(e.getMessage().startsWith("header section longer than"), e.getMessage());

        String longLine = "HTTP/1.1 200 OK\r\nX: " + "l".repeat(HttpResponseReader.MAX_LINE) + "\r\n\r\n";
        e = assertThrows(HttpResponseReader.MalformedResponseException.class, reader(longLine, 4096)::next);
        assertTrue(e.getMessage().startsWith("line longer than"), e.getMessage());
    }
}
