package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Properties of slices, chains and the pool's accounting over generated inputs. */
class BufferPropertiesTest {
    private static BufferPool pool;

    @BeforeContainer
    static void open() {
        pool = BufferPool.builder().sizeClasses(256, 4096).slabBytes(64 << 10).build();
    }

    @AfterContainer
    static void close() {
        pool.close(); // throws if any property leaked a buffer
    }

    /** A buffer's size, then reader and writer indices as fractions of it. */
    record Shape(int size, double reader, double writer) {
    }

    @Provide
    Arbitrary<List<Shape>> chains() {
        Arbitrary<Shape> shape = Combinators.combine(Arbitraries.of(1, 256, 4000, 4096),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1)).as(Shape::new);
        return shape.list().ofMinSize(0).ofMaxSize(12);
    }

    private static BufferChain build(List<Shape> shapes) {
        BufferChain chain = new BufferChain();
        for (Shape s : shapes) {
            Buffer b = pool.acquire(s.size());
            int w = (int) (s.writer() * b.capacity());
            int r = (int) (s.reader() * w);
            b.writerIndex(w).readerIndex(r);
            chain.add(b);
        }
        return chain;
    }

    @Property(tries = 300)
    void chainsDescribeExactlyTheirBytesInBothFormats(@ForAll("chains") List<Shape> shapes) {
        BufferChain chain = build(shapes);
        try (Arena arena = Arena.ofConfined()) {
            for (IoVectorFormat format : List.of(IoVectorFormat.WSABUF, IoVectorFormat.IOVEC)) {
                assertEquals(16, format.elementSize());
                MemorySegment vectors = format.allocateArray(arena, Math.max(1, chain.size()));
                for (boolean readable : new boolean[] {true, false}) {
                    int n = readable ? chain.writeReadable(vectors, format) : chain.writeWritable(vectors, format);
                    int k = 0;
                    long total = 0;
                    for (int i = 0; i < chain.size(); i++) {
                        Buffer b = chain.get(i);
                        int length = readable ? b.readableBytes() : b.writableBytes();
                        if (length == 0) {
                            continue;
                        }
                        long start = b.address() + (readable ? b.readerIndex() : b.writerIndex());
                        assertEquals(start, format.address(vectors, k), format + " element " + k);
                        assertEquals(length, format.length(vectors, k), format + " element " + k);
                        total += length;
                        k++;
                    }
                    assertEquals(k, n);
                    assertEquals(readable ? chain.readableBytes() : chain.writableBytes(), total);
                }
            }
        } finally {
            chain.release();
        }
    }

    @Property(tries = 300)
    void advancingConsumesFrontToBack(@ForAll("chains") List<Shape> shapes, @ForAll Random random) {
        BufferChain chain = build(shapes);
        try {
            long readable = chain.readableBytes();
            long step = readable == 0 ? 0 : random.nextLong(readable + 1);
            chain.advanceReaderIndex(step);
            assertEquals(readable - step, chain.readableBytes());
            boolean seenNonEmpty = false;
            for (int i = 0; i < chain.size(); i++) {
                // once a buffer still has readable bytes, every later one is untouched
                if (seenNonEmpty) {
                    Buffer b = chain.get(i);
                    assertEquals(build1Reader(shapes.get(i), b.capacity()), b.readerIndex());
                }
                seenNonEmpty |= chain.get(i).readableBytes() > 0;
            }
            long writable = chain.writableBytes();
            long fill = writable == 0 ? 0 : random.nextLong(writable + 1);
            chain.advanceWriterIndex(fill);
            assertEquals(writable - fill, chain.writableBytes());
        } finally {
            chain.release();
        }
    }

    private static int build1Reader(Shape s, int capacity) {
        return (int) (s.reader() * (int) (s.writer() * capacity));
    }

    @Property(tries = 300)
    void slicesAreViewsOfTheirParent(@ForAll("chains") List<Shape> shapes, @ForAll Random random) {
        for (Shape s : shapes) {
            Buffer b = pool.acquire(s.size());
            int offset = random.nextInt(b.capacity() + 1);
            int length = random.nextInt(b.capacity() - offset + 1);
            Buffer slice = b.slice(offset, length);
            assertEquals(b.address() + offset, slice.address());
            assertEquals(b.slabOffset() + offset, slice.slabOffset());
            assertEquals(b.slabId(), slice.slabId());
            assertEquals(length, slice.readableBytes());
            if (length > 0) {
                slice.segment().set(ValueLayout.JAVA_BYTE, length - 1, (byte) 0x5A);
                assertEquals(0x5A, b.segment().get(ValueLayout.JAVA_BYTE, offset + length - 1));
            }
            slice.retain();
            assertEquals(2, b.refCount());
            slice.release();
            b.release();
            assertEquals(0, slice.refCount());
        }
    }

    @Property(tries = 100)
    void accountingMatchesAModel(@ForAll Random random) {
        // One thread: every free buffer is in this thread's cache or on the shared list, so the pool must
        // refuse exactly when the model says every buffer is in use.
        RecordingPageAllocator pages = new RecordingPageAllocator();
        int slabs = 1 + random.nextInt(3);
        long slabBytes = 2 * pages.pageSize();
        int perSlab = (int) (slabBytes / 1024);
        try (BufferPool small = BufferPool.builder().pageAllocator(pages).sizeClasses(1024)
                .slabBytes(slabBytes).maxBytes(slabs * slabBytes).threadCacheSize(2 + 2 * random.nextInt(4))
                .build()) {
            List<Buffer> held = new ArrayList<>();
            long refused = 0;
            int peak = 0;
            for (int op = 0; op < 300; op++) {
                if (random.nextInt(5) < 3) {
                    Buffer b = small.tryAcquire(1 + random.nextInt(1024));
                    if (held.size() == slabs * perSlab) {
                        assertNull(b);
                        refused++;
                    } else {
                        assertNotNull(b);
                        held.add(b);
                        peak = Math.max(peak, held.size());
                    }
                } else if (!held.isEmpty()) {
                    Collections.swap(held, random.nextInt(held.size()), held.size() - 1);
                    held.removeLast().release();
                }
                PoolMetrics.SizeClass c = small.metrics().sizeClasses().getFirst();
                assertEquals(held.size(), c.inUse());
                assertEquals(refused, c.exhausted());
                assertEquals(c.allocated(), c.inUse() + c.cached() + c.sharedFree(), c.toString());
                assertTrue(c.highWaterMark() >= peak, c.toString());
                assertEquals(small.outstanding().size(), held.size());
            }
            held.forEach(Buffer::release);
        }
        assertTrue(pages.live.isEmpty());
    }

    @Property(tries = 50)
    void aHandleWorksExactlyWhileItIsTheHandleOfALiveAcquisition(@ForAll Random random, @ForAll boolean strict) {
        // Four buffers and caches that exchange one at a time, so buffers are acquired again often.
        RecordingPageAllocator pages = new RecordingPageAllocator();
        long slabBytes = 4 * 4096;
        try (BufferPool small = BufferPool.builder().pageAllocator(pages).sizeClasses(4096).slabBytes(slabBytes)
                .maxBytes(SizeClass.roundUp(slabBytes, pages.pageSize())).threadCacheSize(2)
                .strictHandles(strict).build()) {
            List<Buffer> live = new ArrayList<>();
            // Every handle object ever returned, with the number of its buffer's acquisition it was last
            // returned for.
            Map<Buffer, Integer> issuedFor = new IdentityHashMap<>();
            Map<Long, Integer> acquisitions = new HashMap<>();
            for (int op = 0; op < 100; op++) {
                Buffer b = live.isEmpty() || random.nextBoolean() ? small.tryAcquire(4096) : null;
                if (b != null) {
                    int n = acquisitions.merge(b.slabOffset(), 1, Integer::sum);
                    Integer previous = issuedFor.put(b, n);
                    if (previous != null) {
                        assertFalse(strict, "a strict pool returned a handle object twice");
                        assertEquals(previous + Slot.HANDLES, n, "a handle object came back too early");
                    }
                    assertEquals(0, b.writerIndex());
                    b.writerIndex(1 + random.nextInt(4096));
                    live.add(b);
                } else if (!live.isEmpty()) {
                    assertTrue(live.remove(random.nextInt(live.size())).release());
                }
                for (Buffer h : issuedFor.keySet()) {
                    if (live.stream().anyMatch(l -> l == h)) {
                        assertEquals(1, h.refCount());
                        h.segment();
                    } else {
                        assertEquals(0, h.refCount());
                        assertThrows(IllegalStateException.class, h::segment);
                    }
                }
            }
            live.forEach(Buffer::release);
        }
        assertTrue(pages.live.isEmpty());
    }
}
