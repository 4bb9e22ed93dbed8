package org.iocp4j.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's stash of free slots for one pool, per size class, plus that thread's acquisition and
 * release counts.
 *
 * <p>Only the owning thread changes a cache while the thread is alive, so the hot path uses plain array
 * accesses. Fields other threads read for metrics ({@code count}, {@code acquired}, {@code released}) are
 * written with opaque stores: plain moves on x86, but guaranteed untorn and eventually visible. After the
 * owner dies the pool's lock holder may drain the cache: {@link Thread#isAlive()} returning false
 * happens-after everything the thread did.
 */
final class ThreadCache {
    private static final VarHandle COUNT;
    private static final VarHandle ACQUIRED;
    private static final VarHandle RELEASED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(PerClass.class, "count", int.class);
            ACQUIRED = lookup.findVarHandle(PerClass.class, "acquired", long.class);
            RELEASED = lookup.findVarHandle(PerClass.class, "released", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The cache of one size class. */
    static final class PerClass {
        final Thread owner;
        final SizeClass sizeClass;
        /**
         * Indices of the cached slots, not references: storing an int needs no garbage-collector write
         * barrier, which for a reference into an old-generation array costs a memory fence under G1.
         */
        final int[] stack;
        int count;
        long acquired;
        long released;

        PerClass(Thread owner, SizeClass sizeClass, int capacity) {
            this.owner = owner;
            this.sizeClass = sizeClass;
            this.stack = new int[capacity];
        }

        int count() {
            return (int) COUNT.getOpaque(this);
        }

        long acquired() {
            return (long) ACQUIRED.getOpaque(this);
        }

        long released() {
            return (long) RELEASED.getOpaque(this);
        }

        /** A free slot for the owner, or null when both this cache and the shared list are empty. */
        Slot take() {
            int n = count;
            if (n == 0 && (n = refill()) == 0) {
                return null;
            }
            Slot slot = sizeClass.slot(stack[--n]);
            COUNT.setOpaque(this, n);
            ACQUIRED.setOpaque(this, acquired + 1);
            return slot;
        }

        /** Takes a batch from the shared list into the empty stack; returns the new count. */
        private int refill() {
            Slot first = sizeClass.pop();
            if (first == null) {
                return 0;
            }
            int n = 0;
            for (Slot s = first; s != null; s = s.nextInBatch) {
                stack[n++] = s.index;
            }
            return n;
        }

        /** Returns a slot freed by this thread (whoever acquired it). */
        void put(Slot slot) {
            int n = count;
            if (n == stack.length) {
                n = spill(n);
            }
            stack[n] = slot.index;
            COUNT.setOpaque(this, n + 1);
            RELEASED.setOpaque(this, released + 1);
        }

        /**
         * Moves the top batchSize slots to the shared list in one push; returns the new count. Keeping the
         * bottom of the stack means a thread that only releases (its buffers are acquired elsewhere) keeps
         * handing full batches back, where the acquiring threads pick them up.
         */
        private int spill(int n) {
            int keep = n - sizeClass.batchSize;
            sizeClass.pushAll(stack, keep, n - keep);
            return keep;
        }

        /** Pushes every cached slot to the shared list. */
        void drain() {
            int n = count;
            sizeClass.pushAll(stack, 0, n);
            COUNT.setOpaque(this, 0);
        }
    }

    final Thread owner;
    final PerClass[] perClass;

    ThreadCache(Thread owner, SizeClass[] classes, int capacity) {
        this.owner = owner;
        this.perClass = new PerClass[classes.length];
        for (int i = 0; i < classes.length; i++) {
            perClass[i] = new PerClass(owner, classes[i], capacity);
        }
    }
}
