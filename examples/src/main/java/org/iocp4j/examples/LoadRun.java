package org.iocp4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.IoSocket;

/**
 * What the echo and the HTTP load share: the run's clock, connections launched at the connection rate (one
 * virtual thread each), the latency recorder, the connect and completion counters, the first error, the
 * line printed every second and the drain at the end.
 *
 * <p>Threads: {@link #run} is called by one thread, which prints the live lines; a launcher virtual thread
 * starts the connections' virtual threads; those record into the {@link Recorder} and the adders, which
 * are safe to update from any thread while the printing thread reads interval snapshots.
 */
final class LoadRun {
    private static final long SECOND = 1_000_000_000L;

    /**
     * Round-trip latency of a whole run, microseconds.
     *
     * @param p50  50th percentile
     * @param p90  90th percentile
     * @param p99  99th percentile
     * @param p999 99.9th percentile
     * @param max  maximum
     * @param mean mean
     */
    record Latency(long p50, long p90, long p99, long p999, long max, double mean) {
        static Latency of(Histogram h) {
            return new Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), h.getMaxValue(), h.getMean());
        }

        /** The {@code "latencyMicros":{...}} member of a report's JSON. */
        String json() {
            return String.format(Locale.ROOT, "\"latencyMicros\":{\"p50\":%d,\"p90\":%d,\"p99\":%d,\"p999\":%d,"
                    + "\"max\":%d,\"mean\":%.1f}", p50, p90, p99, p999, max, mean);
        }

        /** The latency line of a report's summary. */
        String summary() {
            return String.format(Locale.ROOT, "  latency us   p50 %d  p90 %d  p99 %d  p99.9 %d  max %d  mean %.1f",
                    p50, p90, p99, p999, max, mean);
        }
    }

    /**
     * How a run went, as far as the shared parts know.
     *
     * @param seconds the run's measured length, drain included
     * @param latency the latency of every recorded completion
     */
    record Result(double seconds, Latency latency) {
    }

    private final Recorder recorder = new Recorder(3);
    private final LongAdder connected = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final long start;
    private final long deadline;

    /** Starts the clock: the run ends {@code duration} from now. */
    LoadRun(Duration duration) {
        start = System.nanoTime();
        deadline = start + duration.toNanos();
    }

    /** Whether the run's time is up: connections send nothing new after it. */
    boolean over() {
        return System.nanoTime() >= deadline;
    }

    /** When the run's time is up, in {@link System#nanoTime()} terms. */
    long deadline() {
        return deadline;
    }

    /**
     * Connects to {@code target}, counting the connection or the failure (whose message becomes the first
     * error if it is).
     *
     * @return the socket, or {@code null} if the connect failed
     */
    IoSocket connect(IoEngine engine, InetSocketAddress target) {
        try {
            IoSocket socket = IoSocket.connect(engine, target);
            connected.increment();
            return socket;
        } catch (IOException e) {
            connectFailures.increment();
            error("connect: " + e.getMessage());
            return null;
        }
    }

    /** Records one completion (round trip, response) whose request went out at {@code sentNanos}. */
    void complete(long sentNanos) {
        recorder.recordValue(Math.max(1, (System.nanoTime() - sentNanos) / 1_000));
        completed.increment();
    }

    /** Keeps {@code message} if it is the run's first error. */
    void error(String message) {
        firstError.compareAndSet(null, message);
    }

    String firstError() {
        return firstError.get();
    }

    long connected() {
        return connected.sum();
    }

    long connectFailures() {
        return connectFailures.sum();
    }

    long completed() {
        return completed.sum();
    }

    /**
     * Runs {@code connections} calls of {@code connection} (given the connection's index), started at
     * {@code connectRate} per second (0: all at once) until the deadline, printing a line per second to
     * {@code live}; returns once they all ended, or the drain time after the deadline has passed.
     *
     * @param noun   what a completion is called on the live line ("msgs", "reqs")
     * @param errors the run's error count so far, connect failures included
     */
    Result run(int connections, int connectRate, IntConsumer connection, String noun, LongSupplier errors,
               PrintStream live) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        Thread launcher = Thread.ofVirtual().name("load-launcher")
                .start(() -> launch(connections, connectRate, connection, threads));
        Histogram total = new Histogram(3);
        Histogram interval = null;
        long last = 0;
        for (long tick = start + SECOND; tick <= deadline; tick += SECOND) {
            sleepUntil(tick);
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            long n = completed.sum();
            live.printf(Locale.ROOT, "%4ds  connected %d  %s %d (%d/s)  p50 %dus  p99 %dus  errors %d%n",
                    (tick - start) / SECOND, connected.sum(), noun, n, n - last, interval.getValueAtPercentile(50),
                    interval.getValueAtPercentile(99), errors.getAsLong());
            last = n;
        }
        sleepUntil(deadline);
        launcher.join();
        long drainEnd = System.nanoTime() + LoadGenerator.DRAIN.toNanos();
        synchronized (threads) {
            for (Thread t : threads) {
                t.join(Duration.ofNanos(Math.max(1, drainEnd - System.nanoTime())));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        total.add(recorder.getIntervalHistogram());
        return new Result(seconds, Latency.of(total));
    }

    private void launch(int connections, int connectRate, IntConsumer connection, List<Thread> threads) {
        for (int i = 0; i < connections; i++) {
            if (connectRate > 0) {
                sleepUntil(start + i * SECOND / connectRate);
            }
            if (over()) {
                return;
            }
            int id = i;
            synchronized (threads) {
                threads.add(Thread.ofVirtual().name("load-" + id).start(() -> connection.accept(id)));
            }
        }
    }

    static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** {@code s} as a JSON string, or {@code null} as JSON null. */
    static String jsonString(String s) {
        if (s == null) {
            return "null";
        }
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
