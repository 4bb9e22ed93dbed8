package org.iocp4j.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Puts the completions of one stream direction back into issue order (Len Holgate's design, seed 001).
 *
 * <p>Every read or write gets a sequence number from {@link #tryIssue()} when it is issued. Its completion
 * may arrive on any thread in any order; {@link #complete} hands it over, and the sequencer passes items to
 * the {@link Handler} strictly in sequence order, each exactly once, never two at a time. Used for reads
 * (deliver data to the protocol handler in order) and for writes (send slices produced by several threads
 * in order).
 *
 * <p><b>How.</b> One word holds the next sequence to deliver and a busy bit. The thread whose completion
 * is the next one and finds the word idle sets the bit with one CAS and delivers straight away: the
 * in-order path takes no lock and touches no slot. A completion that is early parks its item in a ring of
 * {@code window} slots (slot {@code seq % window}); whichever thread holds the busy bit delivers parked
 * items as the gap closes. Releasing the bit and a completer parking its item follow the Dekker pattern:
 * the releaser stores the word then reads the slot, the parker stores the slot then reads the word, all
 * with sequentially consistent accesses, so at least one of them sees the other and delivery never stalls.
 * The release of the bit and the next CAS that takes it order one delivery before the next, so a handler
 * needs no synchronization of its own.
 *
 * <p><b>Bounded.</b> At most {@code window} sequences may be issued and not yet delivered;
 * {@link #tryIssue()} returns {@link #NO_SEQUENCE} beyond that, a back-pressure signal to stop issuing.
 *
 * @param <T> what a completion carries (for example a {@link Buffer})
 */
public final class Sequencer<T> {
    /** Returned by {@link #tryIssue()} when the window is full. */
    public static final long NO_SEQUENCE = -1;

    /**
     * Receives items in sequence order. Calls never overlap; each may be on a different thread. An
     * exception thrown by the handler does not stop delivery: the remaining deliverable items are still
     * handed over, then the first exception propagates from the {@link #complete} call that ran them.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Handler<T> {
        /** Handles {@code item}, whose sequence number is {@code sequence}. */
        void deliver(long sequence, T item);
    }

    private static final VarHandle STATE;
    private static final VarHandle ISSUED;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final long BUSY = 1;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Sequencer.class, "state", long.class);
            ISSUED = lookup.findVarHandle(Sequencer.class, "issued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Handler<? super T> handler;
    /** Parked early completions; slot {@code seq & mask}. Written by CAS, cleared by the busy holder. */
    private final Object[] slots;
    private final int mask;
    /** {@code next << 1 | BUSY}: the next sequence to deliver and whether a thread is delivering. */
    @SuppressWarnings("unused")
    private volatile long state;
    /** Sequences handed out so far. */
    @SuppressWarnings("unused")
    private volatile long issued;

    /**
     * @param window  most sequences outstanding at once, rounded up to a power of two
     * @param handler receives the items in order
     * @throws IllegalArgumentException if the window is not between 1 and 2<sup>30</sup>
     */
    public Sequencer(int window, Handler<? super T> handler) {
        if (window < 1 || window > 1 << 30) {
            throw new IllegalArgumentException("window " + window + " is not between 1 and 2^30");
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        int capacity = Integer.highestOneBit(window) == window ? window : Integer.highestOneBit(window) << 1;
        this.slots = new Object[capacity];
        this.mask = capacity - 1;
    }

    /** The window: how many sequences may be outstanding. */
    public int window() {
        return slots.length;
    }

    /**
     * The next sequence number (0, 1, 2, ...), or {@link #NO_SEQUENCE} if {@link #window()} sequences are
     * already issued and not delivered. Safe from any thread; numbers follow the order of the calls.
     */
    public long tryIssue() {
        for (;;) {
            long issuedNow = (long) ISSUED.getVolatile(this);
            // The published next lags the deliveries in progress, so this errs towards refusing; its slot
            // is free because the busy holder clears a slot before it publishes a next beyond it.
            if (issuedNow - nextToDeliver() >= slots.length) {
                return NO_SEQUENCE;
            }
            if (ISSUED.compareAndSet(this, issuedNow, issuedNow + 1)) {
                return issuedNow;
            }
        }
    }

    /** Sequences issued so far. */
    public long issued() {
        return (long) ISSUED.getVolatile(this);
    }

    /** The lowest sequence not yet delivered, as last published (a delivery may be under way). */
    public long nextToDeliver() {
        return (long) STATE.getVolatile(this) >>> 1;
    }

    /**
     * Hands over the completion of {@code sequence}. If it is the next one, it is delivered on this thread
     * (with any parked items that follow it) before this method returns; otherwise it is parked and
     * delivered later by whichever thread closes the gap.
     *
     * @throws IllegalArgumentException if {@code sequence} was never issued or {@code item} is null
     * @throws IllegalStateException    if {@code sequence} was already delivered or is already parked
     */
    public void complete(long sequence, T item) {
        if (item == null) {
            throw new IllegalArgumentException("item of sequence " + sequence + " is null");
        }
        long idle = sequence << 1;
        long s = (long) STATE.getVolatile(this);
        // The issued() read costs a plain load on x86 and keeps a never-issued number off the fast path.
        if (s == idle && sequence < issued() && STATE.compareAndSet(this, idle, idle | BUSY)) {
            deliverFrom(sequence, item);
            return;
        }
        if (sequence < 0 || sequence >= issued()) {
            throw new IllegalArgumentException("sequence " + sequence + " was never issued (issued: "
                    + issued() + ")");
        }
        if (sequence < nextToDeliver()) {
            throw new IllegalStateException("sequence " + sequence + " was already delivered");
        }
        int index = (int) sequence & mask;
        // Full-fence CAS: the store half of the Dekker pair with deliverFrom's release of the busy bit.
        if (!SLOTS.compareAndSet(slots, index, null, item)) {
            throw new IllegalStateException("sequence " + sequence + " completed twice");
        }
        if ((long) STATE.getVolatile(this) == idle && STATE.compareAndSet(this, idle, idle | BUSY)) {
            // We won the bit while our own item is parked: take it back (only the busy holder clears).
            SLOTS.setOpaque(slots, index, null);
            deliverFrom(sequence, item);
        }
    }

    /** Delivers {@code item} then every parked successor; the caller holds the busy bit for {@code seq}. */
    @SuppressWarnings("unchecked")
    private void deliverFrom(long seq, T item) {
        long next = seq;
        T current = item;
        Throwable failure = null;
        for (;;) {
            try {
                handler.deliver(next, current);
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            next++;
            int index = (int) next & mask;
            // Acquire pairs with the parker's CAS, so the item's contents are visible.
            current = (T) SLOTS.getAcquire(slots, index);
            if (current == null) {
                // Nothing parked for next: publish it idle, then look again (the load half of the
                // Dekker pair) in case its completer parked just before seeing our store.
                STATE.setVolatile(this, next << 1);
                current = (T) SLOTS.getVolatile(slots, index);
                if (current == null || !STATE.compareAndSet(this, next << 1, (next << 1) | BUSY)) {
                    break;
                }
            }
            // Cleared before next moves past it; the volatile store of state that eventually publishes
            // the new next orders this clear before any reuse of the slot.
            SLOTS.setOpaque(slots, index, null);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }
}
