package org.iocp4j.core.backend;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;

/**
 * One worker's access to the completion queue: issues operations and dequeues completions in batches.
 * Linux: the worker's own io_uring ring (single issuer); Windows: the shared port, with this worker's
 * OVERLAPPED_ENTRY array. See the package documentation for the threading and memory rules.
 *
 * <p>Every issuing method either accepts the operation — then exactly one final completion for it reaches
 * the sink later or from inside the call — or throws an {@link IOException} and delivers nothing, in which
 * case the operation is still the caller's to release.
 */
public interface Poller extends AutoCloseable {

    /** Whether the calling thread may issue through this poller and run its completions (see the rules). */
    boolean inEventLoop();

    /**
     * Associates a handle with this poller's completion queue before its first operation (Windows:
     * CreateIoCompletionPort + SetFileCompletionNotificationModes with skip-on-success; Linux: nothing).
     */
    void register(long handle) throws IOException;

    /**
     * Submits what was issued, waits for at least one completion or until {@code timeoutNanos} passes or
     * {@link #wakeup()} is called, and delivers every completion dequeued (at most one batch) to the
     * poller's sink. Owner thread only.
     *
     * @param timeoutNanos 0 to not wait, negative to wait without limit
     * @return completions delivered (wake-ups are not counted)
     */
    int poll(long timeoutNanos) throws IOException;

    /**
     * Makes the owner's current or next {@link #poll} return soon (Linux: the ring's eventfd; Windows: a
     * posted wake packet, which wakes some worker of the port). Any thread; cheap and coalescing.
     */
    void wakeup();

    /**
     * Accepts one connection on {@code listener}. The result is the new connection's handle (on Windows the
     * accept socket the backend created and updated with SO_UPDATE_ACCEPT_CONTEXT; a failed accept's socket
     * is closed by the backend). The new handle is not yet registered with any poller.
     */
    void accept(Operation op, long listener) throws IOException;

    /** Whether {@link #acceptMultishot} may be tried (the kernel may still refuse it: see there). */
    default boolean supportsMultishotAccept() {
        return false;
    }

    /**
     * One accept that stays armed (IORING_OP_ACCEPT with IORING_ACCEPT_MULTISHOT, Linux 5.19): a completion
     * per connection, each with {@link CompletionSink#MORE} while it stays armed, results as in
     * {@link #accept}. A kernel without it ends the request at once with EINVAL; the engine then falls back to
     * {@link #accept}.
     *
     * @throws UnsupportedOperationException if {@link #supportsMultishotAccept()} is false
     */
    default void acceptMultishot(Operation op, long listener) throws IOException {
        throw new UnsupportedOperationException("this backend has no multishot accept");
    }

    /**
     * Connects {@code socket} to {@code remote} (ConnectEx after binding to the wildcard address and
     * SO_UPDATE_CONNECT_CONTEXT on success / IORING_OP_CONNECT). The socket must be registered here.
     * Result 0 on success.
     */
    void connect(Operation op, long socket, InetSocketAddress remote) throws IOException;

    /**
     * Receives into {@code buffer}; a zero-length buffer is a zero-byte read (Windows: completes when data
     * is there, without taking any). Result: bytes received, 0 at the peer's end of stream.
     */
    void recv(Operation op, long socket, MemorySegment buffer) throws IOException;

    /**
     * Fills this poller's provided-buffer group with {@code count} buffers of {@code bufferSize} from
     * {@code pool}, for {@link #recvProvided}: receives then take a buffer only when data arrives, so an idle
     * connection holds none. Owner thread, once, before any {@code recvProvided}.
     *
     * @param count a power of two
     * @return buffers provided; 0 where the backend or kernel has no provided buffers (then the engine uses
     *         {@link #recv})
     */
    default int provideBuffers(BufferPool pool, int bufferSize, int count) throws IOException {
        return 0;
    }

    /** Buffers currently lent to the kernel by {@link #provideBuffers} (they count as in use in the pool). */
    default int providedBuffers() {
        return 0;
    }

    /**
     * A multishot receive into provided buffers (IORING_OP_RECV, IOSQE_BUFFER_SELECT, IORING_RECV_MULTISHOT):
     * one completion per arrival with {@link CompletionSink#MORE} while it stays armed and
     * {@link CompletionSink#BUFFER} with the buffer's id when data was received. Its final completion comes
     * without MORE (EOF: 0; no buffer free: an {@link ErrorKind#NO_BUFFERS} error; cancelled; ...).
     *
     * @throws UnsupportedOperationException if {@link #provideBuffers} returned 0
     */
    default void recvProvided(Operation op, long socket) throws IOException {
        throw new UnsupportedOperationException("this backend has no provided-buffer receives");
    }

    /**
     * Claims the buffer a completion with {@link CompletionSink#BUFFER} filled (writer index 0; the engine
     * sets it to the byte count) and lends the group a fresh one from the pool in its place. The caller owns
     * the returned buffer. Owner thread.
     */
    default Buffer takeProvidedBuffer(int bufferId) {
        throw new UnsupportedOperationException("this backend has no provided-buffer receives");
    }

    /**
     * Sends the {@code vectorCount} I/O vectors the engine wrote at {@link Backend#sendVectors(Operation)}
     * (gather). Result: bytes sent, which may be fewer than asked (the engine sends the rest).
     */
    void send(Operation op, long socket, int vectorCount) throws IOException;

    /**
     * Reads a file at {@code offset} into {@code buffer}. Result: bytes read; 0 at end of file (Windows
     * ERROR_HANDLE_EOF, immediate or pending, is reported as 0).
     */
    void read(Operation op, long file, MemorySegment buffer, long offset) throws IOException;

    /**
     * Asks the kernel to cancel {@code op} (CancelIoEx on its handle and OVERLAPPED /
     * IORING_OP_ASYNC_CANCEL by user_data). Its completion still arrives — with a {@link ErrorKind#CANCELLED}
     * error, or its normal result if it won the race — and only then may it be released. Cancelling an
     * operation that has already completed is harmless.
     */
    void cancel(Operation op) throws IOException;

    /** Tears the ring / entry array down; owner thread, after every operation issued here completed. */
    @Override
    void close() throws IOException;
}
