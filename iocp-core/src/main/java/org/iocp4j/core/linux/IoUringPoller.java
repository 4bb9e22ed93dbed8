package org.iocp4j.core.linux;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.iocp4j.bindings.linux.io_uring_buf;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.BufferPool;
import org.iocp4j.core.PageAllocator;
import org.iocp4j.bindings.linux.IoUringConstants;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's io_uring ring. Issuing only queues an SQE; {@link #poll} submits the whole batch with the
 * wait in one {@code io_uring_enter}. Nothing completes inside an issuing call, so completion →
 * resubmission chains are bounded by the loop itself: what a completion handler issues goes in with the
 * next turn's submission.
 */
final class IoUringPoller implements Poller, CqeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(IoUringPoller.class);
    /** {@code user_data} of our async-cancel requests; their own CQEs carry nothing we need. */
    private static final long CANCEL_USER_DATA = 0;

    private final IoUringRing ring;
    private final OperationTable table;
    private final Thread owner = Thread.currentThread();
    /** The one provided-buffer group of this ring. */
    private static final int BGID = 0;

    private final CompletionSink sink;
    private final PageAllocator memory;

    // ---- provided buffers (owner thread only; the count is read by metrics)
    private ProvidedBufferRing provided;
    private MemorySegment providedRingMemory;
    private BufferPool pool;
    private int providedSize;
    /** Buffer by id; null for an id whose buffer is out and could not be replaced yet. */
    private Buffer[] providedById;
    /** Ids waiting for a replacement buffer (the pool was exhausted when theirs was taken). */
    private final ArrayDeque<Integer> missing = new ArrayDeque<>();
    private volatile int providedCount;

    IoUringPoller(IoUringRing ring, OperationTable table, CompletionSink sink, PageAllocator memory) {
        this.ring = ring;
        this.table = table;
        this.sink = sink;
        this.memory = memory;
    }

    @Override
    public int provideBuffers(BufferPool pool, int bufferSize, int count) throws IOException {
        if (provided != null) {
            throw new IllegalStateException("buffers are already provided");
        }
        long bytes = Math.max(memory.pageSize(), (long) count * io_uring_buf.sizeof());
        MemorySegment ringMemory = memory.allocate((bytes + memory.pageSize() - 1) / memory.pageSize()
                * memory.pageSize());
        try {
            provided = ring.registerBufferRing(BGID, ringMemory, count);
        } catch (UnsupportedOperationException e) {
            memory.free(ringMemory);
            return 0; // kernel before 5.19: plain receives
        }
        this.providedRingMemory = ringMemory;
        this.pool = pool;
        this.providedSize = bufferSize;
        this.providedById = new Buffer[count];
        for (int bid = 0; bid < count; bid++) {
            missing.add(bid);
        }
        refill();
        return providedCount;
    }

    /** Lends the group a pool buffer for every id that lacks one, as far as the pool allows. */
    private void refill() {
        boolean added = false;
        while (!missing.isEmpty()) {
            Buffer b = pool.tryAcquire(providedSize);
            if (b == null) {
                break;
            }
            int bid = missing.poll();
            providedById[bid] = b;
            provided.add(b.segment(), bid);
            added = true;
        }
        if (added) {
            provided.publish();
        }
        providedCount = providedById.length - missing.size();
    }

    @Override
    public int providedBuffers() {
        return providedCount;
    }

    @Override
    public void recvProvided(Operation op, long socket) throws IOException {
        if (provided == null) {
            throw new UnsupportedOperationException("no buffers provided on this ring");
        }
        refill();
        issuing(op, socket);
        ring.prepRecvBufferSelect((int) socket, BGID, 0, 0, true, op.userData());
    }

    @Override
    public Buffer takeProvidedBuffer(int bufferId) {
        Buffer b = providedById[bufferId];
        if (b == null) {
            throw new IllegalStateException("provided buffer " + bufferId + " was already taken");
        }
        providedById[bufferId] = null;
        missing.add(bufferId);
        refill();
        return b;
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
            // Throwing here would end the worker's loop; a stale CQE is a bug to report, not a reason to stop.
            LOG.error("dropping a completion for a released operation (user_data 0x{}, res {})",
                    Long.toHexString(userData), res);
            return;
        }
        int sinkFlags = (flags & IoUringConstants.IORING_CQE_F_MORE) != 0 ? CompletionSink.MORE : 0;
        if (ProvidedBufferRing.hasBuffer(flags)) {
            sinkFlags |= CompletionSink.BUFFER | ProvidedBufferRing.bufferId(flags) << 16;
        }
        if ((sinkFlags & CompletionSink.MORE) == 0) {
            op.stage(Operation.Stage.DELIVERED);
        }
        sink.onCompletion(op, res, sinkFlags);
    }

    /** Records the handle (for cancellation) and the stage (for diagnostics) of an operation about to be queued. */
    private static void issuing(Operation op, long handle) {
        op.handle(handle);
        op.stage(Operation.Stage.ISSUED);
    }

    @Override
    public void wakeup() {
        ring.wakeup();
    }

    @Override
    public void accept(Operation op, long listener) throws IOException {
        issuing(op, listener);
        ring.prepAccept((int) listener, MemorySegment.NULL, MemorySegment.NULL, LinuxConstants.SOCK_CLOEXEC,
                op.userData());
    }

    @Override
    public boolean supportsMultishotAccept() {
        return true;
    }

    @Override
    public void acceptMultishot(Operation op, long listener) throws IOException {
        issuing(op, listener);
        ring.prepMultishotAccept((int) listener, MemorySegment.NULL, MemorySegment.NULL, LinuxConstants.SOCK_CLOEXEC,
                op.userData());
    }

    @Override
    public void connect(Operation op, long socket, InetSocketAddress remote) throws IOException {
        issuing(op, socket);
        MemorySegment addr = op.block().asSlice(IoUringBackend.SOCKADDR, IoUringBackend.IOVECS - IoUringBackend.SOCKADDR);
        int len = LinuxSockaddrs.write(remote, addr);
        ring.prepConnect((int) socket, addr, len, op.userData());
    }

    @Override
    public void recv(Operation op, long socket, MemorySegment buffer) throws IOException {
        issuing(op, socket);
        ring.prepRecv((int) socket, buffer, 0, op.userData());
    }

    @Override
    public void send(Operation op, long socket, int vectorCount) throws IOException {
        if (vectorCount < 1 || vectorCount > IoUringBackend.MAX_IOVECS) {
            throw new IllegalArgumentException("vectorCount " + vectorCount + " is not in 1.."
                    + IoUringBackend.MAX_IOVECS);
        }
        issuing(op, socket);
        ring.prepSendmsg((int) socket, IoUringBackend.msghdrFor(op, vectorCount), LinuxConstants.MSG_NOSIGNAL,
                op.userData());
    }

    @Override
    public void read(Operation op, long file, MemorySegment buffer, long offset) throws IOException {
        issuing(op, file);
        ring.prepRead((int) file, buffer, offset, op.userData());
    }

    @Override
    public void cancel(Operation op) throws IOException {
        op.cancelRequested();
        ring.prepAsyncCancel(op.userData(), 0, CANCEL_USER_DATA);
    }

    @Override
    public void close() throws IOException {
        ring.close();
        if (provided != null) {
            // Closing the ring dropped the group: only now can the kernel no longer pick these buffers.
            for (Buffer b : providedById) {
                if (b != null) {
                    b.release();
                }
            }
            providedCount = 0;
            memory.free(providedRingMemory);
        }
    }
}
