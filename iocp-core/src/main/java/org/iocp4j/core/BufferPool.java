package org.iocp4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded pool of fixed-size, page-aligned, off-heap I/O buffers.
 *
 * <p><b>Memory.</b> Slabs of whole pages come straight from the operating system ({@code VirtualAlloc} on
 * Windows, {@code mmap} on Linux) and are cut into buffers of the configured size classes. A buffer no
 * larger than a page never straddles a page boundary; a larger one starts on a page boundary. Pages that
 * overlapped I/O locks are therefore as few as possible, and every buffer keeps its slab's identity
 * ({@link Buffer#slabId()}, {@link Buffer#slabOffset()}) for registration with RIO or io_uring.
 *
 * <p><b>Bounded.</b> The pool never holds more than {@link Builder#maxBytes} of slabs. When that is reached
 * and no buffer is free, {@link #tryAcquire} returns {@code null} and {@link #acquire} throws
 * {@link BufferPoolExhaustedException}; {@link PoolMetrics.SizeClass#exhausted()} counts the refusals. This is
 * the back-pressure the WSAENOBUFS failure mode calls for: an overloaded server stops posting reads instead
 * of locking ever more memory.
 *
 * <p><b>Threads.</b> Acquisition and release take no lock. Each thread keeps a small cache of free buffers
 * per size class in front of a shared lock-free list and exchanges buffers with it a batch at a time, so a
 * buffer released on another thread reaches the threads that acquire through the shared list without
 * per-buffer contention. A thread cache holds at most {@link Builder#threadCacheSize} buffers per class;
 * those are free but reserved for that thread, so with {@code t} threads up to {@code t × threadCacheSize}
 * free buffers per class may be unavailable to others. Call {@link #trimThreadCache()} before a thread
 * stops using the pool; caches of threads that died are reclaimed when a class runs dry.
 *
 * <p><b>Safety.</b> Buffers are reference counted; a use after the last release or a release too many
 * throws {@link IllegalStateException}, also after the memory has been acquired again: always with
 * {@link Builder#strictHandles strict handles} (the default), and within the bound that recycling
 * handles implies when they are turned off (see {@link Buffer}; acquisition and release then allocate
 * nothing). Closing the pool
 * frees every slab; buffers still outstanding are reported by a {@link BufferLeakException}, and any later
 * access to their memory throws rather than touching unmapped pages.
 *
 * <p>Build one with {@link #builder()}.
 */
public final class BufferPool implements AutoCloseable {
    /** Length of {@link #cachesByThreadId}; a power of two. */
    private static final int CACHES_BY_THREAD_ID = 64;

    private final PageAllocator pageAllocator;
    private final long maxBytes;
    private final int threadCacheSize;
    private final boolean leakDetection;
    /** A new handle per acquisition instead of recycled ones; see {@link Buffer}. */
    private final boolean strictHandles;
    /** Ascending by buffer size. */
    private final SizeClass[] classes;
    /** Every slab's memory is bound to this arena; closing it makes stale accesses fail safely. */
    private final Arena arena = Arena.ofShared();
    private final ThreadLocal<ThreadCache> caches = ThreadLocal.withInitial(this::registerCache);
    /**
     * Thread caches by thread id modulo the length, in front of {@link #caches}: a hit costs a few loads
     * where a {@link ThreadLocal} lookup costs several times that. A thread whose entry holds another
     * live thread's cache falls back to the thread-local. Entries are written under the lock by the
     * owning thread itself (or cleared for a dead owner) and read racily: a reader uses an entry only if
     * its final {@code owner} is the reader, and only that thread ever installs it.
     */
    private final ThreadCache[] cachesByThreadId = new ThreadCache[CACHES_BY_THREAD_ID];

    /** Guards slab allocation, the cache registry, retired counters and closing. Never on the hot path. */
    private final Object lock = new Object();
    private final List<Slab> slabs = new ArrayList<>();
    private final List<ThreadCache> registry = new ArrayList<>();
    /** Acquisitions and releases counted by caches of threads that have died, per class. */
    private final long[] retiredAcquired;
    private final long[] retiredReleased;
    /** Bytes of slabs held. Written under the lock; volatile for metric readers. */
    private volatile long allocatedBytes;
    /** Read on every acquisition and release; volatile so a close is seen by all threads promptly. */
    private volatile boolean closed;

    private BufferPool(Builder b) {
        this.pageAllocator = b.pageAllocator != null ? b.pageAllocator : PageAllocator.forCurrentOs();
        this.maxBytes = b.maxBytes;
        this.threadCacheSize = b.threadCacheSize;
        this.leakDetection = b.leakDetection;
        this.strictHandles = b.strictHandles || b.leakDetection;
        long pageSize = pageAllocator.pageSize();
        int[] sizes = b.sizeClasses.clone();
        Arrays.sort(sizes);
        this.classes = new SizeClass[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0 && sizes[i] == sizes[i - 1]) {
                throw new IllegalArgumentException("size class " + sizes[i] + " given twice");
            }
            classes[i] = new SizeClass(this, i, sizes[i], pageSize, b.slabBytes, threadCacheSize / 2);
            if (classes[i].slabBytes > maxBytes) {
                throw new IllegalArgumentException("maxBytes " + maxBytes + " is smaller than one slab ("
                        + classes[i].slabBytes + " bytes) of size class " + sizes[i]);
            }
        }
        this.retiredAcquired = new long[classes.length];
        this.retiredReleased = new long[classes.length];
    }

    /** A builder with the defaults: one 4 KiB size class, 64 MiB at most, 1 MiB slabs, caches of 64. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A buffer of at least {@code minCapacity} bytes (the smallest size class that fits), with one
     * reference, reader and writer index 0; or {@code null} when the pool is at its maximum and has no
     * free buffer of that class.
     *
     * @throws IllegalArgumentException if {@code minCapacity} is above {@link #maxBufferSize()} (the message
     *                                  says how to send more) or negative
     * @throws IllegalStateException    if the pool is closed
     * @throws UncheckedIOException     if the operating system refused memory below the maximum
     */
    public Buffer tryAcquire(int minCapacity) {
        SizeClass sizeClass = classFor(minCapacity);
        if (closed) {
            throw new IllegalStateException("buffer pool is closed");
        }
        ThreadCache.PerClass cache = cache().perClass[sizeClass.ordinal];
        Slot slot = cache.take();
        if (slot == null) {
            slot = acquireSlow(cache);
            if (slot == null) {
                return null;
            }
        }
        if (slot.acquiredFrom != cache) {
            slot.acquiredFrom = cache; // only when it changes: a reference store costs a G1 write barrier
        }
        if (strictHandles) {
            if (leakDetection) {
                slot.acquiredAt = new Throwable("buffer acquired by " + Thread.currentThread().getName());
            }
            return slot.freshHandle(slot.acquire());
        }
        return slot.recycledHandle(slot.acquire());
    }

    /**
     * Like {@link #tryAcquire} but throws when the pool is exhausted.
     *
     * @throws BufferPoolExhaustedException when the pool is at its maximum with no free buffer of the class
     */
    public Buffer acquire(int minCapacity) {
        Buffer buffer = tryAcquire(minCapacity);
        if (buffer == null) {
            throw new BufferPoolExhaustedException(minCapacity, maxBytes);
        }
        return buffer;
    }

    private SizeClass classFor(int minCapacity) {
        if (minCapacity < 0) {
            throw new IllegalArgumentException("buffer of " + minCapacity + " bytes: the size is negative");
        }
        for (SizeClass c : classes) {
            if (c.bufferSize >= minCapacity) {
                return c;
            }
        }
        throw new IllegalArgumentException("no buffer holds " + minCapacity + " bytes: the largest size class is "
                + maxBufferSize() + " bytes (classes " + Arrays.toString(sizeClasses()) + "); spread the bytes over"
                + " several buffers (a BufferChain), or let Connection.write(byte[]) / write(ByteBuffer) copy them"
                + " into as many pooled buffers as they need");
    }

    /** The size classes, ascending. */
    public int[] sizeClasses() {
        return Arrays.stream(classes).mapToInt(c -> c.bufferSize).toArray();
    }

    /** The largest buffer the pool hands out: its largest size class. */
    public int maxBufferSize() {
        return classes[classes.length - 1].bufferSize;
    }

    /** The operating system's page size the pool aligns to. */
    public long pageSize() {
        return pageAllocator.pageSize();
    }

    /**
     * The slow path once this thread's cache and the shared list are empty: reclaim caches of dead
     * threads, else add a slab if the maximum allows; then take from the shared list again.
     */
    private Slot acquireSlow(ThreadCache.PerClass cache) {
        SizeClass sizeClass = cache.sizeClass;
        for (;;) {
            synchronized (lock) {
                if (closed) {
                    throw new IllegalStateException("buffer pool is closed");
                }
                if (sizeClass.sharedFree() == 0 && !reclaimDeadThreads(sizeClass)) {
                    if (allocatedBytes + sizeClass.slabBytes > maxBytes) {
                        sizeClass.countExhausted();
                        return null;
                    }
                    addSlab(sizeClass);
                }
            }
            Slot slot = cache.take();
            if (slot != null) {
                return slot;
            }
        }
    }

    private void addSlab(SizeClass sizeClass) {
        MemorySegment raw;
        try {
            raw = pageAllocator.allocate(sizeClass.slabBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not add a slab of " + sizeClass.slabBytes
                    + " bytes for " + sizeClass.bufferSize + "-byte buffers", e);
        }
        Slab slab = new Slab(slabs.size(), raw, raw.reinterpret(arena, null), sizeClass);
        slabs.add(slab);
        allocatedBytes += raw.byteSize();
        sizeClass.addSlab(slab);
    }

    /**
     * Drains and unregisters caches whose thread died. Under the lock.
     *
     * @param wanted the class the caller needs, or null
     * @return whether any slot of {@code wanted} came back
     */
    private boolean reclaimDeadThreads(SizeClass wanted) {
        boolean found = false;
        for (var it = registry.iterator(); it.hasNext(); ) {
            ThreadCache cache = it.next();
            if (cache.owner.isAlive()) {
                continue;
            }
            for (ThreadCache.PerClass pc : cache.perClass) {
                found |= pc.sizeClass == wanted && pc.count() > 0;
                pc.drain();
                retiredAcquired[pc.sizeClass.ordinal] += pc.acquired();
                retiredReleased[pc.sizeClass.ordinal] += pc.released();
            }
            it.remove();
            int slot = threadIdSlot(cache.owner);
            if (cachesByThreadId[slot] == cache) {
                cachesByThreadId[slot] = null;
            }
        }
        return found;
    }

    /** The calling thread's cache. */
    private ThreadCache cache() {
        Thread thread = Thread.currentThread();
        ThreadCache cache = cachesByThreadId[threadIdSlot(thread)];
        return cache != null && cache.owner == thread ? cache : caches.get();
    }

    private static int threadIdSlot(Thread thread) {
        return (int) thread.threadId() & (CACHES_BY_THREAD_ID - 1);
    }

    private ThreadCache registerCache() {
        ThreadCache cache = new ThreadCache(Thread.currentThread(), classes, threadCacheSize);
        synchronized (lock) {
            // Also the moment to drop caches of threads that have come and gone, so that the registry
            // tracks live threads even when no class ever runs dry.
            reclaimDeadThreads(null);
            registry.add(cache);
            int slot = threadIdSlot(cache.owner);
            if (cachesByThreadId[slot] == null) {
                cachesByThreadId[slot] = cache;
            }
        }
        return cache;
    }

    /**
     * Returns a freed slot through the releasing thread's cache when that thread did not acquire it from
     * there ({@link Slot#recycle()} handles the common case).
     */
    void recycleElsewhere(Slot slot) {
        if (closed) {
            return; // no cache needed: nothing will be acquired again
        }
        cache().perClass[slot.sizeClass.ordinal].put(slot);
    }

    /** Whether every acquisition gets a new {@link Buffer} handle (see {@link Builder#strictHandles}). */
    public boolean strictHandles() {
        return strictHandles;
    }

    /** Whether acquisitions record their stack trace for {@link #outstanding()}. */
    public boolean leakDetection() {
        return leakDetection;
    }

    /**
     * Moves every buffer cached by the calling thread back to the shared list, so other threads can use
     * them. Call it before a thread stops using the pool.
     */
    public void trimThreadCache() {
        for (ThreadCache.PerClass pc : cache().perClass) {
            pc.drain();
        }
    }

    /**
     * Buffers acquired and not yet released, with where each was acquired if leak detection is on. Exact
     * when no other thread is acquiring or releasing.
     */
    public List<OutstandingBuffer> outstanding() {
        List<OutstandingBuffer> out = new ArrayList<>();
        for (SizeClass c : classes) {
            for (Slot s : c.slots()) {
                if (s.inUse()) {
                    out.add(new OutstandingBuffer(s.slab.id(), s.slabOffset, c.bufferSize, s.acquiredAt));
                }
            }
        }
        return out;
    }

    /**
     * A snapshot of the pool's accounting. Each count is exact when no thread is acquiring or releasing;
     * under load each is a recent value, and the classes' invariant
     * {@code allocated == inUse + cached + sharedFree} holds only at rest.
     */
    public PoolMetrics metrics() {
        synchronized (lock) {
            Map<String, Long> perThread = new LinkedHashMap<>();
            for (ThreadCache cache : registry) {
                long cached = 0;
                for (ThreadCache.PerClass pc : cache.perClass) {
                    cached += pc.count();
                }
                perThread.put(cache.owner.getName() + "#" + cache.owner.threadId(), cached);
            }
            List<PoolMetrics.SizeClass> perClass = new ArrayList<>(classes.length);
            for (SizeClass c : classes) {
                long acquired = retiredAcquired[c.ordinal];
                long released = retiredReleased[c.ordinal];
                long cached = 0;
                for (ThreadCache cache : registry) {
                    ThreadCache.PerClass pc = cache.perClass[c.ordinal];
                    // Released before acquired: a buffer acquired after we read `released` can only make
                    // the in-use figure larger, never negative.
                    released += pc.released();
                    acquired += pc.acquired();
                    cached += pc.count();
                }
                perClass.add(new PoolMetrics.SizeClass(c.bufferSize, c.allocated(), acquired - released,
                        cached, c.sharedFree(), c.highWaterMark(), c.exhausted()));
            }
            return new PoolMetrics(maxBytes, allocatedBytes, slabs.size(), List.copyOf(perClass),
                    Collections.unmodifiableMap(perThread));
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Frees every slab. Buffers must not be in use by pending I/O: the kernel would write into freed
     * memory. Any later access through a buffer of this pool throws {@link IllegalStateException}.
     * Closing twice does nothing.
     *
     * @throws BufferLeakException   after freeing everything, if buffers were still outstanding
     * @throws UncheckedIOException if the operating system refused to free a slab
     */
    @Override
    public void close() {
        List<OutstandingBuffer> leaked;
        List<IOException> failures = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            leaked = outstanding();
            // Closing a shared arena waits until no thread is inside an access to its segments, then
            // makes every later access throw; only after that may the pages go.
            arena.close();
            for (Slab slab : slabs) {
                try {
                    pageAllocator.free(slab.raw());
                } catch (IOException e) {
                    failures.add(e);
                }
            }
            allocatedBytes = 0;
        }
        if (!failures.isEmpty()) {
            UncheckedIOException e = new UncheckedIOException("could not free " + failures.size()
                    + " of the pool's slabs", failures.getFirst());
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        if (!leaked.isEmpty()) {
            throw new BufferLeakException(leaked);
        }
    }

    /**
     * Configures a {@link BufferPool}. Every setter checks its argument and throws
     * {@link IllegalArgumentException} naming what was wrong.
     */
    public static final class Builder {
        private int[] sizeClasses = {4096};
        private long maxBytes = 64L << 20;
        private long slabBytes = 1L << 20;
        private int threadCacheSize = 64;
        private boolean leakDetection;
        private boolean strictHandles = true;
        private PageAllocator pageAllocator;

        private Builder() {
        }

        /** Buffer sizes in bytes, each positive; default one class of 4096. */
        public Builder sizeClasses(int... sizes) {
            if (sizes.length == 0) {
                throw new IllegalArgumentException("at least one size class is needed");
            }
            for (int size : sizes) {
                if (size <= 0) {
                    throw new IllegalArgumentException("size class " + size + " is not positive");
                }
            }
            this.sizeClasses = sizes.clone();
            return this;
        }

        /** The most bytes of slabs the pool may hold; default 64 MiB. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes " + maxBytes + " is not positive");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Bytes per slab, rounded up to whole pages and to at least one buffer; default 1 MiB. Larger
         * slabs mean fewer system calls and fewer RIO / io_uring registrations.
         */
        public Builder slabBytes(long slabBytes) {
            if (slabBytes <= 0) {
                throw new IllegalArgumentException("slabBytes " + slabBytes + " is not positive");
            }
            this.slabBytes = slabBytes;
            return this;
        }

        /**
         * Free buffers a thread keeps per size class, an even number of at least 2; default 64. A thread
         * exchanges half of that with the shared list at a time.
         */
        public Builder threadCacheSize(int threadCacheSize) {
            if (threadCacheSize < 2 || threadCacheSize % 2 != 0) {
                throw new IllegalArgumentException("threadCacheSize " + threadCacheSize
                        + " is not an even number of at least 2");
            }
            this.threadCacheSize = threadCacheSize;
            return this;
        }

        /**
         * Whether every acquisition records its stack trace, reported by {@link BufferPool#outstanding()}
         * and on close. Costs a stack walk per acquisition; default off.
         */
        public Builder leakDetection(boolean leakDetection) {
            this.leakDetection = leakDetection;
            return this;
        }

        /**
         * Whether every acquisition returns a new {@link Buffer} handle, so that any use of a stale handle
         * is detected, at the price of one small (short-lived) allocation per acquisition. On by default,
         * because a release through a stale handle must never silently drop the reference of the buffer's
         * next owner. Turned off, handles are recycled (acquisition and release allocate nothing) and a
         * stale handle escapes detection only in the case {@link Buffer} describes: for code that never
         * keeps a handle past its release, such as an engine's own receive path.
         * {@link #leakDetection(boolean) Leak detection} forces it on.
         */
        public Builder strictHandles(boolean strictHandles) {
            this.strictHandles = strictHandles;
            return this;
        }

        /** Memory from somewhere other than the OS's anonymous pages: the backend's, or a test's allocator. */
        Builder pageAllocator(PageAllocator pageAllocator) {
            this.pageAllocator = Objects.requireNonNull(pageAllocator, "pageAllocator");
            return this;
        }

        /**
         * A new pool. No memory is taken until the first acquisition.
         *
         * @throws IllegalArgumentException if a size class is given twice or a slab exceeds maxBytes
         */
        public BufferPool build() {
            return new BufferPool(this);
        }
    }
}
