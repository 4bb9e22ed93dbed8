package org.iocp4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.IoSocket;

/**
 * The {@code load --protocol http} run: keep-alive HTTP/1.1 connections opened at a set connection rate,
 * each writing up to the pipeline depth of requests back to back and then reading their responses in order
 * ({@link HttpResponseReader}). Every request carries an {@code X-Request-Id} ({@code connection-sequence});
 * a response that carries one must carry its request's, so a server that answers out of order is caught.
 *
 * <p>A response with {@code Connection: close} (or framed by the close) ends the connection: the requests
 * pipelined after it are counted unanswered and the connection reconnects. A malformed response, a reset,
 * an early close or a timeout (the client engine's read timeout) is counted and ends the connection for the
 * rest of the run, as an I/O error does in the echo load.
 *
 * <p>{@code --rate} paces requests over all connections: a request goes out when its slot (one every
 * 1/rate s) comes; a connection adds to its batch the slots already due, up to the depth, so pipelining
 * mostly matters at rate 0. A run that falls behind does not burst to catch up.
 *
 * <p>Threads: as {@link LoadRun}; each connection's virtual thread alone uses its socket, request buffer and
 * reader; the counters and the pacing slot are shared atomics.
 */
final class HttpLoad {
    /** Deepest pipeline. */
    static final int MAX_PIPELINE = 1024;
    /** Requests of a batch are gathered into writes of about this many bytes. */
    private static final int WRITE_CHUNK = 64 << 10;
    /** Room for {@code X-Request-Id}'s value: two numbers and a dash. */
    private static final int MAX_ID_BYTES = 32;

    /**
     * What to run.
     *
     * @param target      the HTTP server
     * @param connections connections to open, 1..{@value LoadGenerator#MAX_CONNECTIONS}
     * @param connectRate connections opened per second, 0 for all at once
     * @param requestRate requests per second over all connections, 0 for as fast as possible
     * @param duration    how long the run lasts, from its start (connecting included)
     * @param method      GET or POST
     * @param path        the request target, an absolute path with visible ASCII only
     * @param bodySize    bytes of each POST body, 0..{@value LoadGenerator#MAX_MESSAGE_SIZE}; 0 for GET
     * @param pipeline    requests written back to back before reading their responses, 1..{@value #MAX_PIPELINE}
     */
    record Settings(InetSocketAddress target, int connections, int connectRate, int requestRate, Duration duration,
                    String method, String path, int bodySize, int pipeline) {
        /** Checks the bounds; the messages name the {@code load} options, as the command shows them. */
        Settings {
            if (target.isUnresolved()) {
                throw new IllegalArgumentException("option '--host': unresolved " + target);
            }
            if (connections < 1 || connections > LoadGenerator.MAX_CONNECTIONS) {
                throw new IllegalArgumentException("option '--connections' must be between 1 and "
                        + LoadGenerator.MAX_CONNECTIONS + ", got " + connections);
            }
            if (connectRate < 0 || requestRate < 0) {
                throw new IllegalArgumentException("options '--connect-rate' and '--rate' must be >= 0, got "
                        + connectRate + " and " + requestRate);
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(LoadGenerator.MAX_DURATION) > 0) {
                throw new IllegalArgumentException("option '--duration' must be in (0, "
                        + LoadGenerator.MAX_DURATION + "], got " + duration);
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new IllegalArgumentException("option '--method' must be GET or POST, got '" + method + "'");
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("option '--path' must start with '/', got '" + path + "'");
            }
            if (!path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("option '--path' may hold only visible ASCII characters"
                        + " (percent-encode the rest), got '" + path + "'");
            }
            if (bodySize < 0 || bodySize > LoadGenerator.MAX_MESSAGE_SIZE) {
                throw new IllegalArgumentException("option '--body-size' must be between 0 and "
                        + LoadGenerator.MAX_MESSAGE_SIZE + ", got " + bodySize);
            }
            if (bodySize > 0 && method.equals("GET")) {
                throw new IllegalArgumentException("option '--body-size' needs '--method POST': a GET request"
                        + " carries no body");
            }
            if (pipeline < 1 || pipeline > MAX_PIPELINE) {
                throw new IllegalArgumentException("option '--pipeline' must be between 1 and " + MAX_PIPELINE
                        + ", got " + pipeline);
            }
        }

        /** The request and its pacing, for the command's first line. */
        String describe() {
            return method + " " + path + (method.equals("POST") ? " with " + bodySize + "-byte bodies" : "")
                    + ", pipeline depth " + pipeline + ", "
                    + (requestRate == 0 ? "as fast as possible" : requestRate + " requests/s");
        }
    }

