package org.iocp4j.core;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.ErrorKind;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection of an {@link IoEngine}, accepted by a {@link Server} or opened by
 * {@link IoEngine#connect}. Its events go to its {@link ConnectionHandler}.
 *
 * <p><b>Threads.</b> Every connection has a home worker. Its state changes only inside its <em>serial
 * context</em>: a lock-free mailbox with a CAS'd running flag. A completion or a call on a thread that may
 * drive it (the home worker on io_uring; any worker on IOCP) runs at once when nobody else is running the
 * context, else it is queued and run by whoever is; a call from any other thread ({@link #write},
 * {@link #close} from a virtual thread, an offload continuation) is queued and the home worker is woken to
 * run it. So handler callbacks of one connection never overlap, and on io_uring every submission happens on
 * the home ring (single issuer). Public methods are safe from any thread.
 *
 * <p><b>Reads</b> are issued with pooled buffers and delivered through a {@link Sequencer}: in issue order
 * whatever order completions arrive in. On io_uring one receive is in flight at a time (see
 * ARCHITECTURE.md); on IOCP up to {@link IoEngine.Builder#readsOutstanding}.
 *
 * <p><b>Writes</b> are queued lock-free and sent in order, gathered into one send of up to the backend's
 * vector limit; a partial send is resumed with the rest. Queued bytes above the high water mark make
 * {@link #isWritable()} false until they fall below the low one.
 *
 * <p><b>Close.</b> {@link #close()} sends what is queued, then closes; {@link #abort()} closes at once. Both
 * cancel pending operations and release every buffer only after the last completion has been reaped; then
 * {@link ConnectionHandler#onClosed} runs once.
 */
public final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    /** Read completion markers that carry no buffer through the sequencer. */
    private static final Object END_OF_STREAM = new Object();

    private final IoEngine engine;
    final Worker home;
    private final long handle;
    private final ConnectionHandler handler;
    private final InetSocketAddress remoteAddress;
    private final Backend backend;
    private final OperationTable table;

    // ---- serial context
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private final Runnable drainTask = this::drainIfIdle;

    // ---- state, touched only inside the context (volatile where other threads read it)
    private volatile int state = OPEN;
    private Throwable closeCause;
    private int pendingOps;
    private boolean closeAfterFlush;
    /** Set by close() on the calling thread, so that later writes are refused at once. */
    private volatile boolean closeRequested;
    private volatile boolean shutdownOutputRequested;
    private boolean outputShut;
    private boolean endOfStream;
    private volatile boolean autoRead = true;
    private boolean readRetryScheduled;

    // ---- reads
    /** io_uring with provided buffers: one multishot receive that takes a buffer only when data arrives. */
    private final boolean providedMode;
    private final ReadSlot[] readSlots;
    private int readsInFlight;
    private final Sequencer<Object> readSequencer;

    // ---- writes
    private final ConcurrentLinkedQueue<Buffer> writeQueue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushInContext;
    private final WriteSlot writeSlot = new WriteSlot();
    private volatile boolean writable = true;

    // ---- timeouts and accounting
    private long idleTimeoutNanos;
    private volatile long lastActivityNanos = System.nanoTime();
    private TimerHandle idleTimer;
    private long bytesRead;
    private long bytesWritten;
    private volatile Object attachment;

    Connection(IoEngine engine, Worker home, long handle, ConnectionHandler handler,
               InetSocketAddress remoteAddress) {
        this.engine = engine;
        this.home = home;
        this.handle = handle;
        this.handler = handler;
        this.remoteAddress = remoteAddress;
        this.backend = engine.backend();
        this.table = engine.operations();
        this.providedMode = home.providedReceives;
        int reads = backend.sharedCompletionQueue() && !providedMode ? engine.config().readsOutstanding : 1;
        this.readSlots = new ReadSlot[reads];
        for (int i = 0; i < reads; i++) {
            readSlots[i] = new ReadSlot();
        }
        this.readSequencer = new Sequencer<>(reads, this::deliverRead);
        this.idleTimeoutNanos = engine.config().idleTimeoutNanos;
    }

    // ------------------------------------------------------------------ public API

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The engine this connection belongs to. */
    public IoEngine engine() {
        return engine;
    }

    /** The engine's buffer pool, to acquire buffers for {@link #write(Buffer)}. */
    public BufferPool bufferPool() {
        return engine.bufferPool();
    }

    /** Whether neither {@link #close()} nor {@link #abort()} has been called and the peer did not reset. */
    public boolean isOpen() {
        return state == OPEN && !closeRequested;
    }

    /** Whether queued write bytes are under the high water mark (Netty-style back-pressure signal). */
    public boolean isWritable() {
        return writable;
    }

    /** Bytes queued for writing and not yet sent. */
    public long queuedWriteBytes() {
        return queuedBytes.get();
    }

    /** An object of the application's choosing. */
    public Object attachment() {
        return attachment;
    }

    /** Sets {@link #attachment()}. */
    public void attachment(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * Queues {@code data}'s readable bytes for sending, taking ownership of the buffer (released once sent,
     * or when the connection closes). Any thread.
     *
     * @return false if the connection is closing or closed or its output shut down; {@code data} is then
     *         released
     */
    public boolean write(Buffer data) {
        Objects.requireNonNull(data, "data");
        if (state != OPEN || closeRequested || shutdownOutputRequested) {
            data.release();
            return false;
        }
        writeQueue.offer(data);
        long queued = queuedBytes.addAndGet(data.readableBytes());
        if (state == CLOSED) {
            releaseQueuedWrites(); // raced with the close's own drain: whichever polls an item releases it
            return false;
        }
        if (queued > engine.config().writeHighWaterMark && writable) {
            execute(this::checkWritability);
        }
        if (flushScheduled.compareAndSet(false, true)) {
            execute(flushTask);
        }
        return true;
    }

    /** Queues every buffer of {@code chain} in order, taking ownership of all (see {@link #write(Buffer)}). */
    public boolean write(BufferChain chain) {
        boolean ok = true;
        for (int i = 0; i < chain.size(); i++) {
            ok &= write(chain.get(i));
        }
        return ok;
    }

    /** Sends FIN once the queued writes are sent (half-close); reads go on. Any thread. */
    public void shutdownOutput() {
        execute(() -> {
            shutdownOutputRequested = true;
            maybeShutOutput();
        });
    }

    /** Closes once the queued writes are sent. Any thread; idempotent. */
    public void close() {
        closeRequested = true;
        execute(() -> {
            if (state != OPEN) {
                return;
            }
            if (writeSlot.op == null && writeSlot.sending.isEmpty() && writeQueue.isEmpty()) {
                closeNow(null);
            } else {
                closeAfterFlush = true;
            }
        });
    }

    /** Closes at once, dropping queued writes and cancelling pending operations. Any thread; idempotent. */
    public void abort() {
        execute(() -> closeNow(null));
    }

    /**
     * Stops ({@code false}) or resumes ({@code true}) issuing reads; an idle connection then holds no
     * buffer. Any thread.
     */
    public void autoRead(boolean enabled) {
        autoRead = enabled;
        execute(enabled ? this::issueReads : this::pauseReads);
    }

    /** A multishot receive stays armed by itself: stopping reads means cancelling it. */
    private void pauseReads() {
        if (providedMode && !autoRead && state == OPEN) {
            cancel(readSlots[0].op);
        }
    }

    /**
     * Sets this connection's idle timeout (no read or write completion for that long closes it with a
     * {@link SocketTimeoutException}); {@link Duration#ZERO} disables it. Any thread.
     */
    public void idleTimeout(Duration timeout) {
        long nanos = timeout.toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("idle timeout " + timeout + " is negative");
        }
        execute(() -> {
            idleTimeoutNanos = nanos;
            armIdleTimer();
        });
    }

    /**
     * Runs blocking {@code work} on the engine's offload executor (virtual threads by default), then
     * {@code continuation} with its result — or {@code failure} with what it threw — in this connection's
     * serial context on a worker. Workers never run the work itself.
     */
    public <T> void offload(Callable<T> work, BiConsumer<Connection, T> continuation,
                            BiConsumer<Connection, Throwable> failure) {
        engine.offloadExecutor().execute(() -> {
            try {
                T result = work.call();
                execute(() -> guard(() -> continuation.accept(this, result)));
            } catch (Throwable t) {
                execute(() -> guard(() -> failure.accept(this, t)));
            }
        });
    }

    @Override
    public String toString() {
        return "Connection[" + remoteAddress + ", handle " + handle + "]";
    }

    /** What the connection is waiting for, for shutdown diagnostics (a racy read of context state). */
    String describeState() {
        return this + " state " + state + ", pending ops " + pendingOps + ", reads in flight " + readsInFlight
                + ", send in flight " + (writeSlot.op != null) + ", queued write bytes " + queuedBytes.get()
                + ", close after flush " + closeAfterFlush;
    }

    // ------------------------------------------------------------------ serial context

    /** Runs {@code task} in the serial context: now if this thread may and nobody else is, else queued. */
    void execute(Runnable task) {
        if (home.poller.inEventLoop() && running.compareAndSet(false, true)) {
            try {
                task.run();
            } finally {
                exitContext();
            }
        } else {
            mailbox.offer(task);
            if (!running.get()) {
                home.execute(drainTask);
            }
        }
    }

    private void drainIfIdle() {
        if (running.compareAndSet(false, true)) {
            exitContext();
        }
    }

    /** Runs what was queued meanwhile, then lets go; re-takes the context if a task slipped in. */
    private void exitContext() {
        do {
            Runnable next;
            while ((next = mailbox.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.error("task of {} failed", this, e);
                }
            }
            // Store the flag, then read the mailbox; an enqueuer stores the mailbox, then reads the flag:
            // one of us sees the other, so no task is stranded.
            running.set(false);
        } while (!mailbox.isEmpty() && running.compareAndSet(false, true));
    }

    /** Runs a handler callback; a throw closes this connection only. */
    private void guard(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            engine.counters().handlerFailures.increment();
            LOG.warn("handler of {} threw; closing the connection", this, e);
            closeNow(e);
        }
    }

    // ------------------------------------------------------------------ lifecycle (in context)

    /**
     * Registers the handle with the home poller unless that already happened (a connecting socket is
     * registered before its connect), calls onOpen and starts reading.
     */
    void start(boolean register) {
        execute(() -> {
            if (state != OPEN) {
                return;
            }
            if (register) {
                try {
                    home.poller.register(handle);
                } catch (IOException e) {
                    closeNow(e);
                    return;
                }
            }
            armIdleTimer();
            guard(() -> handler.onOpen(this));
            issueReads();
        });
    }

    private void armIdleTimer() {
        if (idleTimeoutNanos > 0 && idleTimer == null && state == OPEN) {
            idleTimer = home.wheel.schedule(idleTimeoutNanos, () -> execute(this::checkIdle));
        }
    }

    /** Fires on the home worker; pushes itself back if there was activity since it was armed. */
    private void checkIdle() {
        idleTimer = null;
        if (state != OPEN || idleTimeoutNanos <= 0) {
            return;
        }
        long idleFor = System.nanoTime() - lastActivityNanos;
        if (idleFor < idleTimeoutNanos) {
            idleTimer = home.wheel.schedule(idleTimeoutNanos - idleFor, () -> execute(this::checkIdle));
            return;
        }
        closeNow(new SocketTimeoutException("no read or write completed for "
                + Duration.ofNanos(idleTimeoutNanos) + " on " + this));
    }

    private void closeNow(Throwable cause) {
        if (state != OPEN) {
            return;
        }
        state = CLOSING;
        closeCause = cause;
        if (idleTimer != null) {
            idleTimer.cancel();
            idleTimer = null;
        }
        for (ReadSlot slot : readSlots) {
            cancel(slot.op);
        }
        cancel(writeSlot.op);
        finishCloseIfIdle();
    }

    private void cancel(Operation op) {
        if (op == null) {
            return;
        }
        try {
            home.poller.cancel(op);
            engine.counters().cancellations.increment();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cancelling {} of {} failed", op, this, e);
        }
    }

    private void finishCloseIfIdle() {
        if (state != CLOSING || pendingOps != 0) {
            return;
        }
        state = CLOSED;
        try {
            backend.closeHandle(handle);
        } catch (IOException e) {
            LOG.warn("closing {} failed", this, e);
        }
        releaseQueuedWrites();
        for (Buffer b : writeSlot.sending) {
            b.release();
        }
        writeSlot.sending.clear();
        engine.connectionClosed(this, bytesRead, bytesWritten, closeCause);
        try {
            handler.onClosed(this, closeCause);
        } catch (RuntimeException e) {
            LOG.warn("onClosed of {} threw", this, e);
        }
    }

    private void releaseQueuedWrites() {
        Buffer b;
        while ((b = writeQueue.poll()) != null) {
            queuedBytes.addAndGet(-b.readableBytes());
            b.release();
        }
    }

    private void failed(String what, long result) {
        ErrorKind kind = backend.classify(result);
        closeNow(kind == ErrorKind.CANCELLED ? closeCause : backend.exception(what, result));
    }

    // ------------------------------------------------------------------ reads (in context)

    private void issueReads() {
        if (providedMode) {
            issueProvidedReceive();
            return;
        }
        while (state == OPEN && autoRead && !endOfStream && readsInFlight < readSlots.length) {
            ReadSlot slot = freeReadSlot();
            Buffer buffer = engine.bufferPool().tryAcquire(engine.config().readBufferSize);
            Operation op = buffer == null ? null : table.acquire(OpKind.RECV, slot);
            if (op == null) {
                if (buffer != null) {
                    buffer.release();
                }
                retryReadsLater(); // pool or operation table exhausted: back-pressure, not failure
                return;
            }
            long seq = readSequencer.tryIssue();
            if (seq == Sequencer.NO_SEQUENCE) {
                // The window is full while a delivery is in progress (a handler resuming reads from onRead):
                // the completion being delivered calls issueReads again once its delivery is published.
                table.release(op);
                buffer.release();
                return;
            }
            slot.op = op;
            slot.buffer = buffer;
            slot.sequence = seq;
            readsInFlight++;
            pendingOps++;
            try {
                home.poller.recv(op, handle, buffer.writableSegment());
            } catch (IOException | RuntimeException e) {
                // Not issued: the sequence must still be delivered so later reads are not held back.
                slot.op = null;
                slot.buffer = null;
                readsInFlight--;
                pendingOps--;
                table.release(op);
                buffer.release();
                closeNow(e);
                readSequencer.complete(seq, END_OF_STREAM);
                return;
            }
        }
    }

    private void issueProvidedReceive() {
        ReadSlot slot = readSlots[0];
        if (state != OPEN || !autoRead || endOfStream || slot.op != null) {
            return;
        }
        Operation op = table.acquire(OpKind.RECV, slot);
        if (op == null) {
            retryReadsLater();
            return;
        }
        slot.op = op;
        readsInFlight++;
        pendingOps++;
        try {
            home.poller.recvProvided(op, handle);
        } catch (IOException | RuntimeException e) {
            slot.op = null;
            readsInFlight--;
            pendingOps--;
            table.release(op);
            closeNow(e);
        }
    }

    /**
     * A completion of the multishot receive: with MORE it stays armed; data comes in a provided buffer.
     * Each arrival is its own sequence, issued and completed at once (the kernel posts them in order).
     */
    private void providedReceiveCompleted(ReadSlot slot, Operation op, long result, int flags) {
        boolean more = (flags & CompletionSink.MORE) != 0;
        if (!more) {
            slot.op = null;
            readsInFlight--;
            pendingOps--;
            table.release(op);
        }
        Buffer buffer = (flags & CompletionSink.BUFFER) != 0
                ? home.poller.takeProvidedBuffer(CompletionSink.bufferId(flags)) : null;
        Object item = null;
        boolean rearm = !more;
        if (result > 0) {
            buffer.writerIndex((int) result);
            item = buffer;
            lastActivityNanos = System.nanoTime();
        } else {
            if (buffer != null) {
                buffer.release();
            }
            ErrorKind kind = result == 0 ? null : backend.classify(result);
            if (result == 0) {
                item = END_OF_STREAM;
            } else if (kind == ErrorKind.NO_BUFFERS) {
                rearm = false;
                retryReadsLater(); // every provided buffer is out: back-pressure, receive again next tick
            } else if (kind != ErrorKind.CANCELLED || state != OPEN) {
                item = new ReadFailure(result);
            } // else: cancelled by pauseReads; issueReads below re-arms only if reads were resumed
        }
        if (item != null) {
            readSequencer.complete(readSequencer.tryIssue(), item);
        }
        finishCloseIfIdle();
        if (rearm) {
            issueReads();
        }
    }

    private ReadSlot freeReadSlot() {
        for (ReadSlot slot : readSlots) {
            if (slot.op == null) {
                return slot;
            }
        }
        throw new IllegalStateException("no free read slot with " + readsInFlight + " reads in flight");
    }

    private void retryReadsLater() {
        if (!readRetryScheduled) {
            readRetryScheduled = true;
            home.wheel.schedule(Worker.TICK_NANOS, () -> execute(() -> {
                readRetryScheduled = false;
                issueReads();
            }));
        }
    }

    private void readCompleted(ReadSlot slot, Operation op, long result) {
        Buffer buffer = slot.buffer;
        long seq = slot.sequence;
        slot.op = null;
        slot.buffer = null;
        readsInFlight--;
        pendingOps--;
        table.release(op);
        Object item;
        if (result > 0) {
            buffer.writerIndex((int) result);
            item = buffer;
            lastActivityNanos = System.nanoTime();
        } else {
            buffer.release();
            item = result == 0 ? END_OF_STREAM : new ReadFailure(result);
        }
        if (seq != readSequencer.nextToDeliver()) {
            engine.counters().reordered.increment();
        }
        readSequencer.complete(seq, item);
        finishCloseIfIdle();
        issueReads();
    }

    /** The read sequencer's handler: items in issue order. */
    private void deliverRead(long sequence, Object item) {
        if (item instanceof Buffer data) {
            if (state != OPEN || endOfStream) {
                data.release();
                return;
            }
            bytesRead += data.readableBytes();
            guard(() -> handler.onRead(this, data));
        } else if (item == END_OF_STREAM) {
            if (state == OPEN && !endOfStream) {
                endOfStream = true;
                guard(() -> handler.onEndOfStream(this));
            }
        } else if (item instanceof ReadFailure f && state == OPEN) {
            failed("recv", f.result);
        }
    }

    private record ReadFailure(long result) {
    }

    // ------------------------------------------------------------------ writes (in context)

    private void checkWritability() {
        long queued = queuedBytes.get();
        if (writable && queued > engine.config().writeHighWaterMark) {
            writable = false;
            guard(() -> handler.onWritabilityChanged(this, false));
        } else if (!writable && queued <= engine.config().writeLowWaterMark) {
            writable = true;
            guard(() -> handler.onWritabilityChanged(this, true));
        }
    }

    private void flushInContext() {
        flushScheduled.set(false);
        flush();
    }

    private void flush() {
        if (state != OPEN || writeSlot.op != null) {
            return;
        }
        ArrayDeque<Buffer> sending = writeSlot.sending;
        int max = backend.maxSendVectors();
        while (sending.size() < max) {
            Buffer next = writeQueue.poll();
            if (next == null) {
                break;
            }
            if (next.readableBytes() == 0) {
                next.release();
                continue;
            }
            sending.add(next);
        }
        if (sending.isEmpty()) {
            maybeShutOutput();
            if (closeAfterFlush) {
                closeNow(null);
            }
            return;
        }
        Operation op = table.acquire(OpKind.SEND, writeSlot);
        if (op == null) {
            home.wheel.schedule(Worker.TICK_NANOS, () -> execute(this::flush));
            return;
        }
        MemorySegment vectors = backend.sendVectors(op);
        IoVectorFormat format = backend.ioVectorFormat();
        int count = 0;
        for (Buffer b : sending) {
            format.write(vectors, count++, b.readableSegment().address(), b.readableBytes());
        }
        writeSlot.op = op;
        pendingOps++;
        try {
            home.poller.send(op, handle, count);
        } catch (IOException | RuntimeException e) {
            writeSlot.op = null;
            pendingOps--;
            table.release(op);
            closeNow(e);
        }
    }

    private void writeCompleted(Operation op, long result) {
        writeSlot.op = null;
        pendingOps--;
        table.release(op);
        if (result < 0) {
            if (state == OPEN) {
                failed("sendmsg", result);
            }
            finishCloseIfIdle();
            return;
        }
        long remaining = result;
        ArrayDeque<Buffer> sending = writeSlot.sending;
        while (remaining > 0) {
            Buffer b = sending.peekFirst();
            int n = (int) Math.min(b.readableBytes(), remaining);
            b.readerIndex(b.readerIndex() + n);
            remaining -= n;
            if (b.readableBytes() == 0) {
                sending.pollFirst().release();
            }
        }
        queuedBytes.addAndGet(-result);
        bytesWritten += result;
        lastActivityNanos = System.nanoTime();
        if (state == OPEN) {
            guard(() -> handler.onWritten(this, result));
            checkWritability();
        }
        finishCloseIfIdle();
        flush();
    }

    private void maybeShutOutput() {
        if (shutdownOutputRequested && !outputShut && state == OPEN && writeSlot.op == null
                && writeSlot.sending.isEmpty() && writeQueue.isEmpty()) {
            outputShut = true;
            try {
                backend.shutdownOutput(handle);
            } catch (IOException e) {
                closeNow(e);
            }
        }
    }

    // ------------------------------------------------------------------ completion routing

    /** Routes a completion into the serial context without allocating when it can run at once. */
    private void completeInContext(IoOp slot, Operation op, long result, int flags) {
        if (home.poller.inEventLoop() && running.compareAndSet(false, true)) {
            try {
                dispatch(slot, op, result, flags);
            } finally {
                exitContext();
            }
        } else {
            execute(() -> dispatch(slot, op, result, flags));
        }
    }

    private void dispatch(IoOp slot, Operation op, long result, int flags) {
        if (slot instanceof ReadSlot r) {
            if (providedMode) {
                providedReceiveCompleted(r, op, result, flags);
            } else {
                readCompleted(r, op, result);
            }
        } else {
            writeCompleted(op, result);
        }
    }

    /** One outstanding read: its operation, buffer and sequence number. */
    private final class ReadSlot extends IoOp {
        Operation op;
        Buffer buffer;
        long sequence;

        @Override
        void complete(Operation op, long result, int flags) {
            completeInContext(this, op, result, flags);
        }
    }

    /** The outstanding send and the buffers it covers (partly sent ones stay at the front). */
    private final class WriteSlot extends IoOp {
        Operation op;
        final ArrayDeque<Buffer> sending = new ArrayDeque<>();

        @Override
        void complete(Operation op, long result, int flags) {
            completeInContext(this, op, result, flags);
        }
    }
}
