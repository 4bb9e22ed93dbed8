package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Many threads, random delays and cross-thread handovers, checking every invariant as they go. No timing
 * assertions: every check is about what happened, not how fast.
 */
class ConcurrencyStressTest {
    private static final int THREADS = 8;

    /** Occasional delays so that threads interleave at many different points. */
    private static void jitter(SplittableRandom random) {
        int r = random.nextInt(1000);
        if (r < 5) {
            LockSupport.parkNanos(1_000 + random.nextInt(20_000));
        } else if (r < 50) {
            Thread.yield();
        } else if (r < 150) {
            for (int i = random.nextInt(50); i > 0; i--) {
                Thread.onSpinWait();
            }
        }
    }

    private static void runAll(Runnable[] bodies, List<Throwable> failures) throws InterruptedException {
        Thread[] threads = new Thread[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            Runnable body = bodies[i];
            threads[i] = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "stress-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(120_000);
            assertTrue(!t.isAlive(), t.getName() + " is stuck");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " thread(s) failed", failures.getFirst());
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    @Test
    void poolUnderContention() throws Exception {
        RecordingPageAllocator pages = new RecordingPageAllocator();
        long page = pages.pageSize();
        long slabBytes = 16 * page;
        int perSlab = (int) (slabBytes / 4096);
        int slabs = 32;
        BufferPool pool = BufferPool.builder().pageAllocator(pages).sizeClasses(1024, 4096)
                .slabBytes(slabBytes).maxBytes(slabs * slabBytes).threadCacheSize(8).build();
        // Ownership table: the references the test holds per (class, slab, index), counted up on acquisition
        // and retain and down just before each release. An acquisition of a buffer that still has holders
        // fails the CAS from 0.
        int maxBuffers = slabs * (int) (slabBytes / 1024);
        AtomicIntegerArray owned = new AtomicIntegerArray(2 * maxBuffers);
        List<Queue<Buffer>> inboxes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            inboxes.add(new ConcurrentLinkedQueue<>());
        }
        AtomicLong refused = new AtomicLong();
        AtomicLong operations = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        int opsPerThread = 250_000;

        Runnable[] bodies = new Runnable[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int self = t;
            bodies[t] = () -> {
                SplittableRandom random = new SplittableRandom(self * 7919L);
                List<Buffer> held = new ArrayList<>();
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int op = 0; op < opsPerThread; op++) {
                    int r = random.nextInt(100);
                    if (r < 45 && held.size() < 16) {
                        int size = random.nextBoolean() ? 1024 : 4096;
                        Buffer b = pool.tryAcquire(random.nextInt(size) + 1);
                        if (b == null) {
                            // Back-pressure: give everything back, as a server would stop reading.
                            refused.incrementAndGet();
                            releaseAll(held, owned, perSlab);
                            operations.incrementAndGet();
                            continue;
                        }
                        int key = key(b, perSlab);
                        if (!owned.compareAndSet(key, 0, 1)) {
                            throw new AssertionError("two owners of " + b);
                        }
                        long token = tokens.incrementAndGet();
                        b.segment().set(ValueLayout.JAVA_LONG, 0, token);
                        b.segment().set(ValueLayout.JAVA_LONG, b.capacity() - 8, ~token);
                        b.writerIndex(16);
                        held.add(b);
                    } else if (r < 70 && !held.isEmpty()) {
                        releaseOne(held.remove(random.nextInt(held.size())), owned, perSlab);
                    } else if (r < 90 && !held.isEmpty()) {
                        // Hand over to another thread, sometimes sharing it (retain: both release).
                        Buffer b = held.remove(random.nextInt(held.size()));
                        Queue<Buffer> to = inboxes.get(random.nextInt(THREADS));
                        if (random.nextInt(4) == 0) {
                            owned.incrementAndGet(key(b, perSlab));
                            b.retain();
                            to.add(b);
                            releaseOne(b, owned, perSlab);
                        } else {
                            to.add(b);
                        }
                    } else {
                        Buffer b;
                        while ((b = inboxes.get(self).poll()) != null) {
                            releaseOne(b, owned, perSlab);
                        }
                    }
                    operations.incrementAndGet();
                    jitter(random);
                }
                releaseAll(held, owned, perSlab);
            };
        }
        runAll(bodies, failures);
        for (Queue<Buffer> inbox : inboxes) {
            Buffer b;
            while ((b = inbox.poll()) != null) {
                releaseOne(b, owned, perSlab);
            }
        }
        assertEquals(THREADS * (long) opsPerThread, operations.get());
        PoolMetrics m = pool.metrics();
        assertEquals(0, m.inUse(), m.toString());
        assertEquals(refused.get(), m.exhausted(), m.toString());
        for (PoolMetrics.SizeClass c : m.sizeClasses()) {
            assertEquals(c.allocated(), c.cached() + c.sharedFree(), c.toString());
        }
        assertTrue(m.allocatedBytes() <= slabs * slabBytes, m.toString());
        assertEquals(List.of(), pool.outstanding());
        for (int i = 0; i < owned.length(); i++) {
            assertEquals(0, owned.get(i), "references of buffer " + i + " left over");
        }
        pool.close();
        assertTrue(pages.live.isEmpty(), "regions left mapped: " + pages.live);
        System.out.printf("pool stress: %d operations, %d tokens, %d refusals, %s%n", operations.get(),
                tokens.get(), refused.get(), m);
    }

    private static int key(Buffer b, int perSlab4k) {
        // 1024-byte buffers at even keys, 4096-byte at odd ones; slab ids are pool-wide.
        long unit = b.capacity();
        return (int) (2 * (b.slabId() * (long) perSlab4k * 4 + b.slabOffset() / unit) + (unit == 4096 ? 1 : 0));
    }

    private static void releaseAll(List<Buffer> held, AtomicIntegerArray owned, int perSlab) {
        for (Buffer b : held) {
            releaseOne(b, owned, perSlab);
        }
        held.clear();
    }

    /** Checks the contents are this owner's, then gives up this holder's reference. */
    private static void releaseOne(Buffer b, AtomicIntegerArray owned, int perSlab) {
        long token = b.segment().get(ValueLayout.JAVA_LONG, 0);
        if (b.segment().get(ValueLayout.JAVA_LONG, b.capacity() - 8) != ~token) {
            throw new AssertionError("contents of " + b + " overwritten by another owner");
        }
        if (owned.decrementAndGet(key(b, perSlab)) < 0) {
            throw new AssertionError("more releases than references of " + b);
        }
        b.release();
    }

    @Test
    void sequencerUnderContention() throws Exception {
        long total = 1_500_000;
        AtomicInteger inHandler = new AtomicInteger();
        long[] expected = {0}; // written only inside the handler, which never runs concurrently
        AtomicLong deliveredCount = new AtomicLong();
        Sequencer<long[]> sequencer = new Sequencer<>(256, (seq, item) -> {
            if (inHandler.incrementAndGet() != 1) {
                throw new AssertionError("two deliveries at once");
            }
            if (seq != expected[0] || item[0] != seq) {
                throw new AssertionError("delivered " + seq + " (item " + item[0] + ") but expected "
                        + expected[0]);
            }
            expected[0]++;
            deliveredCount.incrementAndGet();
            inHandler.decrementAndGet();
        });
        List<Queue<long[]>> inboxes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            inboxes.add(new ConcurrentLinkedQueue<>());
        }
        AtomicLong issuedCount = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Runnable[] bodies = new Runnable[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int self = t;
            bodies[t] = () -> {
                SplittableRandom random = new SplittableRandom(self * 104729L);
                List<long[]> local = new ArrayList<>();
                while (deliveredCount.get() < total) {
                    long[] item;
                    // Complete some of what others handed us, in the order it arrived.
                    for (int i = random.nextInt(4); i >= 0 && (item = inboxes.get(self).poll()) != null; i--) {
                        sequencer.complete(item[0], item);
                    }
                    if (issuedCount.get() < total) {
                        long seq = sequencer.tryIssue();
                        if (seq != Sequencer.NO_SEQUENCE && issuedCount.incrementAndGet() <= total) {
                            item = new long[] {seq};
                            int r = random.nextInt(10);
                            if (r < 4) {
                                sequencer.complete(seq, item);
                            } else if (r < 7) {
                                local.add(item);
                            } else {
                                inboxes.get(random.nextInt(THREADS)).add(item);
                            }
                        } else if (seq != Sequencer.NO_SEQUENCE) {
                            // Over quota: still complete it, or the stream would wait for it forever.
                            sequencer.complete(seq, new long[] {seq});
                        }
                    }
                    // Held completions finish in random order.
                    if (!local.isEmpty() && (local.size() > 8 || random.nextInt(3) == 0)) {
                        item = local.remove(random.nextInt(local.size()));
                        sequencer.complete(item[0], item);
                    }
                    if (issuedCount.get() >= total) {
                        for (long[] rest : local) {
                            sequencer.complete(rest[0], rest);
                        }
                        local.clear();
                    }
                    jitter(random);
                }
            };
        }
        runAll(bodies, failures);
        assertEquals(sequencer.issued(), deliveredCount.get());
        assertEquals(sequencer.issued(), expected[0]);
        assertEquals(sequencer.issued(), sequencer.nextToDeliver());
        assertTrue(deliveredCount.get() >= total);
        System.out.printf("sequencer stress: %d delivered in order%n", deliveredCount.get());
    }
}