    /**
     * The result of a run. {@link #toJson()} writes the fields in the order declared here, the four status
     * classes grouped in {@code "status"} and the three error kinds in {@code "errors"}.
     *
     * @param target            the server, as host:port
     * @param method            the request method
     * @param path              the request target
     * @param bodySize          bytes of each request body
     * @param pipeline          the pipeline depth
     * @param connections       connections asked for
     * @param connected         connections established, reconnections included
     * @param connectFailures   connects that failed
     * @param reconnects        connections reopened after a response that closed the connection
     * @param requestRate       requests per second asked for, 0 for as fast as possible
     * @param seconds           the run's measured length
     * @param requests          requests written
     * @param responses         complete responses read (interim 1xx not counted)
     * @param unanswered        requests pipelined behind a response that closed the connection
     * @param status2xx         responses with a 2xx status
     * @param status3xx         3xx
     * @param status4xx         4xx
     * @param status5xx         5xx
     * @param malformed         responses that broke the protocol or carried another request's id
     * @param ioErrors          connections reset or closed within a response
     * @param timeouts          connections that received nothing for the read timeout while waiting
     * @param bodyBytes         response body bytes, after removing the chunked coding
     * @param bytesReceived     response bytes on the wire
     * @param requestsPerSecond {@code responses / seconds}
     * @param mbPerSecond       received megabytes (10^6 bytes, on the wire) per second
     * @param latency           request latency, from its write to its response's last byte
     * @param firstError        the first failure seen, or {@code null}
     */
    record Report(String target, String method, String path, int bodySize, int pipeline, int connections,
                  long connected, long connectFailures, long reconnects, int requestRate, double seconds,
                  long requests, long responses, long unanswered, long status2xx, long status3xx, long status4xx,
                  long status5xx, long malformed, long ioErrors, long timeouts, long bodyBytes, long bytesReceived,
                  double requestsPerSecond, double mbPerSecond, LoadRun.Latency latency, String firstError)
            implements LoadReport {

        /** Clean: something was answered, nothing failed, and no response was a 4xx or 5xx. */
        @Override
        public boolean clean() {
            return responses > 0 && connectFailures == 0 && malformed == 0 && ioErrors == 0 && timeouts == 0
                    && status4xx == 0 && status5xx == 0;
        }

        @Override
        public String toJson() {
            return String.format(Locale.ROOT, "{\"protocol\":\"http\",\"target\":%s,\"method\":%s,\"path\":%s,"
                            + "\"bodySize\":%d,\"pipeline\":%d,\"connections\":%d,\"connected\":%d,"
                            + "\"connectFailures\":%d,\"reconnects\":%d,\"requestRate\":%d,\"seconds\":%.3f,"
                            + "\"requests\":%d,\"responses\":%d,\"unanswered\":%d,\"status\":{\"2xx\":%d,"
                            + "\"3xx\":%d,\"4xx\":%d,\"5xx\":%d},\"errors\":{\"malformed\":%d,\"io\":%d,"
                            + "\"timeouts\":%d},\"bodyBytes\":%d,\"bytesReceived\":%d,\"requestsPerSecond\":%.1f,"
                            + "\"mbPerSecond\":%.3f,%s,\"firstError\":%s}",
                    LoadRun.jsonString(target), LoadRun.jsonString(method), LoadRun.jsonString(path), bodySize,
                    pipeline, connections, connected, connectFailures, reconnects, requestRate, seconds, requests,
                    responses, unanswered, status2xx, status3xx, status4xx, status5xx, malformed, ioErrors,
                    timeouts, bodyBytes, bytesReceived, requestsPerSecond, mbPerSecond, latency.json(),
                    LoadRun.jsonString(firstError));
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, """
                    summary: http %s %s on %s, %.2f s
                      connections  %d asked, %d connected, %d connect failures, %d reconnects after a close
                      requests     %d sent, %d answered, %d unanswered after a close (%.0f req/s, %.3f MB/s received)
                      status       2xx %d  3xx %d  4xx %d  5xx %d
                      errors       %d malformed, %d I/O, %d timeouts
                    %s%s""",
                    method, path, target, seconds, connections, connected, connectFailures, reconnects, requests,
                    responses, unanswered, requestsPerSecond, mbPerSecond, status2xx, status3xx, status4xx,
                    status5xx, malformed, ioErrors, timeouts, latency.summary(),
                    firstError == null ? "" : "\n  first error  " + firstError);
        }
    }

    private final IoEngine engine;
    private final Settings settings;
    private final LoadRun run;
    /** The request up to {@code X-Request-Id}'s value, and what follows the value up to the body. */
    private final byte[] head;
    private final byte[] tail;
    private final byte[] body;
    private final long slotNanos;
    /** When the next request slot comes (with a rate set). */
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    /** Responses per status class, 2xx..5xx at indexes 0..3. */
    private final LongAdder[] statuses = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder malformed = new LongAdder();
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder bodyBytes = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();

    private HttpLoad(IoEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        this.run = new LoadRun(settings.duration());
        String host = settings.target().getHostString();
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + settings.target().getPort();
        String length = settings.method().equals("POST") ? "Content-Length: " + settings.bodySize()
                + "\r\nContent-Type: application/octet-stream\r\n" : "";
        head = (settings.method() + " " + settings.path() + " HTTP/1.1\r\nHost: " + authority + "\r\n" + length
                + "X-Request-Id: ").getBytes(StandardCharsets.US_ASCII);
        tail = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        body = new byte[settings.bodySize()];
        Arrays.fill(body, (byte) 'x');
        slotNanos = settings.requestRate() > 0 ? 1_000_000_000L / settings.requestRate() : 0;
    }

    /**
     * Runs the load on {@code engine}'s client side (whose read timeout, if any, is what counts as a
     * timeout), printing a line per second to {@code live}; returns when every connection is closed.
     */
    static Report run(IoEngine engine, Settings settings, PrintStream live) throws InterruptedException {
        return new HttpLoad(engine, settings).run(live);
    }

    private Report run(PrintStream live) throws InterruptedException {
        LoadRun.Result result = run.run(settings.connections(), settings.connectRate(), this::drive, "reqs",
                () -> run.connectFailures() + malformed.sum() + ioErrors.sum() + timeouts.sum(), live);
        double seconds = result.seconds();
        long responses = run.completed();
        long received = bytesReceived.sum();
        return new Report(LoadGenerator.hostPort(settings.target()), settings.method(), settings.path(),
                settings.bodySize(), settings.pipeline(), settings.connections(), run.connected(),
                run.connectFailures(), reconnects.sum(), settings.requestRate(), seconds, requests.sum(), responses,
                unanswered.sum(), statuses[0].sum(), statuses[1].sum(), statuses[2].sum(), statuses[3].sum(),
                malformed.sum(), ioErrors.sum(), timeouts.sum(), bodyBytes.sum(), received, responses / seconds,
                received / seconds / 1e6, result.latency(), run.firstError());
    }

    /** One connection: batches of requests until the deadline, reconnecting after a close. */
    private void drive(int id) {
        IoSocket socket = run.connect(engine, settings.target());
        if (socket == null) {
            return;
        }
        byte[] out = new byte[Math.max(WRITE_CHUNK, head.length + MAX_ID_BYTES + tail.length + body.length)];
        long[] sentAt = new long[settings.pipeline()];
        long seq = 0;
        try {
            HttpResponseReader reader = new HttpResponseReader(socket::read);
            while (socket != null) {
                int batch = claimBatch();
                if (batch == 0) {
                    break;
                }
                write(socket, out, id, seq, batch, sentAt);
                for (int i = 0; i < batch; i++) {
                    reader.next();
                    String expected = id + "-" + (seq + i);
                    if (reader.requestId() != null && !reader.requestId().equals(expected)) {
                        throw new HttpResponseReader.MalformedResponseException("response to request " + expected
                                + " carries X-Request-Id " + reader.requestId() + ": answered out of order");
                    }
                    run.complete(sentAt[i]);
                    count(reader);
                    if (reader.closes()) {
                        unanswered.add(batch - 1 - i);
                        socket.close();
                        socket = run.over() ? null : run.connect(engine, settings.target());
                        if (socket != null) {
                            reconnects.increment();
                            reader = new HttpResponseReader(socket::read);
                        }
                        break;
                    }
                }
                seq += batch;
            }
        } catch (HttpResponseReader.MalformedResponseException e) {
            malformed.increment();
            run.error("connection " + id + ": malformed response: " + e.getMessage());
        } catch (IOException e) {
            (timedOut(e) ? timeouts : ioErrors).increment();
            run.error("connection " + id + ": " + e);
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    /**
     * Claims the requests of the next batch, waiting for the first one's slot when a rate is set.
     *
     * @return how many, 0 when the run is over
     */
    private int claimBatch() {
        if (slotNanos == 0) {
            return run.over() ? 0 : settings.pipeline();
        }
        LoadRun.sleepUntil(Math.min(claimSlot(Long.MAX_VALUE), run.deadline()));
        if (run.over()) {
            return 0;
        }
        int batch = 1;
        while (batch < settings.pipeline() && claimSlot(System.nanoTime()) >= 0) {
            batch++;
        }
        return batch;
    }

    /**
     * Takes the next request slot if it comes no later than {@code latest}; a slot already past is moved to
     * now, so a run that fell behind does not burst.
     *
     * @return the slot's time, or -1 if it comes after {@code latest}
     */
    private long claimSlot(long latest) {
        while (true) {
            long next = nextSlot.get();
            if (next > latest) {
                return -1;
            }
            long slot = Math.max(next, System.nanoTime());
            if (nextSlot.compareAndSet(next, slot + slotNanos)) {
                return slot;
            }
        }
    }

    /** Writes requests {@code seq .. seq+batch-1}, gathered into writes of about {@link #WRITE_CHUNK} bytes. */
    private void write(IoSocket socket, byte[] out, int id, long seq, int batch, long[] sentAt) throws IOException {
        int length = 0;
        int firstUnsent = 0;
        for (int i = 0; i < batch; i++) {
            byte[] requestId = (id + "-" + (seq + i)).getBytes(StandardCharsets.US_ASCII);
            int size = head.length + requestId.length + tail.length + body.length;
            if (length + size > out.length) {
                flush(socket, out, length, sentAt, firstUnsent, i);
                firstUnsent = i;
                length = 0;
            }
            for (byte[] part : new byte[][] {head, requestId, tail, body}) {
                System.arraycopy(part, 0, out, length, part.length);
                length += part.length;
            }
        }
        flush(socket, out, length, sentAt, firstUnsent, batch);
    }

    private void flush(IoSocket socket, byte[] out, int length, long[] sentAt, int from, int to) throws IOException {
        Arrays.fill(sentAt, from, to, System.nanoTime());
        socket.write(out, 0, length);
        requests.add(to - from);
    }

    private void count(HttpResponseReader reader) {
        statuses[reader.status() / 100 - 2].increment();
        bodyBytes.add(reader.bodyBytes());
        bytesReceived.add(reader.wireBytes());
    }

    /** Whether {@code e} is (or was caused by) a timeout; the engine reports its read timeout as the cause. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HTTP part of the {@code load} command line, with the options every protocol shares already read.
     *
     * @throws UsageException a bad method, path, body size or pipeline depth
     */
    static Settings settings(Options options, InetSocketAddress target, int connections, int connectRate,
                             int rate, Duration duration) throws UsageException {
        int bodySize = options.integer("body-size", 0, LoadGenerator.MAX_MESSAGE_SIZE);
        int pipeline = options.integer("pipeline", 1, MAX_PIPELINE);
        try {
            return new Settings(target, connections, connectRate, rate, duration,
                    options.string("method").toUpperCase(Locale.ROOT), options.string("path"), bodySize, pipeline);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The client engine's read timeout from {@code --timeout}. A connection also waits that way between
     * requests when a rate paces them, so the timeout must leave room for that wait.
     *
     * @throws UsageException malformed, out of range, or too short for the pacing
     */
    static Duration timeout(Options options, Settings settings) throws UsageException {
        Duration timeout = options.duration("timeout", Duration.ofMillis(100), LoadGenerator.MAX_DURATION);
        if (settings.requestRate() > 0) {
            double waitSeconds = (double) settings.connections() / settings.requestRate();
            if (timeout.toNanos() < 2 * waitSeconds * 1e9) {
                throw new UsageException(String.format(Locale.ROOT, "option '--timeout' (%s) must be at least"
                        + " twice the %.3f s a connection waits between requests at --rate %d over %d connections;"
                        + " raise --timeout or --rate, or lower --connections", options.string("timeout"),
                        waitSeconds, settings.requestRate(), settings.connections()));
            }
        }
        return timeout;
    }
}
