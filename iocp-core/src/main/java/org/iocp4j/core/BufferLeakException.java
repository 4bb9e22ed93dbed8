package org.iocp4j.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link BufferPool} was closed while buffers were still acquired. The pool's memory has been freed
 * anyway; the listed buffers can no longer be used. Each carries its acquisition stack trace when the
 * pool had leak detection on (also attached here as suppressed exceptions, so that a log shows them).
 */
public final class BufferLeakException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 20;

    private final transient List<OutstandingBuffer> outstanding;

    BufferLeakException(List<OutstandingBuffer> outstanding) {
        super(outstanding.size() + " buffer(s) outstanding when the pool closed: "
                + outstanding.stream().limit(LISTED).map(OutstandingBuffer::toString)
                        .collect(Collectors.joining("; "))
                + (outstanding.size() > LISTED ? "; ..." : ""));
        this.outstanding = List.copyOf(outstanding);
        outstanding.stream().map(OutstandingBuffer::acquiredAt).filter(t -> t != null).limit(LISTED)
                .forEach(this::addSuppressed);
    }

    /** The buffers that were outstanding. */
    public List<OutstandingBuffer> outstanding() {
        return outstanding;
    }
}
