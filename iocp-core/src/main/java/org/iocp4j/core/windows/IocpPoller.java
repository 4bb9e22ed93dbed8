package org.iocp4j.core.windows;

import static org.iocp4j.bindings.windows.Win32Errors.ERROR_NOT_FOUND;
import static org.iocp4j.bindings.windows.Win32Errors.WAIT_TIMEOUT;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iocp4j.bindings.windows.Sockaddrs;
import org.iocp4j.bindings.windows.Win32Exception;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;

/**
 * One worker's view of the shared completion port: its own OVERLAPPED_ENTRY array (in
 * {@link Win32#memory()}) for {@code GetQueuedCompletionStatusEx}, its inline-completion depth, and the
 * sink its immediate completions go to. Issuing methods may run on any worker thread of the backend; an
 * immediate completion is delivered to the calling worker's sink. A Win32 call that throws (for example
 * {@link Win32Direct} failing to look up AcceptEx, or the FFM linker refusing a segment) leaves the
 * operation not in flight: nothing is delivered.
 *
 * <p><b>Wake-ups</b> are packets with a NULL OVERLAPPED: the port gives them to whichever worker waits
 * (last in, first out), not to this one, so a wake-up wakes <em>some</em> worker. A poll that dequeues
 * several wake packets in one batch re-posts all but one, so that n wake-ups (one per worker at shutdown)
 * still wake n workers instead of being swallowed by the first.
 */
final class IocpPoller implements Poller {
    private static final long ENTRY_BYTES = 32;
    private static final long ENTRY_INTERNAL = 16;
    private static final long ENTRY_BYTES_TRANSFERRED = 24;
    private static final long ENTRY_OVERLAPPED = 8;
    /** GetQueuedCompletionStatusEx's timeout is a DWORD; INFINITE is 0xFFFFFFFF. */
    private static final int INFINITE = -1;
    private static final long MAX_FINITE_MILLIS = 0xFFFFFFFEL;

    private final IocpBackend backend;
    private final Win32 win32;
    private final int index;
    private final OperationTable operations;
    private final int batch;
    private final MemorySegment pages;
    private final MemorySegment entries;
    private final MemorySegment removed;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Thread owner = Thread.currentThread();
    private final CompletionSink sink;
    /** Immediate completions running inline on this worker's thread right now. */
    int depth;
    /**
     * Immediate completions run inline since this worker last took a packet from the port. A connection's
     * context queue turns nested inline completions into a loop, so {@link #depth} alone does not bound
     * them: a peer that always has data waiting would keep the worker from the port (and the accepts
     * queued there) for ever.
     */
    int inlineSinceDequeue;

    IocpPoller(IocpBackend backend, int index, OperationTable operations, CompletionSink sink) throws IOException {
        this.backend = backend;
        this.sink = sink;
        this.win32 = backend.win32();
        this.index = index;
        this.operations = operations;
        this.batch = backend.config().dequeueBatch();
        long page = win32.memory().pageSize();
        long bytes = (batch * ENTRY_BYTES + 8 + page - 1) / page * page;
        this.pages = win32.memory().allocate(bytes);
        this.entries = pages.asSlice(0, batch * ENTRY_BYTES);
        this.removed = pages.asSlice(batch * ENTRY_BYTES, 4);
    }

    int index() {
        return index;
    }

    CompletionSink sink() {
        return sink;
    }

    @Override
    public boolean inEventLoop() {
        return backend.currentPoller() != null;
    }

    @Override
    public void register(long handle) throws IOException {
        backend.register(handle);
    }

