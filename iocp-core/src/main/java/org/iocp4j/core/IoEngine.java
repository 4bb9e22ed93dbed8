package org.iocp4j.core;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import jdk.jfr.FlightRecorder;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.BackendProvider;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proactor: a backend (IOCP on Windows, io_uring on Linux, or the one named by the
 * {@value BackendProvider#PROPERTY} system property / {@link Builder#backend}), N worker threads each
 * blocking in a batched dequeue, a buffer pool and an operation table on the backend's memory.
 *
 * <pre>{@code
 * try (IoEngine engine = IoEngine.builder().build()) {
 *     ConnectionHandler echo = (connection, data) -> connection.write(data);   // takes the buffer over
 *     Server server = engine.listen(new InetSocketAddress("127.0.0.1", 0), () -> echo);
 *     ...
 *     engine.shutdown(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #shutdown(Duration)} (or {@link #close()}) stops it: stop accepting, let queued
 * writes finish until the deadline, close what is left (cancelling pending I/O), wait for every operation's
 * completion, stop the workers, close the backend and the pool — whose outstanding count is then zero, or
 * the shutdown reports the leak.
 */
public final class IoEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IoEngine.class);

    private final Config config;
    private final Backend backend;
    private final OperationTable operations;
    private final BufferPool pool;
    private final Worker[] workers;
    private final Executor offload;
    private final ExecutorService ownedOffload;
    private final EngineCounters counters = new EngineCounters();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Server> servers = ConcurrentHashMap.newKeySet();
    private final Set<IoFile> files = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextHome = new AtomicInteger();
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Runnable periodicEvent = this::emitSnapshotEvent;

    private IoEngine(Builder b) throws IOException {
        this.config = new Config(b);
        BackendProvider provider = BackendProvider.forName(
                b.backend != null ? b.backend : System.getProperty(BackendProvider.PROPERTY));
        this.backend = provider.create(new BackendConfig(b.workers, b.dequeueBatch, b.queueDepth,
                b.inlineLimit, b.loopbackFastPath));
        OperationTable table = null;
        BufferPool bufferPool = null;
        try {
            table = new OperationTable(backend.memory(), backend.operationBlockSize(), b.maxOperations);
            bufferPool = BufferPool.builder()
                    .sizeClasses(b.sizeClasses != null ? b.sizeClasses : new int[] {b.readBufferSize})
                    .maxBytes(b.poolMaxBytes)
                    .pageAllocator(backend.memory())
                    .build();
        } catch (IOException | RuntimeException e) {
            closeQuietlyAll(table, backend);
            throw e;
        }
        this.operations = table;
        this.pool = bufferPool;
        if (b.offload != null) {
            this.offload = b.offload;
            this.ownedOffload = null;
        } else {
            this.ownedOffload = Executors.newVirtualThreadPerTaskExecutor();
            this.offload = ownedOffload;
        }
        this.workers = new Worker[b.workers];
        Queue<Runnable> shared = backend.sharedCompletionQueue() ? new ConcurrentLinkedQueue<>() : null;
        try {
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(this, i, shared != null ? shared : new ConcurrentLinkedQueue<>());
                workers[i].startAndAwait();
            }
        } catch (IOException | RuntimeException e) {
            for (Worker w : workers) {
                if (w != null && w.poller != null) {
                    w.stopLoop();
                }
            }
            if (ownedOffload != null) {
                ownedOffload.shutdown();
            }
            closeQuietlyAll(operations, backend, pool);
            throw e;
        }
        FlightRecorder.addPeriodicEvent(EngineSnapshotEvent.class, periodicEvent);
        LOG.info("iocp4j engine started: backend {}, {} workers", backend.name(), workers.length);
    }

    /** A builder with the defaults (see each setter). */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ public API

    /**
     * Listens on {@code address} (IPv4 or IPv6; port 0 picks one) with {@link Builder#acceptsOutstanding}
     * accepts posted; each accepted connection gets a handler from {@code handlers}. The listening and the
     * accepted sockets get {@link Builder#socketOptions}.
     *
     * @throws IOException           if the socket cannot be bound or listen
     * @throws IllegalStateException after {@link #shutdown}
     */
    public Server listen(InetSocketAddress address, Supplier<? extends ConnectionHandler> handlers)
            throws IOException {
        return listen(address, config.socketOptions, handlers);
    }

    /**
     * {@link #listen(InetSocketAddress, Supplier)} with {@code options} instead of the engine's for this
     * server's listening socket and every connection it accepts.
     *
     * @throws IOException           if the socket cannot be bound or listen, or an option cannot be set
     *                               (naming the option and the native error)
     * @throws IllegalStateException after {@link #shutdown}
     */
    public Server listen(InetSocketAddress address, SocketOptions options,
                         Supplier<? extends ConnectionHandler> handlers) throws IOException {
        checkRunning();
        Objects.requireNonNull(options, "options");
        long handle = backend.listen(address, config.backlog, options);
        Server server;
        try {
            server = new Server(this, handle, Objects.requireNonNull(handlers, "handlers"),
                    config.acceptsOutstanding, options);
        } catch (IOException | RuntimeException e) {
            closeQuietly(handle);
            throw e;
        }
        servers.add(server);
        server.start();
        return server;
    }

    /**
     * Connects to {@code remote} (ConnectEx / IORING_OP_CONNECT) with {@link Builder#socketOptions}; the
     * future completes with the connection after {@link ConnectionHandler#onOpen} has run, or exceptionally
     * with the native error.
     */
    public CompletableFuture<Connection> connect(InetSocketAddress remote, ConnectionHandler handler) {
        return connect(remote, config.socketOptions, handler);
    }

    /**
     * {@link #connect(InetSocketAddress, ConnectionHandler)} with {@code options} instead of the engine's;
     * an option that cannot be set fails the future with an {@link IOException} naming it.
     */
    public CompletableFuture<Connection> connect(InetSocketAddress remote, SocketOptions options,
                                                 ConnectionHandler handler) {
        checkRunning();
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Worker home = nextHome();
        home.execute(() -> {
            long handle;
            try {
                handle = backend.openStreamSocket(remote.getAddress() instanceof Inet6Address, options);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            ConnectOp connect = new ConnectOp(home, handle, remote, options, handler, result);
            connect.issue();
        });
        return result;
    }

    /**
     * Opens {@code path} for asynchronous reads at offsets.
     *
     * @throws IOException naming the path and the native error
     */
    public IoFile openFile(java.nio.file.Path path) throws IOException {
        checkRunning();
        long handle = backend.openFile(path);
        IoFile file = new IoFile(this, nextHome(), handle, path);
        CompletableFuture<Void> registered = new CompletableFuture<>();
        file.homeExecute(() -> {
            try {
                file.register();
                registered.complete(null);
            } catch (IOException | RuntimeException e) {
                registered.completeExceptionally(e);
            }
        });
        try {
            registered.join();
        } catch (java.util.concurrent.CompletionException e) {
            closeQuietly(handle);
            throw e.getCause() instanceof IOException io ? io : new IOException("registering " + path, e.getCause());
        }
        files.add(file);
        return file;
    }

    /** The buffer pool (built on the backend's memory): acquire buffers to write from it. */
    public BufferPool bufferPool() {
        return pool;
    }

    /** The backend's name: {@code io_uring} or {@code iocp}. */
    public String backendName() {
        return backend.name();
    }

    /** Number of worker threads. */
    public int workers() {
        return workers.length;
    }

    /** A snapshot of the engine's counters and the pool's accounting. */
    public EngineMetrics metrics() {
        EngineCounters c = counters;
        return new EngineMetrics(backend.name(), workers.length, c.open.get(), c.accepted.sum(),
                c.connected.sum(), c.closed.sum(), operations.inUse(), c.dequeues.sum(), c.completions.sum(),
                backend.inlineCompletions(), backend.postedBeyondInlineLimit(), c.reordered.sum(),
                c.cancellations.sum(), c.handlerFailures.sum(), providedBuffers(), pool.metrics());
    }

    private long providedBuffers() {
        long n = 0;
        for (Worker w : workers) {
            n += w.poller.providedBuffers();
        }
        return n;
    }

    /** Whether {@link #shutdown} has started. */
    public boolean isShutdown() {
        return shutdown.get();
    }

    /**
     * Stops the engine (see the class comment): queued writes may finish until {@code gracePeriod} has
     * passed, then whatever is still open is aborted. Returns when every worker has stopped and everything
     * is released. A second call waits for the first.
     *
     * @throws IOException           if the backend or the pool failed to release something; a
     *                               {@link BufferLeakException} cause lists buffers the application still
     *                               holds
     * @throws IllegalStateException if operations did not complete in time after cancellation (their memory
     *                               is then kept rather than freed under the kernel), or if called on one of
     *                               the engine's workers
     */
    public void shutdown(Duration gracePeriod) throws IOException {
        if (Worker.current() != null && Worker.current().engine == this) {
            throw new IllegalStateException("shutdown called on one of the engine's own workers, which it must"
                    + " join: call it from another thread (for example through Connection.offload)");
        }
        if (!shutdown.compareAndSet(false, true)) {
            terminated.join();
            return;
        }
        try {
            long deadline = System.nanoTime() + gracePeriod.toNanos();
            servers.forEach(Server::close);
            files.forEach(IoFile::close);
            connections.forEach(Connection::close);
            awaitCondition(() -> connections.isEmpty(), deadline);
            if (!connections.isEmpty() && LOG.isInfoEnabled()) {
                LOG.info("shutdown: aborting {} connections still open after the grace period: {}",
                        connections.size(), connections.stream().map(Connection::describeState).toList());
            }
            connections.forEach(Connection::abort);
            // After cancellation every completion is due promptly; this bound only guards against a kernel
            // (or a bug) that never delivers one.
            long reapDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            awaitCondition(() -> connections.isEmpty() && servers.isEmpty() && operations.inUse() == 0,
                    reapDeadline);
            if (operations.inUse() != 0 || !connections.isEmpty()) {
                throw new IllegalStateException("shutdown: " + operations.inUse() + " operations and "
                        + connections.size() + " connections still pending after cancellation:"
                        + operations.describeInUse(16)
                        + connections.stream().map(c -> "\n  " + c.describeState()).reduce("", String::concat));
            }
            for (Worker w : workers) {
                w.stopLoop();
            }
            for (Worker w : workers) {
                w.join();
            }
            FlightRecorder.removePeriodicEvent(periodicEvent);
            if (ownedOffload != null) {
                ownedOffload.shutdown();
            }
            backend.close();
            operations.close();
            pool.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during shutdown", e);
        } catch (BufferLeakException e) {
            throw new IOException("shutdown: buffers still outstanding", e);
        } finally {
            terminated.complete(null);
        }
    }

    /** {@link #shutdown(Duration)} with a 5 second grace period. */
    @Override
    public void close() throws IOException {
        shutdown(Duration.ofSeconds(5));
    }

    // ------------------------------------------------------------------ engine internals

    Backend backend() {
        return backend;
    }

    OperationTable operations() {
        return operations;
    }

    Config config() {
        return config;
    }

    EngineCounters counters() {
        return counters;
    }

    Executor offloadExecutor() {
        return offload;
    }

    Worker worker(int i) {
        return workers[i % workers.length];
    }

    private Worker nextHome() {
        return workers[Math.floorMod(nextHome.getAndIncrement(), workers.length)];
    }

    private void checkRunning() {
        if (shutdown.get()) {
            throw new IllegalStateException("engine is shut down");
        }
    }

    /**
     * A server's accept completed with {@code handle}: sets the server's {@code options} on it, homes the
     * connection and starts it.
     */
    void accepted(long handle, Supplier<? extends ConnectionHandler> handlers, SocketOptions options) {
        InetSocketAddress local;
        InetSocketAddress remote;
        ConnectionHandler handler;
        try {
            local = backend.localAddress(handle);
            remote = backend.remoteAddress(handle);
            // The listener took the same options, so a failure here is this connection's own (a reset peer).
            backend.setOptions(handle, options, false);
            handler = Objects.requireNonNull(handlers.get(), "handler factory returned null");
        } catch (IOException | RuntimeException e) {
            // The peer may already be gone (ENOTCONN): nothing to deliver to.
            LOG.debug("dropping accepted connection", e);
            closeQuietly(handle);
            return;
        }
        counters.accepted.increment();
        Connection connection = new Connection(this, nextHome(), handle, handler, local, remote);
        connection.openedWith(options);
        open(connection);
    }

    private void open(Connection connection) {
        connections.add(connection);
        counters.open.incrementAndGet();
        connection.start(true);
        if (shutdown.get()) {
            connection.abort(); // accepted while shutting down: opened and closed at once, accounted for
        }
    }

    void connectionClosed(Connection connection, long bytesRead, long bytesWritten, Throwable cause) {
        connections.remove(connection);
        counters.open.decrementAndGet();
        counters.closed.increment();
        ConnectionClosedEvent event = new ConnectionClosedEvent();
        if (event.shouldCommit()) {
            event.backend = backend.name();
            event.remote = String.valueOf(connection.remoteAddress());
            event.bytesRead = bytesRead;
            event.bytesWritten = bytesWritten;
            event.cause = cause == null ? null : cause.toString();
            event.commit();
        }
    }

    void fileClosed(IoFile file) {
        files.remove(file);
    }

    void serverClosed(Server server) {
        servers.remove(server);
    }

    void workerDied(Worker worker, Throwable cause) {
        LOG.error("worker {} stopped; the engine cannot make progress on its connections", worker.getName(),
                cause);
    }

    void closeQuietly(long handle) {
        try {
            backend.closeHandle(handle);
        } catch (IOException e) {
            LOG.warn("closing handle {} failed", handle, e);
        }
    }

    private static void closeQuietlyAll(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("cleanup after a failed start", e);
                }
            }
        }
    }

    private static void awaitCondition(BooleanSupplier done, long deadlineNanos)
            throws InterruptedException {
        while (!done.getAsBoolean() && System.nanoTime() - deadlineNanos < 0) {
            Thread.sleep(2);
        }
    }

    private void emitSnapshotEvent() {
        EngineMetrics m = metrics();
        EngineSnapshotEvent e = new EngineSnapshotEvent();
        e.backend = m.backend();
        e.connectionsOpen = m.connectionsOpen();
        e.operationsInFlight = m.operationsInFlight();
        e.completions = m.completions();
        e.completionsPerDequeue = m.completionsPerDequeue();
        e.inlineCompletions = m.inlineCompletions();
        e.reorderedCompletions = m.reorderedCompletions();
        e.cancellations = m.cancellations();
        e.buffersInUse = m.pool().inUse();
        e.commit();
    }

    /** A pending connect: one operation, then the connection or the failure. On the home worker. */
    private final class ConnectOp extends IoOp {
        private final Worker home;
        private final long handle;
        private final InetSocketAddress remote;
        private final SocketOptions options;
        private final ConnectionHandler handler;
        private final CompletableFuture<Connection> result;

        ConnectOp(Worker home, long handle, InetSocketAddress remote, SocketOptions options,
                  ConnectionHandler handler, CompletableFuture<Connection> result) {
            this.home = home;
            this.handle = handle;
            this.remote = remote;
            this.options = options;
            this.handler = handler;
            this.result = result;
        }

        void issue() {
            if (shutdown.get()) {
                // Queued before the shutdown but run after it: nothing may be issued once the engine has
                // decided that every operation has completed.
                fail(new IOException("engine shut down before connecting to " + remote));
                return;
            }
            Operation op = operations.acquire(OpKind.CONNECT, this);
            if (op == null) {
                fail(new IOException("connect to " + remote + ": all " + operations.capacity()
                        + " operation blocks are in flight"));
                return;
            }
            try {
                home.poller.register(handle);
                home.poller.connect(op, handle, remote);
            } catch (IOException | RuntimeException e) {
                operations.release(op);
                fail(e);
            }
        }

        private void fail(Throwable e) {
            closeQuietly(handle);
            result.completeExceptionally(e);
        }

        @Override
        void complete(Operation op, long res, int flags) {
            operations.release(op);
            if (res < 0) {
                fail(backend.exception("connect to " + remote, res));
                return;
            }
            if (shutdown.get()) {
                fail(new IOException("engine shut down while connecting to " + remote));
                return;
            }
            InetSocketAddress local;
            try {
                local = backend.localAddress(handle);
            } catch (IOException e) {
                fail(e);
                return;
            }
            counters.connected.increment();
            Connection connection = new Connection(IoEngine.this, home, handle, handler, local, remote);
            connection.openedWith(options);
            connections.add(connection);
            counters.open.incrementAndGet();
            connection.start(false);
            result.complete(connection);
        }
    }

    /** The builder's settings, fixed at build time. */
    static final class Config {
        final int readBufferSize;
        final int readsOutstanding;
        final int acceptsOutstanding;
        final int backlog;
        final SocketOptions socketOptions;
        final long writeHighWaterMark;
        final long writeLowWaterMark;
        final long idleTimeoutNanos;
        final long readTimeoutNanos;
        final long writeTimeoutNanos;
        final int providedBuffers;
        final boolean zeroByteReads;
        final int writesOutstanding;

        Config(Builder b) {
            this.providedBuffers = b.providedBuffers;
            this.readBufferSize = b.readBufferSize;
            this.readsOutstanding = b.readsOutstanding;
            this.acceptsOutstanding = b.acceptsOutstanding;
            this.backlog = b.backlog;
            this.socketOptions = b.socketOptions;
            this.writeHighWaterMark = b.writeHighWaterMark;
            this.writeLowWaterMark = b.writeLowWaterMark;
            this.idleTimeoutNanos = b.idleTimeout.toNanos();
            this.readTimeoutNanos = b.readTimeout.toNanos();
            this.writeTimeoutNanos = b.writeTimeout.toNanos();
            this.writesOutstanding = b.writesOutstanding;
            if (b.zeroByteReads == Boolean.TRUE && b.readsOutstanding > 1) {
                throw new IllegalArgumentException("zeroByteReads and readsOutstanding " + b.readsOutstanding
                        + " exclude each other: zero-byte-read mode keeps one receive in flight");
            }
            this.zeroByteReads = b.zeroByteReads != null ? b.zeroByteReads : b.readsOutstanding == 1;
        }
    }

    /**
     * Configures an {@link IoEngine}. Every setter checks its argument and throws
     * {@link IllegalArgumentException} naming what was wrong.
     */
    public static final class Builder {
        private String backend;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int dequeueBatch = 256;
        private int queueDepth = 4096;
        private int inlineLimit = 16;
        private boolean loopbackFastPath;
        private int maxOperations = 65536;
        private int readBufferSize = 16384;
        private int[] sizeClasses;
        private long poolMaxBytes = 256L << 20;
        private int readsOutstanding = 1;
        private int acceptsOutstanding = 32;
        private int backlog = 1024;
        private SocketOptions socketOptions = SocketOptions.defaults();
        private long writeHighWaterMark = 1L << 20;
        private long writeLowWaterMark = 256L << 10;
        private Duration idleTimeout = Duration.ZERO;
        private Duration readTimeout = Duration.ZERO;
        private Duration writeTimeout = Duration.ZERO;
        private Boolean zeroByteReads;
        private int writesOutstanding = 4;
        private Executor offload;
        private int providedBuffers = 256;

        private Builder() {
        }

        /** {@code io_uring} or {@code iocp}; default: the {@value BackendProvider#PROPERTY} property, else by OS. */
        public Builder backend(String name) {
            this.backend = Objects.requireNonNull(name, "backend");
            return this;
        }

        /** Worker threads; default the number of processors. */
        public Builder workers(int workers) {
            this.workers = positive(workers, "workers");
            return this;
        }

        /** Most completions per dequeue (GetQueuedCompletionStatusEx entries), 1..4096; default 256. */
        public Builder dequeueBatch(int batch) {
            if (batch < 1 || batch > 4096) {
                throw new IllegalArgumentException("dequeueBatch " + batch + " is not in 1..4096");
            }
            this.dequeueBatch = batch;
            return this;
        }

        /** io_uring submission queue entries per ring; default 4096. */
        public Builder queueDepth(int entries) {
            this.queueDepth = positive(entries, "queueDepth");
            return this;
        }

        /** Windows: depth of inline immediate completions before posting to the port; default 16. */
        public Builder inlineLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("inlineLimit " + limit + " is negative");
            }
            this.inlineLimit = limit;
            return this;
        }

        /** Windows: set SIO_LOOPBACK_FAST_PATH on sockets (a hint); default off. */
        public Builder loopbackFastPath(boolean enabled) {
            this.loopbackFastPath = enabled;
            return this;
        }

        /** Most operations in flight at once (operation table size); default 65536. */
        public Builder maxOperations(int max) {
            this.maxOperations = positive(max, "maxOperations");
            return this;
        }

        /** Bytes per receive buffer; default 16384. */
        public Builder readBufferSize(int bytes) {
            this.readBufferSize = positive(bytes, "readBufferSize");
            return this;
        }

        /** The pool's size classes; default one class of {@link #readBufferSize}. */
        public Builder sizeClasses(int... sizes) {
            this.sizeClasses = sizes.clone();
            return this;
        }

        /** Most bytes the buffer pool may hold; default 256 MiB. */
        public Builder poolMaxBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("poolMaxBytes " + bytes + " is not positive");
            }
            this.poolMaxBytes = bytes;
            return this;
        }

        /**
         * Receives in flight per connection on IOCP (kept in order by the read sequencer); default 1.
         * io_uring always uses 1 (see ARCHITECTURE.md).
         */
        public Builder readsOutstanding(int reads) {
            this.readsOutstanding = positive(reads, "readsOutstanding");
            return this;
        }

        /**
         * io_uring: receive buffers each worker lends to the kernel (a provided-buffer ring) so that receives
         * take a buffer only when data arrives and an idle connection holds none; a power of two up to
         * 32768, 0 for plain receives with a buffer per connection; default 256. Ignored where the backend or
         * kernel has no provided buffers.
         */
        public Builder providedBuffers(int perWorker) {
            if (perWorker < 0 || perWorker > 32768 || (perWorker & (perWorker - 1)) != 0) {
                throw new IllegalArgumentException("providedBuffers " + perWorker
                        + " is not 0 or a power of two up to 32768");
            }
            this.providedBuffers = perWorker;
            return this;
        }

        /** Accepts kept posted per server; default 32. */
        public Builder acceptsOutstanding(int accepts) {
            this.acceptsOutstanding = positive(accepts, "acceptsOutstanding");
            return this;
        }

        /**
         * listen()'s backlog: connections the OS completes and queues until an accept takes them; default
         * 1024. The OS bounds it silently: Linux at {@code net.core.somaxconn} (4096 since 5.4), Windows at a
         * limit of its own.
         */
        public Builder backlog(int backlog) {
            this.backlog = positive(backlog, "backlog");
            return this;
        }

        /**
         * The socket options of every listening, accepted and connected socket, unless a
         * {@link IoEngine#listen(InetSocketAddress, SocketOptions, Supplier) listen} or
         * {@link IoEngine#connect(InetSocketAddress, SocketOptions, ConnectionHandler) connect} call gives its
         * own; default {@link SocketOptions#defaults()}: TCP_NODELAY on (Nagle's algorithm off), everything
         * else as the OS has it. {@link SocketOptions#osDefaults()} leaves Nagle's algorithm on too. See
         * {@link SocketOptions} for each option and when it is set.
         */
        public Builder socketOptions(SocketOptions options) {
            this.socketOptions = Objects.requireNonNull(options, "socketOptions");
            return this;
        }

        /** Queued write bytes above which a connection is not writable, and below which it is again. */
        public Builder writeWaterMarks(long low, long high) {
            if (low < 0 || high < low) {
                throw new IllegalArgumentException("write water marks low " + low + ", high " + high
                        + " are not 0 <= low <= high");
            }
            this.writeLowWaterMark = low;
            this.writeHighWaterMark = high;
            return this;
        }

        /** Default idle timeout of every connection; {@link Duration#ZERO} (the default) disables it. */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idle timeout " + timeout + " is negative");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** Default read timeout of every connection (see {@link Connection#readTimeout}); default off. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = nonNegative(timeout, "read timeout");
            return this;
        }

        /** Default write timeout of every connection (see {@link Connection#writeTimeout}); default off. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = nonNegative(timeout, "write timeout");
            return this;
        }

        /**
         * IOCP: wait for data with a zero-byte WSARecv (no buffer) and take a pooled buffer only when data is
         * there, so an idle connection holds no buffer; one receive in flight, so it excludes
         * {@link #readsOutstanding} above 1. Default: on unless readsOutstanding is above 1. io_uring gets the
         * same effect from provided buffers and ignores this.
         */
        public Builder zeroByteReads(boolean enabled) {
            this.zeroByteReads = enabled;
            return this;
        }

        /**
         * IOCP: WSASends in flight per connection (Windows keeps them in issue order); default 4. io_uring
         * always keeps one sendmsg in flight: a partial send must be resumed before the bytes after it.
         */
        public Builder writesOutstanding(int writes) {
            this.writesOutstanding = positive(writes, "writesOutstanding");
            return this;
        }

        /** Where {@link Connection#offload} runs work; default a virtual thread per task. */
        public Builder offloadExecutor(Executor executor) {
            this.offload = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Starts the engine: creates the backend, the pool and the operation table, starts the workers.
         *
         * @throws IOException                   the backend cannot run here (io_uring disabled, ...)
         * @throws UnsupportedOperationException no backend for this OS, or the named one is not built in
         */
        public IoEngine build() throws IOException {
            return new IoEngine(this);
        }

        private static Duration nonNegative(Duration timeout, String what) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException(what + " " + timeout + " is negative");
            }
            return timeout;
        }

        private static int positive(int value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException(what + " " + value + " is not positive");
            }
            return value;
        }
    }
}
