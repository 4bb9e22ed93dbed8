package org.iocp4j.core;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The buffers of one size: their slot table, the shared lock-free free list in front of which the thread
 * caches sit, and the counters only this class's slow paths touch.
 *
 * <p>The free list is a Treiber stack of <em>batches</em> (a batch is a chain of slots linked by
 * {@link Slot#nextInBatch}). Thread caches move whole batches, so a thread touches the shared head once
 * per {@code batchSize} acquisitions or releases, which is what keeps many threads that release each
 * other's buffers from collapsing on one cache line. The head packs a stamp (high 32 bits) with the index
 * + 1 of the top batch's first slot (low 32 bits, 0 = empty); every successful CAS increments the stamp,
 * so a pop that read a head which was popped and pushed back in between fails instead of installing a
 * stale successor (the ABA problem recycled nodes otherwise have).
 */
final class SizeClass {
    private final BufferPool pool;
    final int ordinal;
    final int bufferSize;
    /** Bytes between the starts of consecutive buffers inside a page, or page multiples for big buffers. */
    final long stride;
    final long pageSize;
    final long slabBytes;
    final int batchSize;

    /** Stamped head of the batch stack; see the class comment. */
    private final AtomicLong head = new AtomicLong();
    /**
     * Slot table, indexed by {@link Slot#index}. Replaced (never mutated in place for published indices)
     * under the pool's lock when a slab is added; volatile so that a thread which popped an index from the
     * head (a volatile read that happens after the slab's slots were pushed) sees the table holding it.
     */
    private volatile Slot[] slots = new Slot[0];

    /** Buffers carved so far. Written under the pool lock; volatile for lock-free metric readers. */
    private volatile long allocated;
    /** Buffers currently outside the shared free list: in use or in some thread cache. */
    private final AtomicLong outsideShared = new AtomicLong();
    /** Peak of {@link #outsideShared}. */
    private final AtomicLong highWaterMark = new AtomicLong();
    /** Acquisitions refused because the pool was at its maximum. */
    private final AtomicLong exhausted = new AtomicLong();

    SizeClass(BufferPool pool, int ordinal, int bufferSize, long pageSize, long requestedSlabBytes, int batchSize) {
        this.pool = pool;
        this.ordinal = ordinal;
        this.bufferSize = bufferSize;
        this.pageSize = pageSize;
        // A buffer no bigger than a page sits wholly inside one page (as many per page as fit, the tail
        // of each page unused); a bigger one starts on a page boundary and spans as few pages as it can.
        this.stride = bufferSize <= pageSize ? bufferSize : roundUp(bufferSize, pageSize);
        this.slabBytes = roundUp(Math.max(requestedSlabBytes, stride), pageSize);
        this.batchSize = batchSize;
    }

    static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Byte offsets, inside a slab, of every buffer the slab holds. */
    long[] bufferOffsets() {
        if (stride <= pageSize) {
            long perPage = pageSize / stride;
            long pages = slabBytes / pageSize;
            long[] offsets = new long[Math.toIntExact(pages * perPage)];
            int n = 0;
            for (long page = 0; page < pages; page++) {
                for (long k = 0; k < perPage; k++) {
                    offsets[n++] = page * pageSize + k * stride;
                }
            }
            return offsets;
        }
        long[] offsets = new long[Math.toIntExact(slabBytes / stride)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * stride;
        }
        return offsets;
    }

    /** Cuts a new slab into slots and pushes them onto the free list. Called under the pool lock. */
    void addSlab(Slab slab) {
        long[] offsets = bufferOffsets();
        Slot[] old = slots;
        Slot[] grown = Arrays.copyOf(old, old.length + offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            MemorySegment memory = slab.memory().asSlice(offsets[i], bufferSize);
            grown[old.length + i] = new Slot(this, slab, offsets[i], memory, old.length + i);
        }
        slots = grown; // publish the table before any index in it can appear on the free list
        allocated += offsets.length;
        // The new slots are counted as outside the shared list until pushed, so that the free count
        // (allocated - outside) never goes negative for a reader in between.
        outsideShared.addAndGet(offsets.length);
        pushAll(IntStream.range(old.length, grown.length).toArray(), 0, offsets.length);
    }

    /**
     * Pushes the slots whose indices are {@code from[start]} onward, {@code count} of them, as batches of
     * at most batchSize.
     */
    void pushAll(int[] from, int start, int count) {
        Slot[] table = slots;
        int end = start + count;
        for (int i = start; i < end; i += batchSize) {
            int n = Math.min(batchSize, end - i);
            for (int k = 0; k < n - 1; k++) {
                table[from[i + k]].nextInBatch = table[from[i + k + 1]];
            }
            table[from[i + n - 1]].nextInBatch = null;
            push(table[from[i]], n);
        }
    }

    /** Pushes a batch (already linked through nextInBatch) of {@code count} slots headed by {@code first}. */
    void push(Slot first, int count) {
        first.batchSize = count;
        // Counted free before it is visible: the free count may over-state for a moment (a slow-path
        // reader retries), but never under-state, which would refuse an acquisition for no reason.
        outsideShared.addAndGet(-count);
        long h;
        do {
            h = head.get();
            first.nextBatch = (int) h;
            // The CAS is a full-fence volatile write: the links written above are visible to any thread
            // whose volatile read of head sees this value.
        } while (!head.compareAndSet(h, nextStamp(h) | (first.index + 1L)));
    }

    /** Pops a whole batch, or returns null if the shared list is empty. */
    Slot pop() {
        long h;
        Slot first;
        do {
            h = head.get();
            int top = (int) h;
            if (top == 0) {
                return null;
            }
            first = slots[top - 1];
            // Racy read if another thread pops this batch concurrently; harmless, because the value is
            // installed only if the stamp proves nobody changed the head since we read it.
        } while (!head.compareAndSet(h, nextStamp(h) | Integer.toUnsignedLong(first.nextBatch)));
        long outside = outsideShared.addAndGet(first.batchSize);
        long peak;
        while (outside > (peak = highWaterMark.get()) && !highWaterMark.compareAndSet(peak, outside)) {
            // another popper raised the peak meanwhile; compare again
        }
        return first;
    }

    private static long nextStamp(long head) {
        return ((head >>> 32) + 1) << 32;
    }

    /** The pool this class belongs to, where released slots go back. */
    BufferPool pool() {
        return pool;
    }

    /** The slot with index {@code index}, which the caller got from the free list or its own cache. */
    Slot slot(int index) {
        return slots[index];
    }

    /** The slot table as of now (slots are never removed). */
    Slot[] slots() {
        return slots;
    }

    long allocated() {
        return allocated;
    }

    long sharedFree() {
        return allocated - outsideShared.get();
    }

    long highWaterMark() {
        return highWaterMark.get();
    }

    long exhausted() {
        return exhausted.get();
    }

    void countExhausted() {
        exhausted.incrementAndGet();
    }
}
