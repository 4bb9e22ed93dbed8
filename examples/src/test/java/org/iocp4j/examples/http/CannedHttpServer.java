package org.iocp4j.examples.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 responder for the tests of {@link Curl} and {@link Chromium} themselves, which must not
 * depend on the server under test: it records each request and writes back whatever raw bytes the responder
 * returns for it, then closes the connection (one request per connection, so no framing beyond
 * Content-Length request bodies is needed).
 *
 * <p>Thread model: one thread accepts; each connection is served on its own virtual thread (a browser opens
 * several at once and may leave one idle), which calls the responder. {@link #requests()} may be read from any
 * thread.
 */
final class CannedHttpServer implements AutoCloseable {
    /** A request as received: the request line's parts, headers (names lower-cased) and body. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    private final ServerSocket socket;
    private final Function<Request, byte[]> responder;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    CannedHttpServer(Function<Request, byte[]> responder) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.responder = responder;
        this.acceptor = Thread.ofPlatform().daemon().name("canned-http-accept").start(this::accept);
    }

    /** A complete response with Content-Length and Connection: close. */
    static byte[] response(int status, String reason, String contentType, byte[] body, String... extraHeaderLines) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n");
        for (String line : extraHeaderLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    /** The requests received so far, in arrival order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException closed) {
                return;
            }
            Thread.ofVirtual().start(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return; // e.g. a preconnect the browser never used
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ", 3);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Request request = new Request(requestLine[0], requestLine[1], Map.copyOf(headers), body);
            requests.add(request);
            OutputStream out = connection.getOutputStream();
            out.write(responder.apply(request));
            out.flush();
        } catch (IOException e) {
            // The client went away (curl timed out, the browser cancelled); nothing to answer.
        }
    }

    /** The request line and headers up to the empty line, without it; null when the peer closed before that. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                byte[] bytes = head.toByteArray();
                return new String(bytes, 0, bytes.length - end.length, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        acceptor.join();
    }
}
