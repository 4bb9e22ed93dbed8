package org.iocp4j.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One timeout in a {@link TimerWheel}: returned by {@code schedule}, cancellable from any thread,
 * and reusable by the owner through {@link TimerWheel#reschedule(TimerHandle, long)} so that a
 * connection's idle timeout is re-armed without allocating.
 *
 * <p>State machine, held in one {@code int} changed only by atomic operations:
 * <pre>
 *   PENDING --(owner claims it in expire)--> FIRED --(owner reschedules)--> PENDING
 *   PENDING --(cancel, any thread)---------> CANCELLED   (terminal)
 * </pre>
 * Firing and cancelling both leave {@code PENDING} by a compare-and-set, so for every arming exactly
 * one of them wins: a task never runs after {@link #cancel()} returned {@code true}, and
 * {@code cancel()} returns {@code false} once the owner has claimed the task to run it. Cancellation
 * is terminal so that a cancel from another thread (a connection closing on a virtual thread) is
 * never undone by the owner re-arming the same handle on a late read completion.
 *
 * <p>Every other field is owned by the wheel's owner thread and accessed with plain reads and
 * writes; a handle created on another thread reaches the owner through the wheel's inbox, whose
 * queue operations order those writes before the owner's reads.
 */
final class TimerHandle implements Cancellable {

    /** Armed and neither fired nor cancelled; zero so a freshly allocated handle is already pending. */
    static final int PENDING = 0;
    /** Claimed by the owner to run; the handle may be re-armed by the owner. */
    static final int FIRED = 1;
    /** Cancelled before it fired; terminal. */
    static final int CANCELLED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TimerHandle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The wheel this handle belongs to; re-arming it on another wheel is refused. */
    final TimerWheel wheel;
    /** What runs when the timer fires; fixed for the handle's life so re-arming writes no reference. */
    final Runnable task;

    /*
     * Only accessed through STATE. Declared volatile so that even a plain read elsewhere would be
     * ordered; no constructor write, because PENDING is the default value: a handle handed to
     * another thread through a data race can then never be seen in a state it was not in.
     */
    @SuppressWarnings("unused")
    private volatile int state;

    // Owner-thread fields (see the class comment).
    /** The requested deadline in clock nanoseconds. */
    long deadlineNanos;
    /** The tick at which the timer is due: the first tick boundary at or after the deadline. */
    long deadlineTick;
    /**
     * The tick the handle is filed under in its bucket; at most {@link #deadlineTick}, smaller when
     * the deadline was pushed back lazily (see {@link TimerWheel}).
     */
    long filedTick;
    /** The list the handle is linked in (a wheel bucket or the due list), or {@code null}. */
    TimerWheel.Bucket bucket;
    /** The previous handle in {@link #bucket}, {@code null} at its head. */
    TimerHandle prev;
    /** The next handle in {@link #bucket}, {@code null} at its tail. */
    TimerHandle next;

    /**
     * Creates a pending handle; the wheel files it (on the owner) or queues it (elsewhere).
     *
     * @param wheel the wheel that owns it
     * @param task what runs when it fires
     * @param deadlineNanos the requested deadline
     */
    TimerHandle(TimerWheel wheel, Runnable task, long deadlineNanos) {
        this.wheel = wheel;
        this.task = task;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Cancels the timer if it has not fired yet. Callable from any thread, O(1): on the owner the
     * handle is unlinked at once, from another thread it is unlinked by the owner at its next
     * {@code expire} or {@code nanosUntilNextExpiry}.
     *
     * @return {@code true} if this call cancelled the timer, so its task will not run; {@code false}
     *     if it already fired (or is firing) or was already cancelled
     */
    @Override
    public boolean cancel() {
        // Volatile CAS: it is the single point where fire and cancel are decided.
        if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
            return false;
        }
        wheel.cancelled(this);
        return true;
    }

    /**
     * Tells whether the timer was cancelled. Callable from any thread.
     *
     * @return {@code true} once {@link #cancel()} succeeded
     */
    boolean isCancelled() {
        return state() == CANCELLED;
    }

    /**
     * Tells whether the timer fired and has not been re-armed since. Callable from any thread.
     *
     * @return {@code true} once the owner claimed the task to run it
     */
    boolean isFired() {
        return state() == FIRED;
    }

    /**
     * The deadline last requested for this handle. Owner thread only.
     *
     * @return the deadline in nanoseconds of the wheel's clock
     */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Reads the state with volatile semantics.
     *
     * @return {@link #PENDING}, {@link #FIRED} or {@link #CANCELLED}
     */
    int state() {
        return (int) STATE.getVolatile(this);
    }

    /**
     * Owner only: the compare-and-set that decides "fired" against a concurrent cancel.
     *
     * @return {@code true} if the task is now the owner's to run, {@code false} if a cancel won
     */
    boolean claimFiring() {
        return STATE.compareAndSet(this, PENDING, FIRED);
    }

    /**
     * Owner only: re-arms a fired handle. No other thread can change the state while it is FIRED
     * (cancel only leaves PENDING), so a release store is enough: it only has to make the new
     * state visible to a later cancel's CAS; no other field is read by a canceller.
     */
    void rearm() {
        STATE.setRelease(this, PENDING);
    }
}
