package org.iocp4j.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A manually advanced nanosecond clock for deterministic timer tests. It starts at a negative,
 * unaligned value, as {@code System.nanoTime()} may, so that the wheel's arithmetic relative to its
 * origin is exercised; tests speak in offsets from that start. Atomic so that threads scheduling
 * with a delay read what the owner set.
 */
final class TimerFakeClock implements LongSupplier {

    /** One millisecond in nanoseconds. */
    static final long MS = 1_000_000L;
    /** The clock value at offset 0. */
    static final long START = -1_234_567_891L;

    private final AtomicLong now = new AtomicLong(START);

    @Override
    public long getAsLong() {
        return now.get();
    }

    /** Sets the clock to {@code START + offsetNanos} and returns that value. */
    long at(long offsetNanos) {
        long value = START + offsetNanos;
        now.set(value);
        return value;
    }

    /** Moves the clock forward by {@code nanos} and returns the new value. */
    long advance(long nanos) {
        return now.addAndGet(nanos);
    }

    /** The current offset from {@code START}. */
    long offset() {
        return now.get() - START;
    }

    /** A wheel owned by the calling thread on this clock, with a no-op wakeup. */
    TimerWheel wheel(long tickNanos, int wheelSize, long maxWaitNanos, TimerExceptionHandler handler) {
        return new TimerWheel(Thread.currentThread(), this, tickNanos, wheelSize, maxWaitNanos, handler, () -> { });
    }
}
