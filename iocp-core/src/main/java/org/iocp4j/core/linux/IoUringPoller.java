package org.iocp4j.core.linux;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import org.iocp4j.bindings.linux.IoUringConstants;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;

/**
 * One worker's io_uring ring. Issuing only queues an SQE; {@link #poll} submits the whole batch with the
 * wait in one {@code io_uring_enter}. Nothing completes inside an issuing call, so completion →
 * resubmission chains are bounded by the loop itself: what a completion handler issues goes in with the
 * next turn's submission.
 */
final class IoUringPoller implements Poller, CqeHandler {
    /** {@code user_data} of our async-cancel requests; their own CQEs carry nothing we need. */
    private static final long CANCEL_USER_DATA = 0;

    private final IoUringRing ring;
    private final OperationTable table;
    private final Thread owner = Thread.currentThread();
    private final CompletionSink sink;

    IoUringPoller(IoUringRing ring, OperationTable table, CompletionSink sink) {
        this.ring = ring;
        this.table = table;
        this.sink = sink;
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == owner;
    }

    @Override
    public void register(long handle) {
        // io_uring needs no association: the SQE names the descriptor.
    }

    @Override
    public int poll(long timeoutNanos) throws IOException {
        return ring.submitAndWait(1, timeoutNanos, this);
    }

    @Override
    public void onCqe(long userData, int res, int flags) {
        if (userData == CANCEL_USER_DATA) {
            return;
        }
        Operation op = table.byUserData(userData);
        if (op == null) {
            throw new IllegalStateException("completion for a released operation (user_data 0x"
                    + Long.toHexString(userData) + ", res " + res + ")");
        }
        sink.onCompletion(op, res, (flags & IoUringConstants.IORING_CQE_F_MORE) != 0 ? CompletionSink.MORE : 0);
    }

    @Override
    public void wakeup() {
        ring.wakeup();
    }

    @Override
    public void accept(Operation op, long listener) throws IOException {
        op.handle(listener);
        ring.prepAccept((int) listener, MemorySegment.NULL, MemorySegment.NULL, LinuxConstants.SOCK_CLOEXEC,
                op.userData());
    }

    @Override
    public void connect(Operation op, long socket, InetSocketAddress remote) throws IOException {
        op.handle(socket);
        MemorySegment addr = op.block().asSlice(IoUringBackend.SOCKADDR, IoUringBackend.IOVECS - IoUringBackend.SOCKADDR);
        int len = LinuxSockaddrs.write(remote, addr);
        ring.prepConnect((int) socket, addr, len, op.userData());
    }

    @Override
    public void recv(Operation op, long socket, MemorySegment buffer) throws IOException {
        op.handle(socket);
        ring.prepRecv((int) socket, buffer, 0, op.userData());
    }

    @Override
    public void send(Operation op, long socket, int vectorCount) throws IOException {
        if (vectorCount < 1 || vectorCount > IoUringBackend.MAX_IOVECS) {
            throw new IllegalArgumentException("vectorCount " + vectorCount + " is not in 1.."
                    + IoUringBackend.MAX_IOVECS);
        }
        op.handle(socket);
        ring.prepSendmsg((int) socket, IoUringBackend.msghdrFor(op, vectorCount), LinuxConstants.MSG_NOSIGNAL,
                op.userData());
    }

    @Override
    public void read(Operation op, long file, MemorySegment buffer, long offset) throws IOException {
        op.handle(file);
        ring.prepRead((int) file, buffer, offset, op.userData());
    }

    @Override
    public void cancel(Operation op) throws IOException {
        ring.prepAsyncCancel(op.userData(), 0, CANCEL_USER_DATA);
    }

    @Override
    public void close() {
        ring.close();
    }
}
