package org.iocp4j.examples.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server on the iocp4j proactor: no NIO, no Netty — requests are parsed from the engine's pooled
 * receive buffers, responses encoded into pooled buffers and sent with gathered writes, static files read
 * with overlapped reads ({@code ReadFile} on IOCP, {@code IORING_OP_READ} on io_uring) one slice at a time.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder().port(8080).root(Path.of("site")).build();
 * server.route("GET", "/hello", (req, res) -> res.body("Hello, " + req.remoteAddress() + "\n"));
 * server.start();
 * ...
 * server.shutdown(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Requests go, in this order, to: {@code OPTIONS} (answered by the server), a route of the exact path,
 * a file under the root (GET and HEAD), else 404. See {@link HttpLimits} for what is refused and how.
 *
 * <p>Thread-safe. Routes may be added before or after {@link #start()}.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /** The largest pooled buffer: a request head is gathered in one, file slices are read into them. */
    public static final int MAX_HEAD_BYTES = 64 << 10;
    /** The engine's size classes: small responses, receives, and heads/slices. */
    private static final int[] SIZE_CLASSES = {4 << 10, 16 << 10, MAX_HEAD_BYTES};
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final String STATIC_METHODS = "GET, HEAD, OPTIONS";

    private final InetSocketAddress address;
    private final HttpLimits limits;
    private final Path root;
    private final IoEngine engine;
    private final RouteTable routes = new RouteTable();
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    /** Admitted connections; compared with the cap before a connection is admitted. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] responsesByClass = {new LongAdder(), new LongAdder(), new LongAdder(),
            new LongAdder(), new LongAdder()};
    private final LongAdder refusals = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    /**
     * Set once by {@link #shutdown}, which then walks {@link #open} to drain each connection; read by
     * {@link #admit} and by a new connection after it joined {@link #open}. Volatile, and the set's add and
     * iteration are volatile accesses too, so of "shutdown sets the flag, then walks the set" and "a
     * connection joins the set, then reads the flag" at least one sees the other: no connection is missed.
     */
    private volatile boolean draining;
    private volatile Server listener;

    private HttpServer(Builder b) throws IOException {
        this.address = b.address();
        this.limits = b.limits;
        this.root = b.root == null ? null : b.root.toRealPath();
        if (root != null && !Files.isDirectory(root)) {
            throw new IOException("root " + b.root + " is not a directory");
        }
        this.engine = b.engine.workers(b.workers).sizeClasses(SIZE_CLASSES).readBufferSize(16 << 10)
                .poolMaxBytes(b.poolMaxBytes).build();
    }

    /** A builder: 127.0.0.1:8080, one worker per processor, no root, {@link HttpLimits#DEFAULTS}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Routes {@code method} requests for exactly {@code path} to {@code handler}, which runs on a virtual
     * thread and may block. HEAD requests are answered by the GET handler without the body.
     *
     * @throws IllegalArgumentException the method is not GET, POST, PUT or DELETE, or the path does not
     *                                  start with '/' or holds a query
     */
    public HttpServer route(String method, String path, HttpHandler handler) {
        routes.add(method, path, handler, true);
        return this;
    }

    /** As {@link #route}, but {@code handler} runs on the engine worker and must not block. */
    public HttpServer routeNonBlocking(String method, String path, HttpHandler handler) {
        routes.add(method, path, handler, false);
        return this;
    }

    /**
     * Starts listening.
     *
     * @throws IOException           the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public synchronized HttpServer start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the server is already started");
        }
        listener = engine.listen(address, () -> new HttpConnection(this));
        return this;
    }

    /** The bound address (the port chosen when 0 was asked for). */
    public InetSocketAddress localAddress() {
        Server s = listener;
        if (s == null) {
            throw new IllegalStateException("the server is not started");
        }
        return s.localAddress();
    }

    /** The engine underneath: its metrics, its buffer pool. */
    public IoEngine engine() {
        return engine;
    }

    /** The root static files are served from (real path), or {@code null}. */
    public Path root() {
        return root;
    }

    /** The limits in force. */
    public HttpLimits limits() {
        return limits;
    }

    /** A snapshot of the server's and the engine's counters. */
    public HttpMetrics metrics() {
        return new HttpMetrics(open.size(), connectionsRefused.sum(), requests.sum(), responsesByClass[0].sum(),
                responsesByClass[1].sum(), responsesByClass[2].sum(), responsesByClass[3].sum(),
                responsesByClass[4].sum(), refusals.sum(), engine.metrics());
    }

    /**
     * Stops gracefully: no new connections; requests already received are answered (with
     * {@code Connection: close}) and idle connections closed; after {@code grace} whatever is left is
     * aborted; then the engine stops and every buffer is back in its pool.
     *
     * @throws IOException the engine reported a failure to release something (see {@link IoEngine#shutdown})
     */
    public void shutdown(Duration grace) throws IOException {
        long deadline = System.nanoTime() + grace.toNanos();
        draining = true;
        Server s = listener;
        if (s != null) {
            s.close();
        }
        for (HttpConnection c : open) {
            c.connection().runInContext(c::drain);
        }
        try {
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            LOG.info("shutdown: {} connections still busy after {}; aborting them", open.size(), grace);
        }
        engine.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** {@link #shutdown} with 5 seconds' grace. */
    @Override
    public void close() throws IOException {
        shutdown(Duration.ofSeconds(5));
    }

    // ------------------------------------------------------------------ connections

    boolean admit(HttpConnection c) {
        if (draining) {
            connectionsRefused.increment();
            return false;
        }
        if (admitted.incrementAndGet() > limits.maxConnections()) {
            admitted.decrementAndGet();
            connectionsRefused.increment();
            return false;
        }
        open.add(c);
        return true;
    }

    /** Whether {@link #shutdown} has begun. */
    boolean draining() {
        return draining;
    }

    void release(HttpConnection c) {
        if (open.remove(c)) {
            admitted.decrementAndGet();
        }
    }

    void countRequest() {
        requests.increment();
    }

    void countResponse(int status) {
        responsesByClass[Math.min(Math.max(status / 100, 1), 5) - 1].increment();
    }

    void countRefusal() {
        refusals.increment();
    }

    /**
     * Decides how {@code e} is answered: returns the response when it is known at once, or null when the
     * work was handed to a virtual thread (the connection completes the exchange later).
     */
    HttpResponse dispatch(HttpConnection connection, HttpConnection.Exchange e) throws HttpException {
        HttpRequest request = e.request;
        String method = request.method();
        RouteTable.Route route;
        try {
            // The first decoding of the path: a malformed escape is the client's error, not the server's.
            if (request.path().equals("*")) {
                return allow(ALL_METHODS);
            }
            route = routes.find(request);
        } catch (IllegalArgumentException x) {
            throw new HttpException(400, "malformed path: " + x.getMessage());
        }
        if (route != null) {
            if (method == HttpRequest.OPTIONS) {
                return allow(route.allow());
            }
            HttpHandler handler = route.handler(method);
            if (handler == null) {
                HttpResponse r = HttpResponse.error(405, method + " is not allowed on " + route.path());
                return r.header("Allow", route.allow());
            }
            if (!route.blocking(method)) {
                return invoke(handler, request);
            }
            connection.offload(e, () -> invoke(handler, request));
            return null;
        }
        if (root == null) {
            return HttpResponse.error(404, null);
        }
        if (method == HttpRequest.OPTIONS) {
            return allow(STATIC_METHODS);
        }
        if (method != HttpRequest.GET && method != HttpRequest.HEAD) {
            return HttpResponse.error(405, method + " is not allowed on static files").header("Allow", STATIC_METHODS);
        }
        connection.offload(e, () -> StaticFiles.respond(this, request));
        return null;
    }

    /** Runs a handler: its exceptions become the matching error response. */
    private HttpResponse invoke(HttpHandler handler, HttpRequest request) {
        HttpResponse response = new HttpResponse();
        try {
            handler.handle(request, response);
            return response;
        } catch (HttpException x) {
            return HttpResponse.error(x.status(), x.getMessage());
        } catch (Exception | LinkageError | AssertionError x) {
            return failure(request, x);
        }
    }

    /** A 500 for what a handler or the static file path threw, logged with the request. */
    HttpResponse failure(HttpConnection.Exchange e, Throwable t) {
        return failure(e.request, t);
    }

    private HttpResponse failure(HttpRequest request, Throwable t) {
        if (t instanceof HttpException x) {
            return HttpResponse.error(x.status(), x.getMessage());
        }
        LOG.warn("handler for {} failed", request, t);
        return HttpResponse.error(500, null);
    }

    private static HttpResponse allow(String methods) {
        return new HttpResponse().status(204).header("Allow", methods);
    }

    /** Options of {@link HttpServer}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private int workers = Runtime.getRuntime().availableProcessors();
        private Path root;
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private long poolMaxBytes = 512L << 20;
        private IoEngine.Builder engine = IoEngine.builder();

        private Builder() {
        }

        /** Address to listen on (a name or literal); default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on, 0 picks one; default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not in 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Engine worker threads; default one per processor. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers " + workers + " is below 1");
            }
            this.workers = workers;
            return this;
        }

        /** Directory to serve files from; default none (only routes). */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Limits and timeouts; default {@link HttpLimits#DEFAULTS}. */
        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Most bytes of pooled buffers; default 512 MiB. */
        public Builder poolMaxBytes(long bytes) {
            this.poolMaxBytes = bytes;
            return this;
        }

        /**
         * The engine builder to start from, for the settings the server leaves to the engine: backend, timeouts,
         * outstanding reads/writes/accepts, offload executor, ... Default {@link IoEngine#builder()}.
         * {@link #build()} overwrites on it what the server decides itself: {@code workers} and
         * {@code poolMaxBytes} (from this builder), {@code sizeClasses} (4, 16 and 64 KiB: a request head must
         * fit the largest) and {@code readBufferSize} (16 KiB). The server owns the engine built from it: it is
         * shut down with the server.
         */
        public Builder engine(IoEngine.Builder engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Builds the server and its engine (not listening yet: see {@link HttpServer#start()}).
         *
         * @throws IOException the root is not a directory, or the engine cannot start
         */
        public HttpServer build() throws IOException {
            return new HttpServer(this);
        }

        private InetSocketAddress address() throws IOException {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        }
    }
}
