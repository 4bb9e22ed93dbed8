package org.iocp4j.core;

/**
 * {@link BufferPool#acquire} found the pool at its configured maximum with no free buffer of the needed
 * size: back-pressure. Stop issuing reads (or queue the work) until buffers are released.
 */
public final class BufferPoolExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BufferPoolExhaustedException(int minCapacity, long maxBytes) {
        super("buffer pool exhausted: no free buffer of " + minCapacity + " bytes and the pool is at its maximum of "
                + maxBytes + " bytes");
    }
}
