package org.iocp4j.examples;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.IoSocket;

/**
 * The {@code load} subcommand and its echo load: it opens connections at a set connection rate, each sending
 * fixed-size messages (at a set rate, or as fast as the round trips allow), checks that every echoed byte
 * equals what was sent, and records round-trip latency in an HdrHistogram. {@code --protocol http} runs
 * {@link HttpLoad} instead; the clock, connection launching, latency and live line are {@link LoadRun}'s.
 *
 * <p>Each connection is an {@link IoSocket} driven by its own virtual thread: one message in flight per
 * connection (send, read the full echo, compare), so the per-connection code is a plain loop, verification
 * needs no reassembly state, and a parked virtual thread costs no carrier while the engine's workers do the
 * I/O. The engine's callback API would save the copy into a {@code byte[]}, but a load generator's job is
 * to be obviously right, not to be the fastest thing in the run.
 *
 * <p>Latency is measured from the moment a message is written to the moment its last echoed byte is read;
 * with a message rate set, a round trip that overruns its slot delays the next send (no catch-up burst).
 */
public final class LoadGenerator {
    /** Most connections one run may open. */
    public static final int MAX_CONNECTIONS = 10_000;
    /** Largest message. */
    public static final int MAX_MESSAGE_SIZE = 1 << 20;
    /** Longest run. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);
    /** How long, after the run's end, connections get to finish their round trip in flight. */
    static final Duration DRAIN = Duration.ofSeconds(5);

