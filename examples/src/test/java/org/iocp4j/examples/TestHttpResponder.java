package org.iocp4j.examples;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small blocking HTTP/1.1 responder for the HTTP load's tests, on plain {@code java.net} sockets so it
 * shares nothing with the code under test. It reads requests (with {@code Content-Length} bodies) and
 * answers them in order with a body of {@code bodySize} bytes framed by {@code Content-Length} or chunked,
 * echoing {@code X-Request-Id}; the path {@code /status/NNN} answers status NNN, any other 200.
 *
 * <p>Knobs, set before {@link #start}: {@code batch} reads that many requests before answering any (so a
 * client that does not pipeline that deep stalls), {@code reverse} answers each batch backwards,
 * {@code closeAfter} sends {@code Connection: close} on a connection's Nth response and closes,
 * {@link Behaviour} makes it answer with garbage, reset the connection, or never answer.
 *
 * <p>Threads: an accepting virtual thread and one virtual thread per connection; the counters are atomic.
 */
final class TestHttpResponder implements AutoCloseable {
    enum Behaviour { ANSWER, GARBAGE, RESET, SILENT }

    private record Request(int status, String requestId) {
    }

    Behaviour behaviour = Behaviour.ANSWER;
    boolean chunked;
    int bodySize = 10;
    int batch = 1;
    boolean reverse;
    int closeAfter;

    private final ServerSocket server;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong requestBodyBytes = new AtomicLong();

    TestHttpResponder() throws IOException {
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    TestHttpResponder start() {
        acceptor = Thread.ofVirtual().name("responder-accept").start(this::acceptLoop);
        return this;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    int accepted() {
        return accepted.get();
    }

    long requests() {
        return requests.get();
    }

    long requestBodyBytes() {
        return requestBodyBytes.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true); // answers to pipelined requests go out at once, not after a delayed ACK
                accepted.incrementAndGet();
                sockets.add(socket);
                threads.add(Thread.ofVirtual().name("responder-" + accepted).start(() -> serve(socket)));
            }
        } catch (IOException closed) {
            // close() closed the server socket: stop accepting
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int answered = 0;
            while (true) {
                List<Request> pending = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    Request r = readRequest(in);
                    if (r == null) {
                        return;
                    }
                    pending.add(r);
                }
                switch (behaviour) {
                    case GARBAGE -> out.write("this is not HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    case RESET -> socket.setSoLinger(true, 0);
                    case SILENT -> in.transferTo(OutputStream.nullOutputStream());
                    case ANSWER -> {
                    }
                }
                if (behaviour != Behaviour.ANSWER) {
                    return;
                }
                if (reverse) {
                    Collections.reverse(pending);
                }
                ByteArrayOutputStream responses = new ByteArrayOutputStream();
                for (Request r : pending) {
                    boolean last = ++answered == closeAfter;
                    responses.write(response(r, last));
                    if (last) {
                        out.write(responses.toByteArray());
                        socket.shutdownOutput();
                        in.transferTo(OutputStream.nullOutputStream()); // lingering close: no reset on unread requests
                        return;
                    }
                }
                out.write(responses.toByteArray());
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /** The next request, or {@code null} at the end of the stream. */
    private Request readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        int status = parts[1].startsWith("/status/") ? Integer.parseInt(parts[1].substring(8)) : 200;
        String requestId = null;
        int length = 0;
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equals("x-request-id")) {
                requestId = value;
            }
        }
        if (in.readNBytes(length).length != length) {
            return null;
        }
        requests.incrementAndGet();
        requestBodyBytes.addAndGet(length);
        return new Request(status, requestId);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            sb.append((char) b);
        }
        return sb.toString().strip();
    }

    private byte[] response(Request r, boolean close) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" Whatever\r\n");
        if (r.requestId() != null) {
            sb.append("X-Request-Id: ").append(r.requestId()).append("\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        String body = "b".repeat(bodySize);
        if (chunked) {
            // 7-byte chunks, the first with an extension, upper-case hex on the rest, and a trailer field
            sb.append("Transfer-Encoding: chunked\r\n\r\n");
            for (int at = 0; at < bodySize; at += 7) {
                String chunk = body.substring(at, Math.min(bodySize, at + 7));
                sb.append(Integer.toHexString(chunk.length()).toUpperCase(Locale.ROOT))
                        .append(at == 0 ? ";ext=1" : "").append("\r\n").append(chunk).append("\r\n");
            }
            sb.append("0\r\nTrailer-Field: x\r\n\r\n");
        } else {
            sb.append("Content-Length: ").append(bodySize).append("\r\n\r\n").append(body);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Stops accepting, closes every connection and waits for the threads. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join(); // no connection thread is added after this
        for (Socket s : sockets) {
            s.close();
        }
        synchronized (threads) {
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
