package org.iocp4j.core.backend;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.file.Path;
import java.util.List;
import org.iocp4j.core.IoVectorFormat;
import org.iocp4j.core.PageAllocator;
import org.iocp4j.core.SocketOptions;

/**
 * One OS completion mechanism, as the engine uses it. One instance per engine; see the package
 * documentation for the threading and memory rules every implementation follows.
 *
 * <p>Handles are {@code long}s: a file descriptor on Linux, a {@code SOCKET} / {@code HANDLE} value on
 * Windows. Methods here other than {@link #openPoller} may be called from any thread.
 */
public interface Backend extends AutoCloseable {

    /** {@code io_uring} or {@code iocp}, as {@link BackendProvider#name()}. */
    String name();

    /**
     * The only source of native memory the backend passes to the kernel; the engine builds its buffer pool
     * and its {@link OperationTable} on it.
     */
    PageAllocator memory();

    /** Bytes an {@link Operation}'s block needs for this backend: a positive multiple of 16. */
    int operationBlockSize();

    /** The I/O vector format of {@link #sendVectors} (WSABUF on Windows, iovec on Linux). */
    IoVectorFormat ioVectorFormat();

    /** How many I/O vectors one send can take (the room {@link #sendVectors} has in a block). */
    int maxSendVectors();

    /**
     * Where in {@code op}'s block the engine writes the I/O vectors of a {@link Poller#send}: room for
     * {@link #maxSendVectors()} elements of {@link #ioVectorFormat()}.
     */
    MemorySegment sendVectors(Operation op);

    /**
     * Whether all pollers share one completion queue (Windows: one port; a completion may be dequeued by
     * any worker) rather than each having its own (Linux: a ring per worker, completions on the issuing
     * worker). With a shared queue the engine serialises each connection's events itself and any worker
     * may run any connection's work.
     */
    boolean sharedCompletionQueue();

    /**
     * Opens the poller of worker {@code workerIndex} (0..workers-1), owned by the calling thread.
     *
     * @param operations the engine's operation table, which the poller uses to map a completion back to
     *                   its {@link Operation} ({@link OperationTable#byAddress} / {@link OperationTable#byUserData})
     * @param sink       receives this poller's completions: from {@link Poller#poll}, and immediate ones
     *                   (Windows skip-on-success) from inside the issuing call
     * @throws IOException when the ring / port cannot be set up
     */
    Poller openPoller(int workerIndex, OperationTable operations, CompletionSink sink) throws IOException;

    /**
     * A non-blocking, overlapped stream socket bound to {@code address} (port 0 picks one) and listening,
     * with SO_REUSEADDR on Linux. IPv4 or IPv6 after the address. {@code options} are set before the bind
     * ({@link #setOptions}).
     */
    long listen(InetSocketAddress address, int backlog, SocketOptions options) throws IOException;

    /**
     * A new, unconnected stream socket for a {@link Poller#connect} to an address of this family, with
     * {@code options} set ({@link #setOptions}).
     */
    long openStreamSocket(boolean ipv6, SocketOptions options) throws IOException;

    /**
     * Sets {@code option} (one of {@link SocketOptions#supported()}) to {@code value}, which
     * {@link SocketOptions} has checked: setsockopt, a synchronous call on any thread. SO_LINGER's -1 turns
     * lingering off.
     *
     * @throws IOException naming the option and the native error
     */
    <T> void setOption(long socket, SocketOption<T> option, T value) throws IOException;

    /**
     * Reads {@code option} (one of {@link SocketOptions#supported()}) with getsockopt, as the OS reports it:
     * SO_LINGER as seconds or -1 when off, buffer sizes as the OS adjusted them.
     *
     * @throws IOException naming the option and the native error
     */
    <T> T getOption(long socket, SocketOption<T> option) throws IOException;

    /**
     * Sets every option {@code options} holds, in {@link SocketOptions#supported()} order. IPV6_V6ONLY only
     * where {@code unboundIpv6}: it is fixed at bind (Linux refuses it later with EINVAL), an IPv4 socket
     * has no such option, and an accepted socket has its listener's.
     *
     * @throws IOException naming the first option that failed and the native error
     */
    default void setOptions(long socket, SocketOptions options, boolean unboundIpv6) throws IOException {
        List<SocketOption<?>> all = SocketOptions.supported();
        for (int i = 0; i < all.size(); i++) {
            SocketOption<?> option = all.get(i);
            if (option != SocketOptions.IPV6_V6ONLY || unboundIpv6) {
                setIfHeld(socket, option, options);
            }
        }
    }

    private <T> void setIfHeld(long socket, SocketOption<T> option, SocketOptions options) throws IOException {
        T value = options.get(option);
        if (value != null) {
            setOption(socket, option, value);
        }
    }

    /**
     * Opens {@code path} for overlapped reads at offsets ({@link Poller#read}).
     *
     * @throws IOException naming the path and the native error
     */
    long openFile(Path path) throws IOException;

    /** The size in bytes of a file opened by {@link #openFile}. */
    long fileSize(long file) throws IOException;

    /** The address a socket is bound to (getsockname). */
    InetSocketAddress localAddress(long socket) throws IOException;

    /** The peer's address of a connected socket (getpeername). */
    InetSocketAddress remoteAddress(long socket) throws IOException;

    /** Sends FIN: {@code shutdown(SHUT_WR / SD_SEND)}. */
    void shutdownOutput(long socket) throws IOException;

    /**
     * Closes a handle (close / closesocket / CloseHandle). Does not by itself end operations pending on it
     * on every OS (io_uring keeps its own file reference): the engine cancels them first with
     * {@link Poller#cancel} and waits for their completions before it releases their memory.
     */
    void closeHandle(long handle) throws IOException;

    /** How the engine treats the negated error {@code result} of a completion. */
    ErrorKind classify(long result);

    /**
     * An exception for the negated error {@code result} that names {@code what} failed and the symbolic
     * code (e.g. "recv: ECONNRESET (104)", "WSARecv: WSAECONNRESET (10054)").
     */
    IOException exception(String what, long result);

    /** Completions delivered inside their issuing call (Windows skip-on-success); 0 where there are none. */
    default long inlineCompletions() {
        return 0;
    }

    /** Immediate completions posted to the port because the inline depth limit was reached (seed 004). */
    default long postedBeyondInlineLimit() {
        return 0;
    }

    /** Releases what {@link Backend} itself holds (Winsock, the port). Pollers are closed before. */
    @Override
    void close() throws IOException;
}