    @Override
    public int poll(long timeoutNanos) throws IOException {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("poll on " + Thread.currentThread() + ", owner is " + owner);
        }
        inlineSinceDequeue = 0;
        int millis = timeoutNanos < 0 ? INFINITE
                : (int) Math.min(MAX_FINITE_MILLIS, (timeoutNanos + 999_999) / 1_000_000);
        if (win32.GetQueuedCompletionStatusEx(backend.port(), entries, batch, removed, millis) == 0) {
            int error = win32.lastError();
            // FALSE means nothing was dequeued; the removed count is not to be trusted then.
            if (error == WAIT_TIMEOUT) {
                return 0;
            }
            throw new Win32Exception("GetQueuedCompletionStatusEx", error);
        }
        backend.dequeues.increment();
        int n = removed.get(ValueLayout.JAVA_INT, 0);
        int delivered = 0;
        int wakes = 0;
        for (int i = 0; i < n; i++) {
            long at = i * ENTRY_BYTES;
            long key = entries.get(ValueLayout.JAVA_LONG, at);
            long overlapped = entries.get(ValueLayout.JAVA_LONG, at + ENTRY_OVERLAPPED);
            int bytes = entries.get(ValueLayout.JAVA_INT, at + ENTRY_BYTES_TRANSFERRED);
            if (key == IocpBackend.KEY_WAKE) {
                IocpPoller target = backend.poller(bytes);
                if (target != null) {
                    target.wakePending.set(false);
                }
                if (++wakes > 1) {
                    rewake(bytes);
                }
                continue;
            }
            Operation op = operations.byAddress(overlapped);
            op.stage(Operation.Stage.DEQUEUED);
            long result = key == IocpBackend.KEY_POSTED
                    ? OpBlock.getLong(op.block(), OpBlock.POSTED_RESULT)
                    : backend.completed(op, (int) entries.get(ValueLayout.JAVA_LONG, at + ENTRY_INTERNAL), bytes);
            inlineSinceDequeue = 0;
            backend.deliver(op, result, sink);
            delivered++;
        }
        return delivered;
    }

    private void rewake(int target) {
        IocpPoller poller = backend.poller(target);
        if (poller != null) {
            poller.wakeup();
        }
    }

    @Override
    public void wakeup() {
        if (wakePending.compareAndSet(false, true)
                && win32.PostQueuedCompletionStatus(backend.port(), index, IocpBackend.KEY_WAKE,
                        MemorySegment.NULL) == 0) {
            wakePending.set(false);
            throw new IllegalStateException("PostQueuedCompletionStatus (wake-up) failed with "
                    + win32.lastError());
        }
    }

    @Override
    public void accept(Operation op, long listener) throws IOException {
        MemorySegment block = op.block();
        HandleState state = backend.begin(op, listener);
        if (state == null) {
            return;
        }
        long socket;
        try {
            socket = backend.acceptSocketFor(listener);
        } catch (IOException | RuntimeException e) {
            backend.abandon(state);
            throw e;
        }
        OpBlock.setLong(block, OpBlock.ACCEPT_SOCKET, socket);
        int r;
        try {
            r = win32.AcceptEx(listener, socket, block.asSlice(OpBlock.UNION, OpBlock.ACCEPT_OUTPUT_BYTES), 0,
                    OpBlock.ACCEPT_ADDRESS_LENGTH, OpBlock.ACCEPT_ADDRESS_LENGTH, block.asSlice(OpBlock.BYTES, 4),
                    block.asSlice(OpBlock.OVERLAPPED, 32));
        } catch (RuntimeException e) {
            win32.closesocket(socket);
            backend.abandon(state);
            throw e;
        }
        backend.issued(op, state, r != 0, OpBlock.getInt(block, OpBlock.BYTES), r != 0 ? 0 : win32.lastError());
    }

    @Override
    public void connect(Operation op, long socket, InetSocketAddress remote) throws IOException {
        MemorySegment block = op.block();
        MemorySegment name = block.asSlice(OpBlock.UNION, OpBlock.ACCEPT_ADDRESS_LENGTH);
        backend.bindWildcard(socket, name);
        int length = Sockaddrs.write(name, remote);
        HandleState state = backend.begin(op, socket);
        if (state == null) {
            return;
        }
        int r;
        try {
            r = win32.ConnectEx(socket, name, length, MemorySegment.NULL, 0, MemorySegment.NULL,
                    block.asSlice(OpBlock.OVERLAPPED, 32));
        } catch (RuntimeException e) {
            backend.abandon(state);
            throw e;
        }
        backend.issued(op, state, r != 0, 0, r != 0 ? 0 : win32.lastError());
    }

    @Override
    public void recv(Operation op, long socket, MemorySegment buffer) throws IOException {
        MemorySegment block = op.block();
        MemorySegment wsabuf = block.asSlice(OpBlock.RECV_WSABUF, OpBlock.WSABUF_BYTES);
        // A zero-length buffer makes a zero-byte read: it completes when data is there, taking none.
        wsabuf.set(ValueLayout.JAVA_INT, 0, (int) buffer.byteSize());
        wsabuf.set(ValueLayout.JAVA_LONG, 8, buffer.byteSize() == 0 ? 0 : buffer.address());
        OpBlock.setInt(block, OpBlock.FLAGS, 0);
        HandleState state = backend.begin(op, socket);
        if (state == null) {
            return;
        }
        int r;
        try {
            r = win32.WSARecv(socket, wsabuf, 1, block.asSlice(OpBlock.BYTES, 4), block.asSlice(OpBlock.FLAGS, 4),
                    block.asSlice(OpBlock.OVERLAPPED, 32));
        } catch (RuntimeException e) {
            backend.abandon(state);
            throw e;
        }
        backend.issued(op, state, r == 0, OpBlock.getInt(block, OpBlock.BYTES), r == 0 ? 0 : win32.lastError());
    }

    @Override
    public void send(Operation op, long socket, int vectorCount) throws IOException {
        if (vectorCount < 1 || vectorCount > OpBlock.MAX_SEND_VECTORS) {
            throw new IllegalArgumentException("vectorCount " + vectorCount + " is not in 1.."
                    + OpBlock.MAX_SEND_VECTORS);
        }
        MemorySegment block = op.block();
        HandleState state = backend.begin(op, socket);
        if (state == null) {
            return;
        }
        int r;
        try {
            r = win32.WSASend(socket, block.asSlice(OpBlock.UNION, vectorCount * OpBlock.WSABUF_BYTES), vectorCount,
                    block.asSlice(OpBlock.BYTES, 4), 0, block.asSlice(OpBlock.OVERLAPPED, 32));
        } catch (RuntimeException e) {
            backend.abandon(state);
            throw e;
        }
        backend.issued(op, state, r == 0, OpBlock.getInt(block, OpBlock.BYTES), r == 0 ? 0 : win32.lastError());
    }

    @Override
    public void read(Operation op, long file, MemorySegment buffer, long offset) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " is negative");
        }
        MemorySegment block = op.block();
        OpBlock.setInt(block, OpBlock.OVERLAPPED_OFFSET, (int) offset);
        OpBlock.setInt(block, OpBlock.OVERLAPPED_OFFSET_HIGH, (int) (offset >>> 32));
        HandleState state = backend.begin(op, file);
        if (state == null) {
            return;
        }
        // lpNumberOfBytesRead is NULL for overlapped reads (Microsoft: "to avoid potentially erroneous
        // results"); an immediate success leaves the count in OVERLAPPED.InternalHigh.
        int r;
        try {
            r = win32.ReadFile(file, buffer, (int) buffer.byteSize(), MemorySegment.NULL,
                    block.asSlice(OpBlock.OVERLAPPED, 32));
        } catch (RuntimeException e) {
            backend.abandon(state);
            throw e;
        }
        backend.issued(op, state, r != 0, (int) OpBlock.getLong(block, OpBlock.OVERLAPPED_INTERNAL_HIGH),
                r != 0 ? 0 : win32.lastError());
    }

    @Override
    public void cancel(Operation op) throws IOException {
        long handle = OpBlock.getLong(op.block(), OpBlock.HANDLE);
        op.cancelRequested();
        if (win32.CancelIoEx(handle, op.block().asSlice(OpBlock.OVERLAPPED, 32)) == 0) {
            int error = win32.lastError();
            if (error != ERROR_NOT_FOUND) {
                throw new Win32Exception("CancelIoEx", error);
            }
        }
    }

    @Override
    public void close() throws IOException {
        backend.pollerClosed(this);
        win32.memory().free(pages);
    }
}
