package org.iocp4j.core;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a {@link BufferPool}'s accounting, taken by {@link BufferPool#metrics()}.
 *
 * @param maxBytes       the configured maximum
 * @param allocatedBytes bytes of slabs held from the operating system
 * @param slabs          number of slabs
 * @param sizeClasses    per size class, ascending
 * @param cachedPerThread free buffers (all classes) cached by each thread that has used the pool, keyed
 *                        by {@code threadName#threadId}
 */
public record PoolMetrics(long maxBytes, long allocatedBytes, int slabs, List<SizeClass> sizeClasses,
                          Map<String, Long> cachedPerThread) {

    /**
     * The accounting of one size class. At rest, {@code allocated == inUse + cached + sharedFree}.
     *
     * @param bufferSize    the class's buffer size
     * @param allocated     buffers carved from slabs
     * @param inUse         buffers acquired and not released
     * @param cached        free buffers held in thread caches
     * @param sharedFree    free buffers on the shared list
     * @param highWaterMark most buffers ever outside the shared list at once (in use or in a thread cache):
     *                      an upper bound of the peak in use, exact to within the thread caches' size
     * @param exhausted     acquisitions refused because the pool was at its maximum
     */
    public record SizeClass(int bufferSize, long allocated, long inUse, long cached, long sharedFree,
                            long highWaterMark, long exhausted) {
    }

    /** Buffers in use over all size classes. */
    public long inUse() {
        return sizeClasses.stream().mapToLong(SizeClass::inUse).sum();
    }

    /** Bytes in use over all size classes. */
    public long inUseBytes() {
        return sizeClasses.stream().mapToLong(c -> c.inUse() * c.bufferSize()).sum();
    }

    /** Acquisitions refused over all size classes. */
    public long exhausted() {
        return sizeClasses.stream().mapToLong(SizeClass::exhausted).sum();
    }
}
