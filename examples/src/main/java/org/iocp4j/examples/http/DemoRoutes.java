package org.iocp4j.examples.http;

import java.nio.charset.StandardCharsets;
import org.iocp4j.core.EngineMetrics;
import org.iocp4j.core.PoolMetrics;

/**
 * The sample server's built-in routes: {@code /plaintext} and {@code /json} (the TechEmpower shapes, answered
 * on the worker), {@code /echo} (POST: the body back), {@code /stats} (the metrics as JSON) and {@code /hello}
 * (a blocking handler on a virtual thread).
 */
public final class DemoRoutes {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.US_ASCII);

    private DemoRoutes() {
    }

    /** Adds the demo routes to {@code server}. */
    public static HttpServer install(HttpServer server) {
        server.routeNonBlocking(HttpRequest.GET, "/plaintext", (request, response) ->
                response.contentType("text/plain").body(HELLO));
        server.routeNonBlocking(HttpRequest.GET, "/json", (request, response) ->
                response.contentType("application/json").body(JSON));
        server.routeNonBlocking(HttpRequest.GET, "/stats", (request, response) ->
                response.contentType("application/json").header("Cache-Control", "no-store")
                        .body(statsJson(server.metrics()).getBytes(StandardCharsets.US_ASCII)));
        server.route(HttpRequest.POST, "/echo", (request, response) -> {
            String type = request.header("Content-Type");
            response.contentType(type == null ? "application/octet-stream" : type).body(request.body());
        });
        server.route(HttpRequest.GET, "/hello", (request, response) ->
                response.body("Hello from " + Thread.currentThread() + " (a virtual thread: "
                        + Thread.currentThread().isVirtual() + ")\n"));
        return server;
    }

    /** The metrics snapshot as one JSON object. */
    static String statsJson(HttpMetrics m) {
        EngineMetrics e = m.engine();
        PoolMetrics p = e.pool();
        return "{\"http\":{\"connectionsOpen\":" + m.connectionsOpen()
                + ",\"connectionsRefused\":" + m.connectionsRefused()
                + ",\"requests\":" + m.requests()
                + ",\"responses\":{\"1xx\":" + m.responses1xx() + ",\"2xx\":" + m.responses2xx() + ",\"3xx\":" + m.responses3xx()
                + ",\"4xx\":" + m.responses4xx() + ",\"5xx\":" + m.responses5xx() + "}"
                + ",\"refusals\":" + m.refusals() + "}"
                + ",\"engine\":{\"backend\":\"" + e.backend() + "\",\"workers\":" + e.workers()
                + ",\"connectionsOpen\":" + e.connectionsOpen()
                + ",\"connectionsAccepted\":" + e.connectionsAccepted()
                + ",\"connectionsClosed\":" + e.connectionsClosed()
                + ",\"operationsInFlight\":" + e.operationsInFlight()
                + ",\"dequeues\":" + e.dequeues()
                + ",\"completions\":" + e.completions()
                + ",\"completionsPerDequeue\":" + String.format(java.util.Locale.ROOT, "%.2f", e.completionsPerDequeue())
                + ",\"inlineCompletions\":" + e.inlineCompletions()
                + ",\"reorderedCompletions\":" + e.reorderedCompletions()
                + ",\"cancellations\":" + e.cancellations()
                + ",\"handlerFailures\":" + e.handlerFailures() + "}"
                + ",\"pool\":" + poolJson(p) + "}";
    }

    private static String poolJson(PoolMetrics p) {
        StringBuilder classes = new StringBuilder();
        for (PoolMetrics.SizeClass c : p.sizeClasses()) {
            classes.append(classes.isEmpty() ? "" : ",").append("{\"bufferSize\":").append(c.bufferSize())
                    .append(",\"allocated\":").append(c.allocated()).append(",\"inUse\":").append(c.inUse())
                    .append(",\"highWaterMark\":").append(c.highWaterMark())
                    .append(",\"exhausted\":").append(c.exhausted()).append('}');
        }
        return "{\"maxBytes\":" + p.maxBytes() + ",\"allocatedBytes\":" + p.allocatedBytes()
                + ",\"buffersInUse\":" + p.inUse() + ",\"bytesInUse\":" + p.inUseBytes()
                + ",\"sizeClasses\":[" + classes + "]}";
    }
}
