package org.iocp4j.core;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One fixed-size piece of a slab: the pooled unit. A {@link Buffer} is a handle to a slot for the span
 * of one acquisition; the slot outlives every handle and carries the reference count.
 *
 * <p>{@code state} packs a generation (high 32 bits) and the reference count (low 32 bits) into one word
 * so that one compare-and-set both checks that a handle is still current and changes the count. Every
 * acquisition increments the generation, so a handle kept past its last release no longer matches and any
 * use of it throws instead of touching memory that now belongs to someone else.
 */
final class Slot {
    /**
     * Handle objects per slot that recycled handles rotate through; a power of two. {@link Buffer}'s
     * Javadoc states the detection bound this gives in words ("four"): change both together.
     */
    static final int HANDLES = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Slot.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SizeClass sizeClass;
    final Slab slab;
    /** Offset of this slot's first byte inside {@link #slab}. */
    final long slabOffset;
    /** This slot's memory, bound to the pool's arena. */
    final MemorySegment segment;
    /** Position in {@link SizeClass}'s slot table; the free list links slots by this index. */
    final int index;

    /** Generation and reference count; accessed only through {@link #STATE}. */
    @SuppressWarnings("unused")
    private long state;

    /**
     * Where the current acquisition happened, when leak detection is on. Written by the acquiring thread
     * before the release-store of {@code state}; read after a volatile read of {@code state}.
     */
    Throwable acquiredAt;

    /**
     * Where the last acquisition took this slot from, so that a release on the same thread finds its
     * cache without a thread-local lookup. Written by the acquiring thread; another thread may read an
     * older value, which is harmless because the releaser uses it only if it owns that cache.
     */
    ThreadCache.PerClass acquiredFrom;

    /**
     * The recycled handles, indexed by generation modulo {@link #HANDLES}, created on first use. Touched
     * only by the thread that owns the slot while acquiring it.
     */
    private final Buffer[] handles = new Buffer[HANDLES];

    // Free-list links. They are touched only by the thread that owns the slot while it is free (a thread
    // cache, or the pusher before its CAS publishes the batch), except for the racy read of nextBatch in
    // FreeList.pop, whose result is used only if the stamped CAS proves the list did not change.
    /** Next slot in the same batch, or null for the batch's last slot. */
    Slot nextInBatch;
    /** Index + 1 of the first slot of the next batch on the shared list, 0 for none. */
    int nextBatch;
    /** Number of slots in the batch this slot heads. */
    int batchSize;

    Slot(SizeClass sizeClass, Slab slab, long slabOffset, MemorySegment segment, int index) {
        this.sizeClass = sizeClass;
        this.slab = slab;
        this.slabOffset = slabOffset;
        this.segment = segment;
        this.index = index;
    }

    private static int generation(long state) {
        return (int) (state >>> 32);
    }

    private static int refCount(long state) {
        return (int) state;
    }

    /**
     * Marks a free slot acquired: next generation, one reference. The caller owns the free slot
     * exclusively, so a plain release-store is enough: no valid handle can be changing the word (a free
     * slot has count 0 and every CAS of a handle refuses count 0), and release ordering publishes
     * {@link #acquiredAt} to whoever reads the state afterwards.
     *
     * @return the new generation, which the handle remembers
     */
    int acquire() {
        int generation = generation((long) STATE.getOpaque(this)) + 1;
        STATE.setRelease(this, ((long) generation << 32) | 1L);
        return generation;
    }

    /** A new handle for acquisition {@code generation}, which the caller has just made. */
    Buffer freshHandle(int generation) {
        return new Buffer(this).issue(generation);
    }

    /** The ring's handle for acquisition {@code generation}, which the caller has just made, issued again. */
    Buffer recycledHandle(int generation) {
        int i = generation & (HANDLES - 1);
        Buffer handle = handles[i];
        if (handle == null) {
            handles[i] = handle = new Buffer(this);
        }
        return handle.issue(generation);
    }

    /** The reference count if {@code generation} is current, else 0. */
    int refCount(int generation) {
        long s = (long) STATE.getVolatile(this);
        return generation(s) == generation ? refCount(s) : 0;
    }

    /** Whether the slot is acquired (count above zero), whatever the generation. */
    boolean inUse() {
        return refCount((long) STATE.getVolatile(this)) > 0;
    }

    /** Throws unless {@code generation} is current and holds a reference. */
    void checkAccessible(int generation) {
        long s = (long) STATE.getVolatile(this);
        if (generation(s) != generation || refCount(s) == 0) {
            throw stale("used", generation, s);
        }
    }

    /** Adds a reference for a current handle. */
    void retain(int generation) {
        for (;;) {
            // Volatile CAS: retains and releases of one slot may run on any threads at once.
            long s = (long) STATE.getVolatile(this);
            if (generation(s) != generation || refCount(s) == 0) {
                throw stale("retained", generation, s);
            }
            if (refCount(s) == Integer.MAX_VALUE) {
                throw new IllegalStateException(describe() + ": reference count overflow");
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                return;
            }
        }
    }

    /**
     * Drops a reference of a current handle.
     *
     * @return true if that was the last one and the slot is now free (the caller returns it to the pool)
     */
    boolean release(int generation) {
        for (;;) {
            long s = (long) STATE.getVolatile(this);
            if (generation(s) != generation || refCount(s) == 0) {
                throw stale("released", generation, s);
            }
            if (STATE.compareAndSet(this, s, s - 1)) {
                return refCount(s) == 1;
            }
        }
    }

    /**
     * Puts this slot, just freed by {@link #release}, into the releasing thread's cache. When that thread
     * acquired it, the cache is at hand without a thread-local lookup. After the pool closed the slot
     * still goes to a cache, which is harmless: a closed pool hands nothing out.
     */
    void recycle() {
        if (acquiredAt != null) {
            acquiredAt = null;
        }
        ThreadCache.PerClass cache = acquiredFrom;
        if (cache.owner == Thread.currentThread()) {
            cache.put(this);
        } else {
            sizeClass.pool().recycleElsewhere(this);
        }
    }

    private IllegalStateException stale(String what, int generation, long s) {
        String why = generation(s) == generation
                ? "after its last release (reference count is 0)"
                : "after its last release; the memory has since been acquired again (generation "
                        + generation + ", now " + generation(s) + ")";
        return new IllegalStateException(describe() + " " + what + " " + why);
    }

    String describe() {
        return "buffer of " + sizeClass.bufferSize + " bytes at slab " + slab.id() + " offset " + slabOffset;
    }
}
