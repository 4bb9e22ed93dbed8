package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private final RecordingPageAllocator pages = new RecordingPageAllocator();
    private final long page = pages.pageSize();

    private BufferPool.Builder builder() {
        return BufferPool.builder().pageAllocator(pages);
    }

    @Test
    void buffersNeverStraddleMorePagesThanTheyMust() {
        int small = (int) page / 3 + 5; // does not divide the page: the tail of each page stays unused
        int big = (int) page + 100;
        try (BufferPool pool = builder().sizeClasses(small, (int) page, big).slabBytes(4 * page).build()) {
            List<Buffer> held = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                for (int size : new int[] {small, (int) page, big}) {
                    Buffer b = pool.acquire(size);
                    held.add(b);
                    assertEquals(size, b.capacity());
                    long first = b.address() / page;
                    long last = (b.address() + b.capacity() - 1) / page;
                    if (size <= page) {
                        assertEquals(first, last, b + " straddles a page");
                    } else {
                        assertEquals(0, b.address() % page, b + " does not start a page");
                    }
                }
            }
            held.forEach(Buffer::release);
        }
    }

    @Test
    void smallestFittingClassIsChosenAndTooLargeIsRejected() {
        try (BufferPool pool = builder().sizeClasses(4096, 512, 1024).build()) {
            assertEquals(512, capacityAndRelease(pool.acquire(1)));
            assertEquals(1024, capacityAndRelease(pool.acquire(513)));
            assertEquals(4096, capacityAndRelease(pool.acquire(4096)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.acquire(4097));
            assertTrue(e.getMessage().contains("4097"), e.getMessage());
        }
    }

    private static int capacityAndRelease(Buffer b) {
        int capacity = b.capacity();
        b.release();
        return capacity;
    }

    @Test
    void slabIdentityLocatesEveryBuffer() {
        try (BufferPool pool = builder().slabBytes(2 * page).build()) {
            Map<Integer, Long> slabBase = new HashMap<>();
            List<Buffer> held = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Buffer b = pool.acquire(4096);
                held.add(b);
                long base = b.address() - b.slabOffset();
                assertEquals(0, base % page);
                Long known = slabBase.putIfAbsent(b.slabId(), base);
                assertTrue(known == null || known == base, "slab " + b.slabId() + " has two bases");
                Buffer slice = b.slice(100, 200);
                assertEquals(b.slabOffset() + 100, slice.slabOffset());
                assertEquals(b.address() + 100, slice.address());
            }
            assertEquals(5, slabBase.size());
            held.forEach(Buffer::release);
        }
    }

    @Test
    void referenceCountingDetectsDoubleReleaseAndUseAfterRelease() {
        try (BufferPool pool = builder().build()) {
            Buffer b = pool.acquire(100);
            long address = b.address();
            assertEquals(1, b.refCount());
            b.retain();
            assertEquals(2, b.refCount());
            assertFalse(b.release());
            b.segment().set(ValueLayout.JAVA_INT, 0, 42);
            assertTrue(b.release());
            assertEquals(0, b.refCount());
            IllegalStateException twice = assertThrows(IllegalStateException.class, b::release);
            assertTrue(twice.getMessage().contains("released after its last release"), twice.getMessage());
            assertThrows(IllegalStateException.class, b::segment);
            assertThrows(IllegalStateException.class, b::retain);

            // The same memory handed out again: the stale handle still fails, the new one is untouched.
            Buffer again = pool.acquire(100);
            assertEquals(address, again.address(), "thread cache is LIFO");
            assertThrows(IllegalStateException.class, b::address);
            IllegalStateException stale = assertThrows(IllegalStateException.class, b::release);
            assertTrue(stale.getMessage().contains("acquired again"), stale.getMessage());
            assertThrows(IllegalStateException.class, () -> b.slice(0, 1));
            assertEquals(1, again.refCount());
            assertTrue(again.release());
        }
    }

    @Test
    void recycledHandlesCatchStaleUseExceptWhenTheSameObjectIsIssuedAgain() {
        try (BufferPool pool = builder().strictHandles(false).build()) {
            assertFalse(pool.strictHandles());
            Buffer stale = pool.acquire(100);
            long address = stale.address();
            stale.writerIndex(100).readerIndex(10);
            assertTrue(stale.release());
            // The thread cache is LIFO, so every acquisition below gets the same memory. The next
            // Slot.HANDLES - 1 acquisitions get other handle objects: the stale one is caught each time.
            for (int i = 1; i < Slot.HANDLES; i++) {
                Buffer current = pool.acquire(100);
                assertEquals(address, current.address());
                assertNotSame(stale, current);
                assertThrows(IllegalStateException.class, stale::segment);
                assertThrows(IllegalStateException.class, stale::retain);
                IllegalStateException e = assertThrows(IllegalStateException.class, stale::release);
                assertTrue(e.getMessage().contains("acquired again"), e.getMessage());
                assertEquals(1, current.refCount(), "the stale release must not have touched the count");
                assertTrue(current.release());
            }
            // The documented bound: the Slot.HANDLES-th acquisition after it reissues the same object,
            // fresh for its new owner, and the old holder can no longer be told apart.
            Buffer reissued = pool.acquire(100);
            assertSame(stale, reissued);
            assertEquals(0, reissued.readerIndex());
            assertEquals(0, reissued.writerIndex());
            assertEquals(1, reissued.refCount());
            assertTrue(reissued.release());
            // One acquisition later it belongs to nobody again and is caught.
            Buffer next = pool.acquire(100);
            assertNotSame(stale, next);
            assertThrows(IllegalStateException.class, stale::release);
            assertTrue(next.release());
        }
    }

    @Test
    void strictHandlesCatchEveryStaleUse() {
        try (BufferPool leakDetecting = builder().leakDetection(true).strictHandles(false).build()) {
            assertTrue(leakDetecting.strictHandles(), "leak detection implies it");
        }
        try (BufferPool pool = builder().build()) {
            assertTrue(pool.strictHandles(), "the default");
            List<Buffer> earlier = new ArrayList<>();
            for (int i = 0; i < 4 * Slot.HANDLES; i++) {
                Buffer current = pool.acquire(100);
                for (Buffer stale : earlier) {
                    assertNotSame(stale, current);
                    assertEquals(stale.slabOffset(), current.slabOffset(), "thread cache is LIFO");
                    assertThrows(IllegalStateException.class, stale::segment);
                    assertThrows(IllegalStateException.class, stale::release);
                }
                assertEquals(1, current.refCount());
                assertTrue(current.release());
                earlier.add(current);
            }
        }
    }

    @Test
    void aBufferReleasedOnAnotherThreadGoesToThatThreadsCache() throws Exception {
        // Caches of two, exchanging one buffer at a time with the shared list: the counts below are exact.
        try (BufferPool pool = builder().threadCacheSize(2).build()) {
            Buffer b = pool.acquire(100);
            pool.acquire(100).release(); // the main thread's cache holds one buffer
            Thread releaser = new Thread(b::release, "releaser");
            releaser.start();
            releaser.join();
            Thread me = Thread.currentThread();
            assertEquals(Map.of(me.getName() + "#" + me.threadId(), 1L,
                    "releaser#" + releaser.threadId(), 1L), pool.metrics().cachedPerThread());
            assertThrows(IllegalStateException.class, b::release);
        }
    }

    @Test
    void threadsWhoseIdsCollideKeepSeparateCaches() throws Exception {
        try (BufferPool pool = builder().threadCacheSize(2).build()) {
            pool.acquire(100).release(); // the main thread takes its place in the by-thread-id table
            Thread me = Thread.currentThread();
            Thread other;
            do { // thread ids are assigned at construction; one in 64 consecutive ids collides
                other = new Thread(() -> {
                    Buffer a = pool.acquire(100);
                    Buffer b = pool.acquire(100);
                    a.release();
                    b.release();
                }, "colliding");
            } while ((other.threadId() - me.threadId()) % 64 != 0);
            other.start();
            other.join();
            assertEquals(Map.of(me.getName() + "#" + me.threadId(), 1L,
                    "colliding#" + other.threadId(), 2L), pool.metrics().cachedPerThread());
            pool.acquire(100).release();
            assertEquals(0, pool.metrics().inUse());
        }
    }

    @Test
    void slicesShareTheReferenceCount() {
        try (BufferPool pool = builder().build()) {
            Buffer b = pool.acquire(4096);
            b.segment().set(ValueLayout.JAVA_BYTE, 10, (byte) 7);
            Buffer slice = b.slice(10, 20);
            assertEquals(20, slice.capacity());
            assertEquals(20, slice.readableBytes());
            assertEquals(7, slice.readableSegment().get(ValueLayout.JAVA_BYTE, 0));
            slice.retain();
            assertEquals(2, b.refCount());
            assertFalse(b.release());
            assertTrue(slice.release());
            assertThrows(IllegalStateException.class, slice::segment);
            Buffer other = pool.acquire(1);
            assertThrows(IndexOutOfBoundsException.class, () -> other.slice(4000, 100));
            other.release();
        }
    }

    @Test
    void exhaustionIsBackPressureAndCounted() {
        try (BufferPool pool = builder().slabBytes(4 * page).maxBytes(8 * page).threadCacheSize(2).build()) {
            int perSlab = (int) (4 * page / 4096);
            List<Buffer> held = new ArrayList<>();
            Buffer b;
            while ((b = pool.tryAcquire(4096)) != null) {
                held.add(b);
            }
            assertEquals(2 * perSlab, held.size());
            assertThrows(BufferPoolExhaustedException.class, () -> pool.acquire(4096));
            PoolMetrics m = pool.metrics();
            assertEquals(2, m.exhausted());
            assertEquals(8 * page, m.allocatedBytes());
            assertEquals(2, m.slabs());
            held.removeFirst().release();
            Buffer freed = pool.tryAcquire(4096);
            assertNotNull(freed);
            freed.release();
            held.forEach(Buffer::release);
        }
        assertTrue(pages.live.isEmpty(), "regions left mapped: " + pages.live);
    }

    @Test
    void accountingAddsUp() {
        try (BufferPool pool = builder().slabBytes(16 * page).threadCacheSize(4).build()) {
            List<Buffer> held = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                held.add(pool.acquire(4096));
            }
            for (int i = 0; i < 3; i++) {
                held.removeLast().release();
            }
            PoolMetrics.SizeClass c = pool.metrics().sizeClasses().getFirst();
            assertEquals(16 * page / 4096, c.allocated());
            assertEquals(7, c.inUse());
            assertEquals(c.allocated(), c.inUse() + c.cached() + c.sharedFree(), c.toString());
            assertTrue(c.cached() <= 4, c.toString());
            assertTrue(c.highWaterMark() >= 10 && c.highWaterMark() <= 10 + 4, c.toString());
            assertEquals(7 * 4096, pool.metrics().inUseBytes());
            Thread me = Thread.currentThread();
            assertEquals(Map.of(me.getName() + "#" + me.threadId(), c.cached()), pool.metrics().cachedPerThread());
            held.forEach(Buffer::release);
            pool.trimThreadCache();
            c = pool.metrics().sizeClasses().getFirst();
            assertEquals(0, c.inUse());
            assertEquals(0, c.cached());
            assertEquals(c.allocated(), c.sharedFree());
        }
    }

    @Test
    void cachesOfDeadThreadsComeBack() throws Exception {
        try (BufferPool pool = builder().slabBytes(4 * page).maxBytes(4 * page).threadCacheSize(8).build()) {
            int total = (int) (4 * page / 4096);
            Thread t = new Thread(() -> {
                List<Buffer> held = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    held.add(pool.acquire(4096));
                }
                held.forEach(Buffer::release); // into this thread's cache
            });
            t.start();
            t.join();
            List<Buffer> held = new ArrayList<>();
            Buffer b;
            while ((b = pool.tryAcquire(4096)) != null) {
                held.add(b);
            }
            assertEquals(total, held.size(), "buffers stranded in the dead thread's cache");
            PoolMetrics.SizeClass c = pool.metrics().sizeClasses().getFirst();
            assertEquals(total, c.inUse());
            held.forEach(Buffer::release);
            assertEquals(0, pool.metrics().inUse());
        }
    }

    @Test
    void closeReportsLeaksWithWhereTheyWereAcquiredAndFreesEverything() {
        BufferPool pool = builder().leakDetection(true).sizeClasses(512, 4096).build();
        Buffer leaked = pool.acquire(4096);
        pool.acquire(10).release();
        Buffer alsoLeaked = pool.acquire(10);
        BufferLeakException e = assertThrows(BufferLeakException.class, pool::close);
        assertEquals(2, e.outstanding().size());
        assertTrue(e.getMessage().contains("closeReportsLeaksWithWhereTheyWereAcquiredAndFreesEverything"),
                e.getMessage());
        assertEquals(2, e.getSuppressed().length);
        assertTrue(pages.live.isEmpty(), "regions left mapped: " + pages.live);
        assertEquals(2, pages.allocations);
        // The memory is gone; touching it through the pool's handles fails instead of faulting.
        assertThrows(IllegalStateException.class, () -> leaked.segment().get(ValueLayout.JAVA_INT, 0));
        assertThrows(IllegalStateException.class, () -> pool.acquire(10));
        assertTrue(alsoLeaked.release(), "a release after close is accepted and does nothing");
        pool.close(); // idempotent
    }

    @Test
    void closeWithoutLeaksIsQuiet() {
        BufferPool pool = builder().build();
        pool.acquire(1).release();
        pool.close();
        assertTrue(pool.isClosed());
        assertTrue(pages.live.isEmpty());
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BufferPool.builder().sizeClasses());
        assertThrows(IllegalArgumentException.class, () -> BufferPool.builder().sizeClasses(0));
        assertThrows(IllegalArgumentException.class, () -> BufferPool.builder().threadCacheSize(3));
        assertThrows(IllegalArgumentException.class, () -> BufferPool.builder().maxBytes(0));
        assertThrows(IllegalArgumentException.class, () -> builder().sizeClasses(512, 512).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().slabBytes(1 << 20).maxBytes(page).build());
        assertTrue(e.getMessage().contains("smaller than one slab"), e.getMessage());
    }
}
