package org.iocp4j.examples;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.IoSocket;

/**
 * The {@code load} subcommand: an echo load generator. It opens connections at a set connection rate,
 * each sending fixed-size messages (at a set rate, or as fast as the round trips allow), checks that every
 * echoed byte equals what was sent, and records round-trip latency in an HdrHistogram.
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
                         String firstError) {

        /** Whether the run was clean: something was measured and nothing failed. */
        public boolean clean() {
            return messages > 0 && connectFailures == 0 && ioErrors == 0 && verifyErrors == 0;
        }

        /** The report as one JSON object, fields in declaration order. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"target\":%s,\"connections\":%d,\"connected\":%d,"
                            + "\"connectFailures\":%d,\"ioErrors\":%d,\"messageSize\":%d,\"messageRate\":%d,"
                            + "\"seconds\":%.3f,\"messages\":%d,\"bytesVerified\":%d,\"verifyErrors\":%d,"
                            + "\"messagesPerSecond\":%.1f,\"mbPerSecond\":%.3f,\"latencyMicros\":{\"p50\":%d,"
                            + "\"p90\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d,\"mean\":%.1f},\"firstError\":%s}",
                    quote(target), connections, connected, connectFailures, ioErrors, messageSize, messageRate,
                    seconds, messages, bytesVerified, verifyErrors, messagesPerSecond, mbPerSecond, p50Micros,
                    p90Micros, p99Micros, p999Micros, maxMicros, meanMicros,
                    firstError == null ? "null" : quote(firstError));
        }

        /** The human-readable summary. */
        public String summary() {
            return String.format(Locale.ROOT, """
                    summary: %s, %.2f s
                      connections  %d asked, %d connected, %d connect failures, %d I/O errors
                      messages     %d of %d bytes (%.0f msg/s, %.3f MB/s echoed)
                      verified     %d bytes, %d verification errors
                      latency us   p50 %d  p90 %d  p99 %d  p99.9 %d  max %d  mean %.1f%s""",
                    target, seconds, connections, connected, connectFailures, ioErrors, messages, messageSize,
                    messagesPerSecond, mbPerSecond, bytesVerified, verifyErrors, p50Micros, p90Micros, p99Micros,
                    p999Micros, maxMicros, meanMicros, firstError == null ? "" : "\n  first error  " + firstError);
        }

        private static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }

    private final IoEngine engine;
    private final Settings settings;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder connected = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytesVerified = new LongAdder();
    private final LongAdder verifyErrors = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private long deadline;

    private LoadGenerator(IoEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /**
     * Runs the load on {@code engine}'s client side, printing a line per second to {@code live}, and
     * returns when every connection is closed (the engine stays the caller's).
     */
    public static Report run(IoEngine engine, Settings settings, PrintStream live) throws InterruptedException {
        return new LoadGenerator(engine, settings).run(live);
    }

    private Report run(PrintStream live) throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        Thread launcher = Thread.ofVirtual().name("load-launcher").start(() -> launch(start, threads));
        Histogram total = new Histogram(3);
        Histogram interval = null;
        long lastMessages = 0;
        for (long tick = start + 1_000_000_000L; tick <= deadline; tick += 1_000_000_000L) {
            sleepUntil(tick);
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            long m = messages.sum();
            live.printf(Locale.ROOT, "%4ds  connected %d  msgs %d (%d/s)  p50 %dus  p99 %dus  errors %d%n",
                    (tick - start) / 1_000_000_000L, connected.sum(), m, m - lastMessages,
                    interval.getValueAtPercentile(50), interval.getValueAtPercentile(99),
                    connectFailures.sum() + ioErrors.sum() + verifyErrors.sum());
            lastMessages = m;
        }
        sleepUntil(deadline);
        launcher.join();
        long drainEnd = System.nanoTime() + DRAIN.toNanos();
        synchronized (threads) {
            for (Thread t : threads) {
                t.join(Duration.ofNanos(Math.max(1, drainEnd - System.nanoTime())));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        total.add(recorder.getIntervalHistogram());
        long n = messages.sum();
        long verified = bytesVerified.sum();
        return new Report(settings.target().getHostString() + ":" + settings.target().getPort(),
                settings.connections(), connected.sum(), connectFailures.sum(), ioErrors.sum(),
                settings.messageSize(), settings.messageRate(), seconds, n, verified, verifyErrors.sum(),
                n / seconds, verified / seconds / 1e6, total.getValueAtPercentile(50),
                total.getValueAtPercentile(90), total.getValueAtPercentile(99), total.getValueAtPercentile(99.9),
                total.getMaxValue(), total.getMean(), firstError.get());
    }

    /** Starts one virtual thread per connection, spaced by the connection rate, until the deadline. */
    private void launch(long start, List<Thread> threads) {
        for (int i = 0; i < settings.connections(); i++) {
            if (settings.connectRate() > 0) {
                sleepUntil(start + i * 1_000_000_000L / settings.connectRate());
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            int id = i;
            synchronized (threads) {
                threads.add(Thread.ofVirtual().name("load-" + id).start(() -> drive(id)));
            }
        }
    }

    /** One connection: round trips until the deadline. */
    private void drive(int id) {
        IoSocket socket;
        try {
            socket = IoSocket.connect(engine, settings.target());
        } catch (IOException e) {
            connectFailures.increment();
            firstError.compareAndSet(null, "connect: " + e.getMessage());
            return;
        }
        connected.increment();
        int size = settings.messageSize();
        byte[] sent = new byte[size];
        byte[] echoed = new byte[size];
        long slot = settings.messageRate() > 0 ? 1_000_000_000L / settings.messageRate() : 0;
        long next = System.nanoTime();
        try (socket) {
            for (long seq = 0; System.nanoTime() < deadline; seq++) {
                if (slot > 0) {
                    sleepUntil(Math.min(next, deadline));
                    if (System.nanoTime() >= deadline) {
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
                recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
                messages.increment();
                if (Arrays.equals(sent, echoed)) {
                    bytesVerified.add(size);
                } else {
                    verifyErrors.increment();
                    firstError.compareAndSet(null, "connection " + id + " message " + seq
                            + ": echo differs from what was sent");
                }
            }
        } catch (IOException e) {
            ioErrors.increment();
            firstError.compareAndSet(null, "connection " + id + ": " + e);
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

    private static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The options of {@code load}. */
    static Options options() {
        return new Options("load", "Echo load generator: opens connections at a set rate, sends fixed-size"
                + " messages,\nverifies every echoed byte and reports throughput and round-trip latency.")
                .option("host", "ADDRESS", "127.0.0.1", "echo server address")
                .option("port", "PORT", String.valueOf(EchoServer.DEFAULT_PORT), "echo server port")
                .option("connections", "N", "10", "connections to open, at most " + MAX_CONNECTIONS)
                .option("connect-rate", "PER_SECOND", "1000", "connections opened per second, 0 = all at once")
                .option("message-size", "BYTES", "64", "bytes per message, at most " + MAX_MESSAGE_SIZE)
                .option("rate", "PER_SECOND", "0", "messages per second per connection, 0 = as fast as possible")
                .option("duration", "TIME", "10s", "length of the run (500ms, 10s, 2m), at most 1h")
                .option("workers", "N", "2", "engine worker threads of the client")
                .option("json", "FILE", null, "also write the summary as JSON to FILE ('-' for stdout)");
    }

    /**
     * Runs {@code load} as the command line asked.
     *
     * @return 0 for a clean run, 1 if anything failed or nothing was measured
     */
    static int run(Options options, PrintStream out) throws UsageException, IOException, InterruptedException {
        String host = options.string("host");
        InetSocketAddress target = new InetSocketAddress(host, options.integer("port", 1, 65535));
        if (target.isUnresolved()) {
            throw new UsageException("option '--host': cannot resolve '" + host + "'");
        }
        Settings settings = new Settings(target, options.integer("connections", 1, MAX_CONNECTIONS),
                options.integer("connect-rate", 0, 1_000_000), options.integer("message-size", 1, MAX_MESSAGE_SIZE),
                options.integer("rate", 0, 1_000_000),
                options.duration("duration", Duration.ofMillis(100), MAX_DURATION));
        int workers = options.integer("workers", 1, 256);
        String json = options.string("json");
        out.println("load: " + settings.connections() + " connections to " + target + ", " + settings.messageSize()
                + "-byte messages, " + (settings.messageRate() == 0 ? "as fast as possible"
                : settings.messageRate() + "/s per connection") + ", for " + settings.duration().toMillis() + " ms");
        Report report;
        IoEngine engine = IoEngine.builder().workers(workers).build();
        try {
            report = run(engine, settings, out);
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