    /**
     * What to run.
     *
     * @param target       the echo server
     * @param connections  connections to open, 1..{@value #MAX_CONNECTIONS}
     * @param connectRate  connections opened per second, 0 for all at once
     * @param messageSize  bytes per message, 1..{@value #MAX_MESSAGE_SIZE}
     * @param messageRate  messages per second per connection, 0 for as fast as possible
     * @param duration     how long the run lasts, from its start (connecting included)
     */
    public record Settings(InetSocketAddress target, int connections, int connectRate, int messageSize,
                           int messageRate, Duration duration) {
        /** Checks the bounds. */
        public Settings {
            if (target.isUnresolved()) {
                throw new IllegalArgumentException("unresolved target " + target);
            }
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("connections must be 1.." + MAX_CONNECTIONS + ": " + connections);
            }
            if (connectRate < 0 || messageRate < 0) {
                throw new IllegalArgumentException("rates must be >= 0: " + connectRate + ", " + messageRate);
            }
            if (messageSize < 1 || messageSize > MAX_MESSAGE_SIZE) {
                throw new IllegalArgumentException("messageSize must be 1.." + MAX_MESSAGE_SIZE + ": " + messageSize);
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be in (0, " + MAX_DURATION + "]: " + duration);
            }
        }
    }

    /**
     * The result of a run. {@link #toJson()} writes the fields in the order declared here.
     *
     * @param target            the server, as host:port
     * @param connections       connections asked for
     * @param connected         connections established
     * @param connectFailures   connects that failed
     * @param ioErrors          connections that failed after connecting (reset, early end of stream)
     * @param messageSize       bytes per message
     * @param messageRate       messages per second per connection asked for, 0 for as fast as possible
     * @param seconds           the run's measured length
     * @param messages          round trips completed
     * @param bytesVerified     echoed bytes equal to what was sent
     * @param verifyErrors      round trips whose echo differed from what was sent
     * @param messagesPerSecond {@code messages / seconds}
     * @param mbPerSecond       echoed megabytes (10^6 bytes) per second, one direction
     * @param p50Micros         round-trip latency percentiles and extremes, microseconds
     * @param p90Micros         90th percentile
     * @param p99Micros         99th percentile
     * @param p999Micros        99.9th percentile
     * @param maxMicros         maximum
     * @param meanMicros        mean
     * @param firstError        the first failure seen, or {@code null}
     */
    public record Report(String target, int connections, long connected, long connectFailures, long ioErrors,
                         int messageSize, int messageRate, double seconds, long messages, long bytesVerified,
                         long verifyErrors, double messagesPerSecond, double mbPerSecond, long p50Micros,
                         long p90Micros, long p99Micros, long p999Micros, long maxMicros, double meanMicros,
                         String firstError) implements LoadReport {

        /** Whether the run was clean: something was measured and nothing failed. */
        @Override
        public boolean clean() {
            return messages > 0 && connectFailures == 0 && ioErrors == 0 && verifyErrors == 0;
        }

        private LoadRun.Latency latency() {
            return new LoadRun.Latency(p50Micros, p90Micros, p99Micros, p999Micros, maxMicros, meanMicros);
        }

        /** The report as one JSON object, fields in declaration order. */
        @Override
        public String toJson() {
            return String.format(Locale.ROOT, "{\"target\":%s,\"connections\":%d,\"connected\":%d,"
                            + "\"connectFailures\":%d,\"ioErrors\":%d,\"messageSize\":%d,\"messageRate\":%d,"
                            + "\"seconds\":%.3f,\"messages\":%d,\"bytesVerified\":%d,\"verifyErrors\":%d,"
                            + "\"messagesPerSecond\":%.1f,\"mbPerSecond\":%.3f,%s,\"firstError\":%s}",
                    LoadRun.jsonString(target), connections, connected, connectFailures, ioErrors, messageSize,
                    messageRate, seconds, messages, bytesVerified, verifyErrors, messagesPerSecond, mbPerSecond,
                    latency().json(), LoadRun.jsonString(firstError));
        }

        /** The human-readable summary. */
        @Override
        public String summary() {
            return String.format(Locale.ROOT, """
                    summary: %s, %.2f s
                      connections  %d asked, %d connected, %d connect failures, %d I/O errors
                      messages     %d of %d bytes (%.0f msg/s, %.3f MB/s echoed)
                      verified     %d bytes, %d verification errors
                    %s%s""",
                    target, seconds, connections, connected, connectFailures, ioErrors, messages, messageSize,
                    messagesPerSecond, mbPerSecond, bytesVerified, verifyErrors, latency().summary(),
                    firstError == null ? "" : "\n  first error  " + firstError);
        }
    }

    private final IoEngine engine;
    private final Settings settings;
    private final LoadRun run;
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder bytesVerified = new LongAdder();
    private final LongAdder verifyErrors = new LongAdder();

    private LoadGenerator(IoEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        this.run = new LoadRun(settings.duration());
    }

    /**
     * Runs the load on {@code engine}'s client side, printing a line per second to {@code live}, and
     * returns when every connection is closed (the engine stays the caller's).
     */
    public static Report run(IoEngine engine, Settings settings, PrintStream live) throws InterruptedException {
        return new LoadGenerator(engine, settings).run(live);
    }

    private Report run(PrintStream live) throws InterruptedException {
        LoadRun.Result result = run.run(settings.connections(), settings.connectRate(), this::drive, "msgs",
                () -> run.connectFailures() + ioErrors.sum() + verifyErrors.sum(), live);
        double seconds = result.seconds();
        LoadRun.Latency latency = result.latency();
        long n = run.completed();
        long verified = bytesVerified.sum();
        return new Report(hostPort(settings.target()), settings.connections(), run.connected(),
                run.connectFailures(), ioErrors.sum(), settings.messageSize(), settings.messageRate(), seconds, n,
                verified, verifyErrors.sum(), n / seconds, verified / seconds / 1e6, latency.p50(), latency.p90(),
                latency.p99(), latency.p999(), latency.max(), latency.mean(), run.firstError());
    }

    /** {@code host:port}, as the reports name the server. */
    static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /** One connection: round trips until the deadline. */
    private void drive(int id) {
        IoSocket socket = run.connect(engine, settings.target());
        if (socket == null) {
            return;
        }
        int size = settings.messageSize();
        byte[] sent = new byte[size];
        byte[] echoed = new byte[size];
        long slot = settings.messageRate() > 0 ? 1_000_000_000L / settings.messageRate() : 0;
        long next = System.nanoTime();
        try (socket) {
            for (long seq = 0; !run.over(); seq++) {
                if (slot > 0) {
                    LoadRun.sleepUntil(Math.min(next, run.deadline()));
                    if (run.over()) {
                        break;
                    }
                    next = Math.max(next + slot, System.nanoTime());
                }
                fill(sent, id, seq);
                long t0 = System.nanoTime();
                socket.write(sent, 0, size);
                for (int got = 0; got < size; ) {
                    int n = socket.read(echoed, got, size - got);
                    if (n < 0) {
                        throw new EOFException("server closed the connection after " + got + " of " + size
                                + " echoed bytes");
                    }
                    got += n;
                }
                run.complete(t0);
                if (Arrays.equals(sent, echoed)) {
                    bytesVerified.add(size);
                } else {
                    verifyErrors.increment();
                    run.error("connection " + id + " message " + seq + ": echo differs from what was sent");
                }
            }
        } catch (IOException e) {
            ioErrors.increment();
            run.error("connection " + id + ": " + e);
        }
    }

    /** A payload distinct per connection and message, so a misrouted or stale echo does not verify. */
    static void fill(byte[] payload, int id, long seq) {
        long x = (seq + 1) * 0x9E3779B97F4A7C15L ^ id;
        for (int i = 0; i < payload.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            payload[i] = (byte) x;
        }
    }

    /** Options of {@code load} that only the HTTP load reads. */
    private static final List<String> HTTP_OPTIONS = List.of("path", "method", "body-size", "pipeline", "timeout");
    /** Options of {@code load} that only the echo load reads. */
    private static final List<String> ECHO_OPTIONS = List.of("message-size");

    /** The options of {@code load}. */
    static Options options() {
        return new Options("load", "Load generator for the echo server (--protocol echo) or an HTTP/1.1 server"
                + " (--protocol http):\nopens connections at a set rate, sends messages or requests, checks"
                + " the answers and reports\nthroughput and round-trip latency.")
                .option("protocol", "echo|http", "echo", "what the server speaks")
                .option("host", "ADDRESS", "127.0.0.1", "server address")
                .option("port", "PORT", null, "server port (default " + EchoServer.DEFAULT_PORT + " for echo, "
                        + HttpCommand.DEFAULT_PORT + " for http, as those servers use)")
                .option("connections", "N", "10", "connections to open, at most " + MAX_CONNECTIONS)
                .option("connect-rate", "PER_SECOND", "1000", "connections opened per second, 0 = all at once")
                .option("rate", "PER_SECOND", "0", "messages/s per connection (echo), requests/s over all"
                        + " connections (http); 0 = as fast as possible")
                .option("message-size", "BYTES", "64", "echo: bytes per message, at most " + MAX_MESSAGE_SIZE)
                .option("path", "PATH", "/", "http: request target, starting with '/'")
                .option("method", "GET|POST", "GET", "http: request method")
                .option("body-size", "BYTES", "0", "http: bytes of each POST body, at most " + MAX_MESSAGE_SIZE)
                .option("pipeline", "DEPTH", "1", "http: requests written back to back before reading the"
                        + " responses, at most " + HttpLoad.MAX_PIPELINE)
                .option("timeout", "TIME", "10s", "http: nothing received for TIME while waiting is a timeout")
                .option("duration", "TIME", "10s", "length of the run (500ms, 10s, 2m), at most 1h")
                .option("workers", "N", "2", "engine worker threads of the client")
                .option("json", "FILE", null, "also write the summary as JSON to FILE ('-' for stdout)");
    }

    /** One protocol's load, run on the client engine the command built. */
    private interface Job {
        LoadReport run(IoEngine engine) throws InterruptedException;
    }

    /**
     * Runs {@code load} as the command line asked.
     *
     * @return 0 for a clean run, 1 if anything failed or nothing was measured
     */
    static int run(Options options, PrintStream out) throws UsageException, IOException, InterruptedException {
        String protocol = options.string("protocol");
        List<String> foreign = switch (protocol) {
            case "echo" -> HTTP_OPTIONS;
            case "http" -> ECHO_OPTIONS;
            default -> throw new UsageException("option '--protocol' must be echo or http, got '" + protocol + "'");
        };
        for (String name : foreign) {
            if (options.isSet(name)) {
                throw new UsageException("option '--" + name + "' does not apply to --protocol " + protocol);
            }
        }
        String host = options.string("host");
        int port = options.isSet("port") ? options.integer("port", 1, 65535)
                : protocol.equals("echo") ? EchoServer.DEFAULT_PORT : HttpCommand.DEFAULT_PORT;
        InetSocketAddress target = new InetSocketAddress(host, port);
        if (target.isUnresolved()) {
            throw new UsageException("option '--host': cannot resolve '" + host + "'");
        }
        int connections = options.integer("connections", 1, MAX_CONNECTIONS);
        int connectRate = options.integer("connect-rate", 0, 1_000_000);
        int rate = options.integer("rate", 0, 1_000_000);
        Duration duration = options.duration("duration", Duration.ofMillis(100), MAX_DURATION);
        IoEngine.Builder engineBuilder = IoEngine.builder().workers(options.integer("workers", 1, 256));
        String json = options.string("json");
        Job job;
        if (protocol.equals("echo")) {
            Settings settings = new Settings(target, connections, connectRate,
                    options.integer("message-size", 1, MAX_MESSAGE_SIZE), rate, duration);
            out.println("load: " + connections + " connections to " + target + ", " + settings.messageSize()
                    + "-byte messages, " + (rate == 0 ? "as fast as possible" : rate + "/s per connection")
                    + ", for " + duration.toMillis() + " ms");
            job = engine -> run(engine, settings, out);
        } else {
            HttpLoad.Settings settings = HttpLoad.settings(options, target, connections, connectRate, rate,
                    duration);
            engineBuilder.readTimeout(HttpLoad.timeout(options, settings));
            out.println("load: " + connections + " connections to " + target + ", " + settings.describe()
                    + ", for " + duration.toMillis() + " ms");
            job = engine -> HttpLoad.run(engine, settings, out);
        }
        LoadReport report;
        IoEngine engine = engineBuilder.build();
        try {
            report = job.run(engine);
        } finally {
            engine.shutdown(DRAIN);
        }
        out.println(report.summary());
        if ("-".equals(json)) {
            out.println(report.toJson());
        } else if (json != null) {
            Files.writeString(Path.of(json), report.toJson() + "\n", StandardCharsets.UTF_8);
        }
        return report.clean() ? 0 : 1;
    }
}
