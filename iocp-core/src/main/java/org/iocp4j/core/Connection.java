package org.iocp4j.core;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
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
 * ARCHITECTURE.md); on IOCP either a zero-byte receive followed by a real one once data is there
 * ({@link IoEngine.Builder#zeroByteReads}, the default) or up to {@link IoEngine.Builder#readsOutstanding}.
 *
 * <p><b>Writes</b> are queued lock-free and sent in order, gathered into sends of up to the backend's
 * vector limit: one in flight on io_uring, up to {@link IoEngine.Builder#writesOutstanding} on IOCP, with
 * {@link ConnectionHandler#onWritten} in issue order; a partial send is resumed with the rest. Queued bytes above the high water mark make
 * {@link #isWritable()} false until they fall below the low one. A pooled {@link Buffer} is sent without a
 * copy; {@link #write(byte[])} and {@link #write(ByteBuffer)} copy into pooled buffers, as many as the bytes
 * need. Each write call's bytes stay together in the stream, whatever other threads write meanwhile.
 * {@link #writeAndNotify(Buffer)} and its overloads also say when their bytes were handed to the kernel.
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
    /** A zero-byte receive's sequence: data is waiting, nothing to deliver yet. */
    private static final Object NOTHING = new Object();

    private final IoEngine engine;
    final Worker home;
    private final long handle;
    private final ConnectionHandler handler;
    private final InetSocketAddress localAddress;
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
    /** IOCP zero-byte-read mode: wait for data with an empty WSARecv before taking a buffer. */
    private final boolean zeroByteMode;
    /** Data is known to be waiting (a zero-byte receive completed, or a receive filled its buffer). */
    private boolean dataWaiting;

    // ---- writes
    /**
     * What the write calls queued, in order: a {@link Buffer}; a {@code Buffer[]}, the buffers of one call,
     * which no other thread's write may split; or a {@link WriteNotice}.
     */
    private final ConcurrentLinkedQueue<Object> writeQueue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushInContext;
    /** Sends in flight, used as a ring in issue order so that onWritten follows the issue order. */
    private final WriteSlot[] writeSlots;
    /** Index of the oldest send not yet accounted for; writesInFlight slots from here are taken. */
    private int oldestWrite;
    private int writesInFlight;
    /** Buffers taken from the queue but not yet in a send (the rest of a partial send goes first). */
    private final ArrayDeque<Buffer> unsent = new ArrayDeque<>();
    private volatile boolean writable = true;
    /** Readable bytes of the buffers taken off the write queue so far: where in the stream a notice stands. */
    private long bytesDequeued;
    /** Notices taken off the write queue whose bytes are not all sent yet, in stream order; made on first use. */
    private ArrayDeque<WriteNotice> notices;

    // ---- timeouts and accounting
    private volatile long lastActivityNanos = System.nanoTime();
    private long lastReadNanos = lastActivityNanos;
    private long lastWriteProgressNanos = lastActivityNanos;
    private final Timeout idleTimeout;
    private final Timeout readTimeout;
    private final Timeout writeTimeout;
    private long bytesRead;
    private long bytesWritten;
    private volatile Object attachment;

    // ---- socket options
    /**
     * Guards the handle against {@link #setOption} / {@link #getOption} on other threads: once the context
     * has closed the socket its number may name another one, so a call that saw the connection open must
     * finish before the close.
     */
    private final Object socketLock = new Object();
    /** Guarded by {@link #socketLock}. */
    private boolean socketClosed;
    /** SO_LINGER is positive, so closing the socket may block; guarded by {@link #socketLock}. */
    private boolean lingers;

    Connection(IoEngine engine, Worker home, long handle, ConnectionHandler handler,
               InetSocketAddress localAddress, InetSocketAddress remoteAddress) {
        this.engine = engine;
        this.home = home;
        this.handle = handle;
        this.handler = handler;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.backend = engine.backend();
        this.table = engine.operations();
        this.providedMode = home.providedReceives;
        boolean shared = backend.sharedCompletionQueue();
        this.zeroByteMode = shared && !providedMode && engine.config().zeroByteReads;
        int reads = shared && !providedMode && !zeroByteMode ? engine.config().readsOutstanding : 1;
        this.readSlots = new ReadSlot[reads];
        for (int i = 0; i < reads; i++) {
            readSlots[i] = new ReadSlot();
        }
        this.readSequencer = new Sequencer<>(reads, this::deliverRead);
        // io_uring: one sendmsg at a time, because a partial send must be resumed before anything after it.
        int writes = shared ? engine.config().writesOutstanding : 1;
        this.writeSlots = new WriteSlot[writes];
        for (int i = 0; i < writes; i++) {
            writeSlots[i] = new WriteSlot();
        }
        this.idleTimeout = new Timeout(Timeout.IDLE, engine.config().idleTimeoutNanos);
        this.readTimeout = new Timeout(Timeout.READ, engine.config().readTimeoutNanos);
        this.writeTimeout = new Timeout(Timeout.WRITE, engine.config().writeTimeoutNanos);
    }

    // ------------------------------------------------------------------ public API

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * This end's address: the address and port the connection arrived on (for an accepted connection on a
     * wildcard listener, the concrete local address), or the one the system bound an outgoing connection to.
     */
    public InetSocketAddress localAddress() {
        return localAddress;
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
     * or when the connection closes). Any thread. Never blocks and never refuses for lack of room: queued
     * bytes above the high water mark turn {@link #isWritable()} false, which a writer should heed.
     *
     * @return false if the connection is closing or closed or its output shut down; {@code data} is then
     *         released
     */
    public boolean write(Buffer data) {
        Objects.requireNonNull(data, "data");
        return enqueue(data, data.readableBytes());
    }

    /**
     * Queues every buffer of {@code chain} in order, taking ownership of all (see {@link #write(Buffer)}); no
     * other thread's write lands between them.
     */
    public boolean write(BufferChain chain) {
        Buffer[] buffers = new Buffer[chain.size()];
        long bytes = 0;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = chain.get(i);
            bytes += buffers[i].readableBytes();
        }
        return enqueue(buffers, bytes);
    }

    /** Copies all of {@code bytes} into pooled buffers and queues them: {@link #write(byte[], int, int)}. */
    public boolean write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    /**
     * Copies {@code bytes[offset, offset + length)} into pooled buffers — one when it fits the pool's
     * {@linkplain BufferPool#maxBufferSize() largest}, else as many as it takes — and queues them as one write
     * (see {@link #write(Buffer)}); the array may be reused when this returns. Any thread.
     *
     * @return false, copying nothing, if the connection is closing or closed or its output shut down
     * @throws BufferPoolExhaustedException if the pool cannot supply the buffers; nothing is queued then
     */
    public boolean write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return writeCopy(MemorySegment.ofArray(bytes), offset, length);
    }

    /**
     * Copies {@code data}'s remaining bytes into pooled buffers and queues them, like
     * {@link #write(byte[], int, int)}; its position then moves to its limit (it stays put when this returns
     * false or throws). Heap or direct. Any thread.
     */
    public boolean write(ByteBuffer data) {
        boolean queued = writeCopy(MemorySegment.ofBuffer(data), 0, data.remaining());
        if (queued) {
            data.position(data.limit());
        }
        return queued;
    }

    /**
     * {@link #write(Buffer)}, and a stage that completes once every byte of {@code data} has been handed to
     * the kernel: the sends carrying them have completed (the bytes are in the socket's send buffer, as
     * {@link ConnectionHandler#onWritten} counts them; that says nothing of the peer having received them).
     * It fails with an {@link IOException} if the connection closes first, or was not open for writing.
     * Completed on a worker in the connection's serial context: dependent actions added with the non-async
     * methods run there and must not block. Costs an allocation; plain writes cost none of this.
     */
    public CompletionStage<Void> writeAndNotify(Buffer data) {
        write(data);
        return notice();
    }

    /** {@link #write(byte[], int, int)} with a stage as {@link #writeAndNotify(Buffer)} has. */
    public CompletionStage<Void> writeAndNotify(byte[] bytes, int offset, int length) {
        write(bytes, offset, length);
        return notice();
    }

    /** {@link #write(ByteBuffer)} with a stage as {@link #writeAndNotify(Buffer)} has. */
    public CompletionStage<Void> writeAndNotify(ByteBuffer data) {
        write(data);
        return notice();
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
            if (writesIdle()) {
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
        execute(enabled ? this::resumeReads : this::pauseReads);
    }

    /** A read timeout counts from when reads are wanted again. */
    private void resumeReads() {
        if (autoRead) {
            lastReadNanos = System.nanoTime();
            readTimeout.arm();
        }
        issueReads();
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
        idleTimeout.set(timeout);
    }

    /**
     * Sets this connection's read timeout: while reads are wanted (not paused by {@link #autoRead}, no end
     * of stream yet), no data for that long closes it with a {@link SocketTimeoutException}, cancelling
     * pending I/O; {@link Duration#ZERO} disables it. Any thread.
     */
    public void readTimeout(Duration timeout) {
        readTimeout.set(timeout);
    }

    /**
     * Sets this connection's write timeout: while writes are queued or in flight, no bytes sent for that long
     * (a peer that stopped reading) closes it with a {@link SocketTimeoutException}, cancelling pending
     * I/O; {@link Duration#ZERO} disables it. Any thread.
     */
    public void writeTimeout(Duration timeout) {
        writeTimeout.set(timeout);
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

    /**
     * Runs {@code task} in this connection's serial context, so that it never overlaps the handler's
     * callbacks: a protocol layer uses it to come back from another thread (a file read's completion, a
     * virtual thread) to state that only the context touches. It runs even after the connection closed (so
     * that it can release what it holds); what it throws closes the connection like a callback's exception.
     * Any thread.
     */
    public void runInContext(Runnable task) {
        Objects.requireNonNull(task, "task");
        execute(() -> guard(task));
    }

    /**
     * Runs {@code task} in this connection's serial context after {@code delay} (on the home worker's timer
     * wheel, so at most one wheel tick late), unless the returned handle is cancelled first or the
     * connection has closed by then: a request-level deadline such as an HTTP header-read timeout. A cancel
     * that returns {@code false} may race with a task already handed to the context, so the task should
     * check that what it guards is still current. Any thread.
     */
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long nanos = delay.toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("schedule delay " + delay + " is negative");
        }
        return home.wheel.schedule(nanos, () -> execute(() -> {
            if (state == OPEN) {
                guard(task);
            }
        }));
    }

    // ------------------------------------------------------------------ socket options

    /**
     * Sets a socket option of this connection: one of {@link SocketOptions#supported()} but
     * {@link SocketOptions#IPV6_V6ONLY}, which is fixed once a socket is bound. setsockopt is a synchronous
     * call and runs on the calling thread: any thread, a handler callback included.
     *
     * @return this connection
     * @throws UnsupportedOperationException if the option cannot be set on an open connection
     * @throws IllegalArgumentException      naming the option and the value, if the value is not valid for it
     * @throws ClosedChannelException        if the connection's socket is closed
     * @throws IOException                   naming the option and the native error
     */
    public <T> Connection setOption(SocketOption<T> option, T value) throws IOException {
        if (option == SocketOptions.IPV6_V6ONLY) {
            throw new UnsupportedOperationException(option.name() + " is fixed when a socket is bound: give it in "
                    + "the SocketOptions of IoEngine.listen or IoEngine.connect");
        }
        T checked = SocketOptions.check(option, value);
        synchronized (socketLock) {
            if (socketClosed) {
                throw new ClosedChannelException();
            }
            backend.setOption(handle, option, checked);
            if (option == StandardSocketOptions.SO_LINGER) {
                lingers = (Integer) checked > 0;
            }
        }
        return this;
    }

    /**
     * Reads a socket option of this connection (one of {@link SocketOptions#supported()}) as the OS reports
     * it: SO_LINGER as seconds or -1 when off, SO_RCVBUF / SO_SNDBUF as the OS adjusted them (doubled on
     * Linux). Any thread.
     *
     * @throws UnsupportedOperationException if the option is not supported
     * @throws ClosedChannelException        if the connection's socket is closed
     * @throws IOException                   naming the option and the native error
     */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        SocketOptions.requireSupported(option);
        synchronized (socketLock) {
            if (socketClosed) {
                throw new ClosedChannelException();
            }
            return backend.getOption(handle, option);
        }
    }

    /** The options the socket was opened with, before {@link #start}: whether closing it may block. */
    void openedWith(SocketOptions options) {
        Integer linger = options.get(StandardSocketOptions.SO_LINGER);
        synchronized (socketLock) {
            lingers = linger != null && linger > 0;
        }
    }

    /**
     * Closes the socket after the last completion, in the context. A positive SO_LINGER makes close wait until
     * the unsent data is acknowledged or the time is up, so that close runs on the offload executor: a worker
     * never blocks.
     */
    private void closeSocket() {
        boolean mayBlock;
        synchronized (socketLock) {
            socketClosed = true;
            mayBlock = lingers;
        }
        if (mayBlock) {
            try {
                engine.offloadExecutor().execute(this::closeHandle);
                return;
            } catch (RejectedExecutionException e) {
                LOG.warn("the offload executor refused the lingering close of {}; closing on this thread", this, e);
            }
        }
        closeHandle();
    }

    private void closeHandle() {
        try {
            backend.closeHandle(handle);
        } catch (IOException e) {
            LOG.warn("closing {} failed", this, e);
        }
    }

    @Override
    public String toString() {
        return "Connection[" + remoteAddress + ", handle " + handle + "]";
    }

    /** What the connection is waiting for, for shutdown diagnostics (a racy read of context state). */
    String describeState() {
        return this + " state " + state + ", pending ops " + pendingOps + ", reads in flight " + readsInFlight
                + ", sends in flight " + writesInFlight + ", unsent buffers " + unsent.size()
                + ", queued write bytes " + queuedBytes.get()
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
            idleTimeout.arm();
            readTimeout.arm();
            guard(() -> handler.onOpen(this));
            issueReads();
        });
    }

    private void closeNow(Throwable cause) {
        if (state != OPEN) {
            return;
        }
        state = CLOSING;
        closeCause = cause;
        idleTimeout.cancel();
        readTimeout.cancel();
        writeTimeout.cancel();
        for (ReadSlot slot : readSlots) {
            cancel(slot.op);
        }
        for (WriteSlot slot : writeSlots) {
            cancel(slot.op);
        }
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
        closeSocket();
        while (notices != null && !notices.isEmpty()) {
            notices.poll().completeExceptionally(closedBeforeSent());
        }
        releaseQueuedWrites();
        releaseAll(unsent);
        for (WriteSlot slot : writeSlots) {
            releaseAll(slot.sending);
        }
        engine.connectionClosed(this, bytesRead, bytesWritten, closeCause);
        try {
            handler.onClosed(this, closeCause);
        } catch (RuntimeException e) {
            LOG.warn("onClosed of {} threw", this, e);
        }
    }

    private static void releaseAll(ArrayDeque<Buffer> buffers) {
        for (Buffer b; (b = buffers.poll()) != null; ) {
            b.release();
        }
    }

    private void releaseQueuedWrites() {
        for (Object item; (item = writeQueue.poll()) != null; ) {
            long bytes = 0;
            if (item instanceof Buffer b) {
                bytes = b.readableBytes();
            } else if (item instanceof Buffer[] buffers) {
                for (Buffer b : buffers) {
                    bytes += b.readableBytes();
                }
            }
            queuedBytes.addAndGet(-bytes);
            discard(item);
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
            // Zero-byte mode waits for data without a buffer unless data is known to be there already.
            boolean probe = zeroByteMode && !dataWaiting;
            Buffer buffer = probe ? null : engine.bufferPool().tryAcquire(engine.config().readBufferSize);
            Operation op = buffer == null && !probe ? null : table.acquire(OpKind.RECV, slot);
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
                if (buffer != null) { // a zero-byte probe holds none
                    buffer.release();
                }
                return;
            }
            slot.op = op;
            slot.buffer = buffer;
            slot.sequence = seq;
            readsInFlight++;
            pendingOps++;
            try {
                home.poller.recv(op, handle, probe ? MemorySegment.NULL : buffer.writableSegment());
            } catch (IOException | RuntimeException e) {
                // Not issued: the sequence must still be delivered so later reads are not held back.
                slot.op = null;
                slot.buffer = null;
                readsInFlight--;
                pendingOps--;
                table.release(op);
                if (buffer != null) {
                    buffer.release();
                }
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
            readActivity();
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
        if (buffer == null) {
            // A zero-byte receive: 0 means data (or the peer's FIN) is there; the real receive tells which.
            dataWaiting = result >= 0;
            item = result >= 0 ? NOTHING : new ReadFailure(result);
        } else if (result > 0) {
            // A full buffer suggests more is waiting: receive again at once rather than probe first.
            dataWaiting = result == buffer.writableBytes();
            buffer.writerIndex((int) result);
            item = buffer;
            readActivity();
        } else {
            dataWaiting = false;
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

    private void readActivity() {
        long now = System.nanoTime();
        lastReadNanos = now;
        lastActivityNanos = now;
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

    // ------------------------------------------------------------------ writes (any thread)

    private boolean acceptsWrites() {
        return state == OPEN && !closeRequested && !shutdownOutputRequested;
    }

    /** Queues one write call's {@code item} (see {@link #writeQueue}) carrying {@code bytes}, and a flush. */
    private boolean enqueue(Object item, long bytes) {
        if (!acceptsWrites()) {
            discard(item);
            return false;
        }
        writeQueue.offer(item);
        long queued = queuedBytes.addAndGet(bytes);
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

    /** Copies {@code length} bytes of {@code src} from {@code offset} into pooled buffers and queues them. */
    private boolean writeCopy(MemorySegment src, long offset, int length) {
        if (!acceptsWrites()) {
            return false; // before copying for nothing
        }
        BufferPool pool = engine.bufferPool();
        int chunk = pool.maxBufferSize();
        if (length <= chunk) {
            Buffer buffer = pool.acquire(length);
            buffer.writeBytes(src, offset, length);
            return write(buffer);
        }
        // All acquired before any is queued, so that an exhausted pool leaves no half-written message behind.
        Buffer[] buffers = new Buffer[(length - 1) / chunk + 1];
        try {
            for (int i = 0; i < buffers.length; i++) {
                int n = Math.min(chunk, length - i * chunk);
                buffers[i] = pool.acquire(n);
                buffers[i].writeBytes(src, offset + (long) i * chunk, n);
            }
        } catch (RuntimeException e) {
            discard(buffers);
            throw e;
        }
        return enqueue(buffers, length);
    }

    /** A notice queued behind what this thread has written so far. */
    private CompletionStage<Void> notice() {
        WriteNotice notice = new WriteNotice();
        enqueue(notice, 0); // after a refused write the connection refuses this too: the notice then fails
        return notice;
    }

    /** Releases the buffers of a write item that will not be sent, or fails its notice. */
    private void discard(Object item) {
        if (item instanceof Buffer b) {
            b.release();
        } else if (item instanceof Buffer[] buffers) {
            for (Buffer b : buffers) {
                if (b != null) { // a copy that failed half-way
                    b.release();
                }
            }
        } else {
            ((WriteNotice) item).completeExceptionally(closedBeforeSent());
        }
    }

    private IOException closedBeforeSent() {
        // closeCause is written before state leaves OPEN, so the volatile read of state orders it.
        Throwable cause = state != OPEN ? closeCause : null;
        return new IOException(this + " closed, or its output was shut down, before the write was handed to the"
                + " kernel", cause);
    }

    /**
     * A {@link #writeAndNotify(Buffer)}'s place in the write queue. Where in the stream it stands is known only
     * when the flush takes it off the queue ({@link #end}), since other threads may queue writes between its
     * writer's write and the notice.
     */
    private static final class WriteNotice extends CompletableFuture<Void> {
        /** {@link #bytesDequeued} when it was taken off the queue: it completes once that much is sent. */
        long end;
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

    private boolean writesIdle() {
        return writesInFlight == 0 && unsent.isEmpty() && writeQueue.isEmpty();
    }

    /** Issues sends while a slot is free and something is queued: one on io_uring, writesOutstanding on IOCP. */
    private void flush() {
        while (state == OPEN && writesInFlight < writeSlots.length) {
            WriteSlot slot = writeSlots[(oldestWrite + writesInFlight) % writeSlots.length];
            ArrayDeque<Buffer> sending = slot.sending;
            int max = backend.maxSendVectors();
            long bytes = 0;
            while (sending.size() < max) {
                Buffer next = nextToSend();
                if (next == null) {
                    break;
                }
                if (next.readableBytes() == 0) {
                    next.release();
                    continue;
                }
                sending.add(next);
                bytes += next.readableBytes();
            }
            if (sending.isEmpty()) {
                if (writesInFlight == 0) {
                    maybeShutOutput();
                    if (closeAfterFlush) {
                        closeNow(null);
                    }
                }
                return;
            }
            Operation op = table.acquire(OpKind.SEND, slot);
            if (op == null) {
                while (!sending.isEmpty()) { // back in front of what is still unsent, in order
                    unsent.addFirst(sending.pollLast());
                }
                home.wheel.schedule(Worker.TICK_NANOS, () -> execute(this::flush));
                return;
            }
            MemorySegment vectors = backend.sendVectors(op);
            IoVectorFormat format = backend.ioVectorFormat();
            int count = 0;
            for (Buffer b : sending) {
                format.write(vectors, count++, b.readableSegment().address(), b.readableBytes());
            }
            if (writesInFlight == 0) {
                // Writes were idle: the write timeout counts from now, not from the last send long ago.
                lastWriteProgressNanos = System.nanoTime();
                writeTimeout.arm();
            }
            slot.op = op;
            slot.requested = bytes;
            slot.done = false;
            writesInFlight++;
            pendingOps++;
            try {
                home.poller.send(op, handle, count);
            } catch (IOException | RuntimeException e) {
                slot.op = null;
                writesInFlight--;
                pendingOps--;
                table.release(op);
                closeNow(e);
                return;
            }
        }
    }

    /**
     * The next buffer to send: the rest of a partial send first, then the write queue's in order, unpacking
     * one call's several buffers and placing notices on the way.
     */
    private Buffer nextToSend() {
        for (;;) {
            Buffer next = unsent.poll();
            if (next != null) {
                return next;
            }
            Object item = writeQueue.poll();
            if (item == null) {
                return null;
            }
            if (item instanceof Buffer b) {
                bytesDequeued += b.readableBytes();
                return b;
            }
            if (item instanceof Buffer[] buffers) {
                for (Buffer b : buffers) {
                    bytesDequeued += b.readableBytes();
                    unsent.add(b);
                }
            } else {
                place((WriteNotice) item);
            }
        }
    }

    /** A notice completes once the bytes queued before it are sent: at once if they already are. */
    private void place(WriteNotice notice) {
        notice.end = bytesDequeued;
        if (notice.end <= bytesWritten) {
            notice.complete(null);
            return;
        }
        if (notices == null) {
            notices = new ArrayDeque<>();
        }
        notices.add(notice);
    }

    /**
     * A send completed. Its result is recorded in its slot; results are then taken in issue order, so that
     * onWritten follows the order of the bytes even when a later send's completion is dequeued first.
     */
    private void writeCompleted(WriteSlot slot, Operation op, long result) {
        slot.op = null;
        slot.result = result;
        slot.done = true;
        pendingOps--;
        table.release(op);
        while (writesInFlight > 0 && writeSlots[oldestWrite].done) {
            WriteSlot oldest = writeSlots[oldestWrite];
            oldest.done = false;
            oldestWrite = (oldestWrite + 1) % writeSlots.length;
            writesInFlight--;
            sendAccounted(oldest, oldest.result);
        }
        finishCloseIfIdle();
        flush();
    }

    private void sendAccounted(WriteSlot slot, long result) {
        if (result < 0) {
            if (state == OPEN) {
                failed("send", result);
            }
            return;
        }
        long remaining = result;
        ArrayDeque<Buffer> sending = slot.sending;
        while (remaining > 0) {
            Buffer b = sending.peekFirst();
            int n = (int) Math.min(b.readableBytes(), remaining);
            b.readerIndex(b.readerIndex() + n);
            remaining -= n;
            if (b.readableBytes() == 0) {
                sending.pollFirst().release();
            }
        }
        if (!sending.isEmpty() && state == OPEN) {
            if (writesInFlight > 0) {
                // Later sends already carry the bytes after these: resending would reorder the stream.
                closeNow(new IOException("partial send of " + result + " of " + slot.requested
                        + " bytes with " + writesInFlight + " later sends in flight on " + this));
                return;
            }
            // The rest goes first in the next send, before anything still queued.
            while (!sending.isEmpty()) {
                unsent.addFirst(sending.pollLast());
            }
        }
        queuedBytes.addAndGet(-result);
        bytesWritten += result;
        if (result > 0) {
            long now = System.nanoTime();
            lastWriteProgressNanos = now;
            lastActivityNanos = now;
        }
        if (state == OPEN) {
            guard(() -> handler.onWritten(this, result));
            checkWritability();
        }
        while (notices != null && !notices.isEmpty() && notices.peek().end <= bytesWritten) {
            notices.poll().complete(null);
        }
    }

    private void maybeShutOutput() {
        if (shutdownOutputRequested && !outputShut && state == OPEN && writesIdle()) {
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
            writeCompleted((WriteSlot) slot, op, result);
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

        @Override
        public String toString() {
            return "read slot (" + (buffer == null ? "zero-byte" : "buffer") + ", sequence " + sequence + ") of "
                    + Connection.this + " in state " + state;
        }
    }

    /** One send: its operation, the buffers it covers, and its result until it is accounted in order. */
    private final class WriteSlot extends IoOp {
        Operation op;
        final ArrayDeque<Buffer> sending = new ArrayDeque<>();
        long requested;
        long result;
        boolean done;

        @Override
        void complete(Operation op, long result, int flags) {
            completeInContext(this, op, result, flags);
        }

        @Override
        public String toString() {
            return "send slot (" + requested + " bytes) of " + Connection.this + " in state " + state;
        }
    }

    /**
     * One of the idle, read and write timeouts: a timer on the home worker's wheel that, when it fires,
     * pushes itself back by the time since the last activity it watches instead of being rescheduled on
     * every I/O — so I/O allocates nothing for it. A timeout that fires while its activity is not wanted
     * (reads paused, no write pending) lapses and is armed again when it is.
     */
    private final class Timeout implements Runnable {
        static final int IDLE = 0;
        static final int READ = 1;
        static final int WRITE = 2;

        private final int kind;
        private final Runnable fire = () -> execute(this);
        private long nanos;
        private TimerHandle timer;

        Timeout(int kind, long nanos) {
            this.kind = kind;
            this.nanos = nanos;
        }

        void set(Duration timeout) {
            long n = timeout.toNanos();
            if (n < 0) {
                throw new IllegalArgumentException(name() + " timeout " + timeout + " is negative");
            }
            execute(() -> {
                nanos = n;
                cancel();
                arm();
            });
        }

        void arm() {
            if (nanos > 0 && timer == null && state == OPEN && wanted()) {
                timer = home.wheel.schedule(nanos, fire);
            }
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }

        @Override
        public void run() {
            timer = null;
            if (state != OPEN || nanos <= 0 || !wanted()) {
                return;
            }
            long quiet = System.nanoTime() - last();
            if (quiet < nanos) {
                timer = home.wheel.schedule(nanos - quiet, fire);
                return;
            }
            String what = switch (kind) {
                case IDLE -> "idle timeout: no read or write completed for ";
                case READ -> "read timeout: no data received for ";
                default -> "write timeout: no bytes sent for ";
            };
            closeNow(new SocketTimeoutException(what + Duration.ofNanos(nanos) + " on " + describeState()));
        }

        private String name() {
            return switch (kind) {
                case IDLE -> "idle";
                case READ -> "read";
                default -> "write";
            };
        }

        private boolean wanted() {
            return switch (kind) {
                case IDLE -> true;
                case READ -> autoRead && !endOfStream;
                default -> !writesIdle();
            };
        }

        private long last() {
            return switch (kind) {
                case IDLE -> lastActivityNanos;
                case READ -> lastReadNanos;
                default -> lastWriteProgressNanos;
            };
        }
    }
}
