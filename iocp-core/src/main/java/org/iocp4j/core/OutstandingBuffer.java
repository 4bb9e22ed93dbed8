package org.iocp4j.core;

/**
 * A buffer acquired from a {@link BufferPool} and not yet released.
 *
 * @param slabId     the slab holding it
 * @param slabOffset its offset inside the slab
 * @param capacity   its size class
 * @param acquiredAt the stack trace of its acquisition, or {@code null} unless the pool has leak detection
 */
public record OutstandingBuffer(int slabId, long slabOffset, int capacity, Throwable acquiredAt) {
    @Override
    public String toString() {
        return capacity + "-byte buffer at slab " + slabId + " offset " + slabOffset
                + (acquiredAt == null ? "" : ", acquired at " + site(acquiredAt));
    }

    /** The first frame outside {@link BufferPool}: where the acquire was called. */
    private static String site(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (!e.getClassName().equals(BufferPool.class.getName())) {
                return e.toString();
            }
        }
        return "(unknown)";
    }
}
