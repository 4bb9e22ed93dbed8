package org.iocp4j.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Acquire + release of one 4 KiB direct buffer: iocp4j's {@link BufferPool} against Netty's
 * {@link PooledByteBufAllocator}, on one thread and on two threads sharing one pool. Each invocation
 * returns the handle to the blackhole so that escape analysis cannot remove the acquisition. The iocp4j
 * pool runs in both handle modes: {@code strictHandles=true} (the default: a new handle per acquisition,
 * every stale use detected) and {@code false} (recycled handles, no allocation). The Netty benchmarks do
 * not read the parameter; JMH runs them once per value all the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BufferPoolBenchmark {
    private static final int SIZE = 4096;

    /** The iocp4j pool's handle mode, see {@link BufferPool.Builder#strictHandles(boolean)}. */
    @Param({"true", "false"})
    public boolean strictHandles;

    private BufferPool pool;
    private PooledByteBufAllocator netty;

    /** One pool and one Netty allocator for all benchmark threads. */
    @Setup(Level.Trial)
    public void setUp() {
        pool = BufferPool.builder().sizeClasses(SIZE).maxBytes(256L << 20).strictHandles(strictHandles).build();
        netty = new PooledByteBufAllocator(true);
    }

    /** Frees the pool's slabs. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    private Buffer iocp4j() {
        Buffer b = pool.tryAcquire(SIZE);
        b.release();
        return b;
    }

    private ByteBuf netty() {
        ByteBuf b = netty.directBuffer(SIZE);
        b.release();
        return b;
    }

    /** iocp4j pool, one thread. */
    @Benchmark
    @Threads(1)
    public Buffer iocp4jAcquireRelease1Thread() {
        return iocp4j();
    }

    /** iocp4j pool, two threads. */
    @Benchmark
    @Threads(2)
    public Buffer iocp4jAcquireRelease2Threads() {
        return iocp4j();
    }

    /** Netty pooled direct buffers, one thread. */
    @Benchmark
    @Threads(1)
    public ByteBuf nettyAcquireRelease1Thread() {
        return netty();
    }

    /** Netty pooled direct buffers, two threads. */
    @Benchmark
    @Threads(2)
    public ByteBuf nettyAcquireRelease2Threads() {
        return netty();
    }
}
