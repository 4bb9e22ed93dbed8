package org.iocp4j.examples.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A plain socket client for the end-to-end tests that must put exact bytes on the wire (request targets curl
 * or java.net.http would normalise or refuse, pipelined requests) and see exactly what comes back: every byte
 * until the server closes, split into responses by their Content-Length.
 *
 * <p>Thread model: stateless; each call opens its own socket.
 */
final class RawHttp {
    /** Generous: a test server on loopback answers in milliseconds unless the machine is very busy. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** One response as received: status, header fields (names case-insensitive) and body bytes. */
    record Response(int status, String head, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return head.strip() + "\n\n" + bodyText();
        }
    }

    /** A request head for {@code target}: {@code METHOD target HTTP/1.1}, Host, and the given extra lines. */
    static byte[] request(String method, String target, String... headerLines) {
        StringBuilder s = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: test\r\n");
        for (String line : headerLines) {
            s.append(line).append("\r\n");
        }
        // Latin-1: a char below 256 goes on the wire as that one byte, which is how raw octets are given here.
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code requestBytes} to {@code server}, reads until the server closes the connection, and splits
     * what came back into responses (the last request should ask for {@code Connection: close}).
     *
     * @param bodiless for each expected response in order, whether it answers a HEAD request (its
     *                 Content-Length then describes a body that is not sent); responses beyond the array
     *                 are taken as answers to GET
     * @throws IOException when bytes remain that are not a whole response
     */
    static List<Response> exchange(InetSocketAddress server, byte[] requestBytes, boolean... bodiless)
            throws IOException {
        byte[] received;
        try (Socket socket = new Socket()) {
            socket.connect(server, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(requestBytes);
            out.flush();
            received = readToEnd(socket.getInputStream());
        }
        return split(received, bodiless);
    }

    /** {@link #exchange} of one request whose response is expected alone. */
    static Response one(InetSocketAddress server, byte[] requestBytes) throws IOException {
        List<Response> responses = exchange(server, requestBytes);
        if (responses.size() != 1) {
            throw new IOException("expected one response, got " + responses.size() + ": " + responses);
        }
        return responses.getFirst();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 << 10];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                all.write(chunk, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A server that closes with unread request bytes makes the kernel reset the connection; what
            // arrived before the reset is still the answer, and split() checks that it is whole.
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static List<Response> split(byte[] data, boolean[] bodiless) throws IOException {
        List<Response> responses = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (end < 0) {
                throw new IOException("incomplete response head after " + responses.size() + " responses: '"
                        + new String(data, at, data.length - at, StandardCharsets.ISO_8859_1) + "'");
            }
            String head = new String(data, at, end + 4 - at, StandardCharsets.ISO_8859_1);
            List<String> lines = head.lines().toList();
            String[] statusLine = lines.getFirst().split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IOException("not a status line: '" + lines.getFirst() + "'");
            }
            int status = Integer.parseInt(statusLine[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: '" + line + "'");
                }
                headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            at = end + 4;
            boolean answersHead = responses.size() < bodiless.length && bodiless[responses.size()];
            long length = 0;
            if (!answersHead && status != 204 && status != 304 && status >= 200) {
                List<String> values = headers.get("Content-Length");
                if (values == null || values.size() != 1) {
                    throw new IOException("response without exactly one Content-Length: " + head);
                }
                length = Long.parseLong(values.getFirst());
            }
            if (data.length - at < length) {
                throw new IOException("response body cut short: " + (data.length - at) + " of " + length
                        + " bytes after " + head);
            }
            byte[] body = Arrays.copyOfRange(data, at, at + (int) length);
            at += (int) length;
            if (status >= 200) {
                responses.add(new Response(status, head, headers, body));
            }
        }
        return responses;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
