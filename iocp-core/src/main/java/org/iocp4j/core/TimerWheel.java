package org.iocp4j.core;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A hashed timer wheel for one worker thread's idle, read and write timeouts, driven by the worker's
 * own loop rather than by a thread of its own: the worker asks {@link #nanosUntilNextExpiry(long)}
 * for its dequeue timeout ({@code GetQueuedCompletionStatusEx} / {@code io_uring_enter}), and calls
 * {@link #expire(long)} after every dequeue.
 *
 * <h2>Shape</h2>
 * Time is cut into ticks of {@code tickNanos} counted from the clock value at construction. A timer
 * is due at tick {@code ceil((deadline - origin) / tickNanos)}, the first tick boundary at or after
 * its deadline, so it never fires before its deadline and at most one tick (plus the loop's own
 * latency) after it. It is filed in bucket {@code tick & (wheelSize - 1)}, an intrusive doubly linked
 * list, so scheduling and cancelling are O(1). A timer further away than one revolution shares its
 * bucket with nearer ones and is recognised by its absolute due tick, which plays the role of
 * Netty's remaining-rounds count without having to be decremented on every pass.
 *
 * <p>A bucket is visited at tick {@code t} only if the lowest tick filed in it is {@code t} (see
 * {@link Bucket#lowestFiledTick}); the visit walks the whole bucket, so a timer of a later
 * revolution costs one comparison whenever a timer in the same slot comes due, and nothing
 * otherwise. One level rather than a hierarchy: that cost is small when the wheel's revolution is
 * of the order of the common timeouts (512 ticks of 10 ms = 5.12 s by default; the engine may size
 * it larger), while a hierarchy would cascade every long timer down its levels and would make the
 * hot path below (re-arming) depend on which level the timer sits in.
 *
 * <h2>Hot path: re-arming an idle timeout</h2>
 * Every read completion pushes its connection's idle deadline back. {@link #reschedule} reuses the
 * handle and, when the new deadline is not earlier than the tick the handle is filed under, only
 * writes two fields: the handle stays where it is and is moved once, when the wheel reaches that
 * bucket and sees that it is not due yet. So the steady state allocates nothing and touches no
 * list; a deadline moved earlier is relinked at once, in O(1). The price is that
 * {@link #nanosUntilNextExpiry} may wake the worker once at the old tick.
 *
 * <h2>Threads</h2>
 * The owner thread (the worker) is the only one that links, unlinks, fires, re-arms or advances,
 * with plain field accesses and no lock; its only atomic operations are one CAS per fired timer
 * (the claim that decides fire against cancel), an empty-queue check of the inbox, and a volatile
 * read of the wakeup flag per drain. Other threads may {@link #schedule schedule} and
 * {@link TimerHandle#cancel() cancel}:
 * <ul>
 *   <li>a foreign schedule builds the handle and offers it to the inbox, a lock-free
 *       {@link ConcurrentLinkedQueue} (multi-producer, here single-consumer); the owner files it the
 *       next time it drains the inbox. The queue's per-offer node allocation is acceptable because
 *       foreign scheduling is off the hot path; the queue's offer/poll order the producer's writes
 *       to the handle before the owner's reads;</li>
 *   <li>a foreign cancel wins or loses the handle's state CAS (see {@link TimerHandle}); when it wins
 *       it offers the handle to the inbox so the owner unlinks it promptly, and until then the owner
 *       skips it when it meets it in a bucket.</li>
 * </ul>
 * A foreign schedule may be earlier than the timeout the worker is blocked with; the {@code wakeup}
 * given at construction (for the engine: a posted completion or an eventfd write) is run for that,
 * at most once per inbox drain (see {@code drainInbox}).
 *
 * <h2>Firing</h2>
 * {@link #expire(long)} visits due buckets in tick order, moves what is due to a due list, then
 * claims each handle (state CAS) and runs its task. A task may schedule, re-arm itself, or cancel
 * others, including ones on the due list; a timer scheduled for a tick already being processed is
 * filed for the next tick, so {@code expire} always terminates and runs each arming at most once.
 */
final class TimerWheel {

    /** Default tick, 10 ms: coarse enough to batch, fine enough for network timeouts. */
    static final long DEFAULT_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Default number of buckets; with the default tick one revolution is 5.12 s. */
    static final int DEFAULT_WHEEL_SIZE = 512;

    private final Thread owner;
    private final LongSupplier nanoClock;
    private final long tickNanos;
    private final long originNanos;
    private final long maxWaitNanos;
    private final int mask;
    private final Bucket[] buckets;
    /** One bit per bucket, set while the bucket is non-empty, to find the next bucket quickly. */
    private final long[] occupied;
    /** Timers already due and not yet run; a list of its own so tasks may cancel them. */
    private final Bucket due = new Bucket(-1);
    private final TimerExceptionHandler exceptionHandler;
    private final Runnable wakeup;
    private final ConcurrentLinkedQueue<TimerHandle> inbox = new ConcurrentLinkedQueue<>();
    /**
     * Set by a foreign scheduler that ran {@link #wakeup}, cleared by the owner before it drains the
     * inbox; coalesces wakeups. Atomic because producers race to be the one that wakes.
     */
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();

    // Owner-thread state, plain fields.
    /** Every tick up to and including this one has been processed. */
    private long processedTick;
    /** Handles linked in buckets or on the due list. */
    private int size;
    /**
     * A lower bound of the smallest filed tick, valid while {@link #earliestValid}; kept up to date
     * on filing, recomputed lazily after a bucket visit or after a bucket holding it empties.
     */
    private long earliestFiledTick;
    private boolean earliestValid;
    /** Guards against a task calling {@code expire} on its own wheel. */
    private boolean expiring;

    /**
     * Creates a wheel owned by {@code owner}.
     *
     * @param owner the worker thread that will call {@link #expire}, {@link #nanosUntilNextExpiry}
     *     and {@link #reschedule}
     * @param nanoClock the time source in nanoseconds, e.g. {@code System::nanoTime}; must be safe
     *     to call from every thread that schedules with a delay
     * @param tickNanos the tick length, positive
     * @param wheelSize the number of buckets, a power of two
     * @param maxWaitNanos the cap on {@link #nanosUntilNextExpiry}, positive and at most
     *     {@code Long.MAX_VALUE - tickNanos}
     * @param exceptionHandler receives what a task throws
     * @param wakeup run on the scheduling thread when a foreign schedule may need the owner to
     *     recompute its dequeue timeout; {@code () -> {}} if the owner never blocks longer than
     *     the caller can tolerate
     * @throws IllegalArgumentException if a number is out of range
     * @throws NullPointerException if a reference is {@code null}
     */
    TimerWheel(Thread owner, LongSupplier nanoClock, long tickNanos, int wheelSize, long maxWaitNanos,
               TimerExceptionHandler exceptionHandler, Runnable wakeup) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.exceptionHandler = Objects.requireNonNull(exceptionHandler, "exceptionHandler");
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("tickNanos must be positive: " + tickNanos);
        }
        if (wheelSize <= 0 || Integer.bitCount(wheelSize) != 1) {
            throw new IllegalArgumentException("wheelSize must be a positive power of two: " + wheelSize);
        }
        if (maxWaitNanos <= 0 || maxWaitNanos > Long.MAX_VALUE - tickNanos) {
            // The upper limit keeps nanosUntilNextExpiry's tick arithmetic from overflowing.
            throw new IllegalArgumentException(
                    "maxWaitNanos must be positive and at most Long.MAX_VALUE - tickNanos: " + maxWaitNanos);
        }
        this.tickNanos = tickNanos;
        this.maxWaitNanos = maxWaitNanos;
        this.mask = wheelSize - 1;
        this.buckets = new Bucket[wheelSize];
        for (int slot = 0; slot < wheelSize; slot++) {
            buckets[slot] = new Bucket(slot);
        }
        this.occupied = new long[(wheelSize + 63) >>> 6];
        this.originNanos = nanoClock.getAsLong();
        this.earliestFiledTick = Long.MAX_VALUE;
        this.earliestValid = true;
    }

    /**
     * Schedules {@code task} to run {@code delayNanos} after now. Any thread; O(1) on the owner.
     *
     * @param delayNanos the delay, not negative
     * @param task what to run on the owner thread
     * @return the handle, to cancel or re-arm
     * @throws IllegalArgumentException if the delay is negative
     */
    TimerHandle schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must not be negative: " + delayNanos);
        }
        return scheduleAt(saturatedAdd(nanoClock.getAsLong(), delayNanos), task);
    }

    /**
     * Schedules {@code task} to run at {@code deadlineNanos} of the wheel's clock; a deadline in the
     * past fires at the next tick. Any thread; O(1) on the owner.
     *
     * @param deadlineNanos the deadline
     * @param task what to run on the owner thread
     * @return the handle, to cancel or re-arm
     */
    TimerHandle scheduleAt(long deadlineNanos, Runnable task) {
        TimerHandle timer = new TimerHandle(this, Objects.requireNonNull(task, "task"), deadlineNanos);
        if (Thread.currentThread() == owner) {
            file(timer, tickFor(deadlineNanos));
        } else {
            inbox.offer(timer);
            // getAndSet, not get-then-set: of several racing producers exactly one wakes the owner.
            if (!wakeupRequested.getAndSet(true)) {
                wakeup.run();
            }
        }
        return timer;
    }

    /**
     * Re-arms {@code timer} for {@code deadlineNanos}, whether it is pending or has fired; the hot
     * path for idle timeouts (see the class comment). Owner thread only; O(1), no allocation.
     *
     * @param timer a handle of this wheel
     * @param deadlineNanos the new deadline
     * @return {@code true} if the timer was re-armed with the new deadline (a cancel racing from
     *     another thread may still win afterwards), {@code false} if it had been cancelled
     *     (cancellation is terminal)
     * @throws IllegalArgumentException if the handle belongs to another wheel
     * @throws IllegalStateException if not called on the owner thread
     */
    boolean reschedule(TimerHandle timer, long deadlineNanos) {
        checkOwner();
        if (timer.wheel != this) {
            throw new IllegalArgumentException("the timer belongs to another wheel");
        }
        int state = timer.state();
        if (state == TimerHandle.CANCELLED) {
            return false;
        }
        long tick = clampToFuture(tickFor(deadlineNanos));
        timer.deadlineNanos = deadlineNanos;
        if (state == TimerHandle.FIRED) {
            timer.rearm();
            file(timer, tick);
        } else if (timer.bucket == null) {
            // Scheduled by another thread and still in the inbox; the inbox entry will find it filed.
            file(timer, tick);
        } else if (timer.bucket != due && tick >= timer.filedTick) {
            // Pushed back (or unchanged): stay filed, the bucket visit moves it (class comment).
            timer.deadlineTick = tick;
        } else {
            unlink(timer);
            file(timer, tick);
        }
        // A cancel that won the CAS after the state read above has queued the handle for unlinking.
        return true;
    }

    /**
     * How long the owner may block before something is due: 0 if a timer is due at {@code now},
     * otherwise the time to the tick boundary of the earliest filed timer, capped at the
     * {@code maxWaitNanos} given at construction. Exact to the tick, except that it may be early
     * (never late) after timers were pushed back or cancelled; the wheel then corrects itself at
     * that tick. Owner thread only; drains the inbox first.
     *
     * @param now the current clock value
     * @return the dequeue timeout in nanoseconds, in {@code [0, maxWaitNanos]}
     * @throws IllegalStateException if not called on the owner thread
     */
    long nanosUntilNextExpiry(long now) {
        checkOwner();
        drainInbox();
        if (due.head != null) {
            return 0;
        }
        long next = earliestFiledTick();
        if (next == Long.MAX_VALUE) {
            return maxWaitNanos;
        }
        long sinceOrigin = saturatedSubtract(now, originNanos);
        long current = Math.floorDiv(sinceOrigin, tickNanos);
        if (next <= current) {
            return 0;
        }
        long ticks = next - current;
        if (ticks > maxWaitNanos / tickNanos + 1) {
            return maxWaitNanos;
        }
        return Math.min(maxWaitNanos, ticks * tickNanos - Math.floorMod(sinceOrigin, tickNanos));
    }

    /**
     * Runs every timer due at {@code now}, earliest tick first (timers due at the same tick in no
     * particular order), each at most once. A task that throws is reported to the exception handler
     * and counts as run. Owner thread only; drains the inbox first.
     *
     * @param now the current clock value
     * @return how many tasks ran
     * @throws IllegalStateException if not called on the owner thread, or from inside a task
     */
    int expire(long now) {
        checkOwner();
        if (expiring) {
            throw new IllegalStateException("expire called from inside a timer task");
        }
        expiring = true;
        try {
            drainInbox();
            int fired = runDue(); // left over if the exception handler threw last time
            long current = Math.floorDiv(saturatedSubtract(now, originNanos), tickNanos);
            for (long tick = earliestFiledTick(); tick <= current; tick = earliestFiledTick()) {
                processedTick = tick;
                collectDue(tick);
                fired += runDue();
            }
            if (current > processedTick) {
                processedTick = current;
            }
            return fired;
        } finally {
            expiring = false;
        }
    }

    /**
     * The number of timers the owner holds: pending ones, plus cancelled ones not yet unlinked; not
     * counting foreign schedules still in the inbox. Owner thread only.
     *
     * @return the count
     */
    int size() {
        return size;
    }

    /**
     * Called by {@link TimerHandle#cancel()} after it won the state CAS: unlinks at once on the
     * owner, queues the unlinking otherwise.
     *
     * @param timer the handle just cancelled
     */
    void cancelled(TimerHandle timer) {
        if (Thread.currentThread() == owner) {
            if (timer.bucket != null) {
                unlink(timer);
            }
        } else {
            inbox.offer(timer);
        }
    }

    /**
     * Files foreign schedules and unlinks foreign cancels. Clears {@link #wakeupRequested} before
     * polling, so any handle offered after the last poll was followed by a producer's
     * {@code getAndSet} that saw {@code false} and ran the wakeup. Reading the flag first keeps the
     * common case (nothing requested) free of a volatile store; volatile operations are totally
     * ordered, so a producer whose {@code getAndSet} came before the clear has its offer seen by
     * the polls after it.
     */
    private void drainInbox() {
        if (wakeupRequested.get()) {
            wakeupRequested.set(false);
        }
        for (TimerHandle timer; (timer = inbox.poll()) != null; ) {
            int state = timer.state();
            if (timer.bucket != null) {
                if (state == TimerHandle.CANCELLED) {
                    unlink(timer);
                }
            } else if (state == TimerHandle.PENDING) {
                // Pending and not linked only happens to a foreign schedule not filed yet.
                file(timer, tickFor(timer.deadlineNanos));
            }
        }
    }

    /** Moves the due timers of bucket {@code tick} to the due list and refiles the pushed-back ones. */
    private void collectDue(long tick) {
        Bucket bucket = buckets[(int) tick & mask];
        long lowest = Long.MAX_VALUE;
        for (TimerHandle timer = bucket.head, next; timer != null; timer = next) {
            next = timer.next;
            if (timer.state() == TimerHandle.CANCELLED) {
                unlink(timer); // cancelled by another thread, inbox not drained yet
            } else if (timer.filedTick != tick) {
                lowest = Math.min(lowest, timer.filedTick); // a later revolution
            } else if (timer.deadlineTick == tick) {
                unlink(timer);
                append(due, timer);
            } else if ((timer.deadlineTick & mask) == bucket.slot) {
                timer.filedTick = timer.deadlineTick; // pushed back by whole revolutions: stay
                lowest = Math.min(lowest, timer.filedTick);
            } else {
                unlink(timer);
                file(timer, timer.deadlineTick);
            }
        }
        if (bucket.head != null) {
            bucket.lowestFiledTick = lowest;
        }
        earliestValid = false;
    }

    /** Claims and runs the due list. */
    private int runDue() {
        int fired = 0;
        for (TimerHandle timer; (timer = due.head) != null; ) {
            unlink(timer);
            if (!timer.claimFiring()) {
                continue; // another thread's cancel won
            }
            fired++;
            try {
                timer.task.run();
            } catch (Throwable failure) {
                exceptionHandler.taskFailed(timer, failure);
            }
        }
        return fired;
    }

    /** Links {@code timer} into the bucket of {@code tick}, no earlier than the next unprocessed tick. */
    private void file(TimerHandle timer, long tick) {
        tick = clampToFuture(tick);
        timer.deadlineTick = tick;
        timer.filedTick = tick;
        int slot = (int) tick & mask;
        Bucket bucket = buckets[slot];
        append(bucket, timer);
        occupied[slot >>> 6] |= 1L << slot;
        if (tick < bucket.lowestFiledTick) {
            bucket.lowestFiledTick = tick;
        }
        if (earliestValid && tick < earliestFiledTick) {
            earliestFiledTick = tick;
        }
    }

    private long clampToFuture(long tick) {
        return Math.max(tick, processedTick + 1);
    }

    private void append(Bucket bucket, TimerHandle timer) {
        timer.bucket = bucket;
        timer.prev = bucket.tail;
        timer.next = null;
        if (bucket.tail == null) {
            bucket.head = timer;
        } else {
            bucket.tail.next = timer;
        }
        bucket.tail = timer;
        size++;
    }

    private void unlink(TimerHandle timer) {
        Bucket bucket = timer.bucket;
        if (timer.prev == null) {
            bucket.head = timer.next;
        } else {
            timer.prev.next = timer.next;
        }
        if (timer.next == null) {
            bucket.tail = timer.prev;
        } else {
            timer.next.prev = timer.prev;
        }
        timer.bucket = null;
        timer.prev = null;
        timer.next = null;
        size--;
        if (bucket.head == null && bucket != due) {
            occupied[bucket.slot >>> 6] &= ~(1L << bucket.slot);
            if (bucket.lowestFiledTick == earliestFiledTick) {
                earliestValid = false;
            }
            bucket.lowestFiledTick = Long.MAX_VALUE;
        }
    }

    /** The smallest tick at which a filed timer may be due, or {@link Long#MAX_VALUE} if none. */
    private long earliestFiledTick() {
        if (!earliestValid) {
            earliestFiledTick = scanEarliestFiledTick();
            earliestValid = true;
        }
        return earliestFiledTick;
    }

    /**
     * Walks the non-empty buckets in tick order from the next unprocessed tick. A bucket first
     * comes round at tick {@code t} and files nothing below {@code t}, so the walk stops as soon as
     * {@code t} reaches the best bound found; it reads at most one revolution of bitmap words.
     */
    private long scanEarliestFiledTick() {
        long first = processedTick + 1;
        int start = (int) first & mask;
        long best = Long.MAX_VALUE;
        for (int offset = nextOccupiedOffset(start, 0); offset >= 0; offset = nextOccupiedOffset(start, offset + 1)) {
            if (first + offset >= best) {
                break;
            }
            best = Math.min(best, buckets[(start + offset) & mask].lowestFiledTick);
        }
        return best;
    }

    /** The smallest {@code offset >= from} whose bucket {@code (start + offset) & mask} is occupied, or -1. */
    private int nextOccupiedOffset(int start, int from) {
        int wheelSize = mask + 1;
        if (from >= wheelSize) {
            return -1;
        }
        int slot = (start + from) & mask;
        if (slot >= start) {
            int found = nextOccupiedSlot(slot, wheelSize);
            if (found >= 0) {
                return found - start;
            }
            slot = 0;
        }
        int found = nextOccupiedSlot(slot, start);
        return found >= 0 ? wheelSize - start + found : -1;
    }

    /** The first occupied slot in {@code [from, to)}, or -1. */
    private int nextOccupiedSlot(int from, int to) {
        if (from >= to) {
            return -1;
        }
        int index = from >>> 6;
        long word = occupied[index] & (-1L << from);
        while (true) {
            if (word != 0) {
                int slot = (index << 6) + Long.numberOfTrailingZeros(word);
                return slot < to ? slot : -1;
            }
            if (++index >= occupied.length || index << 6 >= to) {
                return -1;
            }
            word = occupied[index];
        }
    }

    private long tickFor(long deadlineNanos) {
        return Math.ceilDiv(saturatedSubtract(deadlineNanos, originNanos), tickNanos);
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("timer wheel of " + owner + " used from " + Thread.currentThread());
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    private static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            return a >= 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return difference;
    }

    /** One intrusive list: a wheel bucket ({@code slot >= 0}) or the due list ({@code slot == -1}). */
    static final class Bucket {
        /** The bucket's index in the wheel, -1 for the due list. */
        final int slot;
        /** The first handle, {@code null} when empty. */
        TimerHandle head;
        /** The last handle, where new ones are appended; {@code null} when empty. */
        TimerHandle tail;
        /**
         * A lower bound of the filed ticks in the bucket, {@link Long#MAX_VALUE} when empty. Exact
         * after each visit; lowered on filing; left as is when a handle leaves a non-empty bucket.
         * Filed ticks of a bucket are congruent to its slot, so a visit at tick {@code t} has work
         * only when this equals {@code t}.
         */
        long lowestFiledTick = Long.MAX_VALUE;

        /**
         * Creates an empty list.
         *
         * @param slot the bucket's index in the wheel, -1 for the due list
         */
        Bucket(int slot) {
            this.slot = slot;
        }
    }
}
