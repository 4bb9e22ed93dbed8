package org.iocp4j.examples.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Exact-path routes. Lookups come from worker threads on every request, so they read an immutable snapshot
 * (an open-addressing table over the paths' bytes, matched against the request's raw path without making a
 * string); registration copies and republishes it, which is rare.
 *
 * <p>Threads: {@link #add} from any thread (synchronized: registrations are serialised, never on the hot
 * path); {@link #find} from any thread, lock-free through the volatile {@link #table}.
 */
final class RouteTable {
    /** Index of a method in {@link Route#handlers}; HEAD is served by the GET handler. */
    private static final String[] METHODS = {HttpRequest.GET, HttpRequest.POST, HttpRequest.PUT,
            HttpRequest.DELETE, HttpRequest.OPTIONS};

    /** One path's handlers by method index, and whether each may block. Immutable once published. */
    record Route(String path, byte[] pathBytes, HttpHandler[] handlers, boolean[] blocking) {

        /** The handler for {@code method} (GET's for HEAD), or null. */
        HttpHandler handler(String method) {
            int i = index(method == HttpRequest.HEAD ? HttpRequest.GET : method);
            return i < 0 ? null : handlers[i];
        }

        boolean blocking(String method) {
            return blocking[index(method == HttpRequest.HEAD ? HttpRequest.GET : method)];
        }

        /** The {@code Allow} field value: the methods with a handler, HEAD with GET, and OPTIONS. */
        String allow() {
            StringJoiner j = new StringJoiner(", ");
            for (int i = 0; i < METHODS.length; i++) {
                if (handlers[i] != null || METHODS[i] == HttpRequest.OPTIONS) {
                    j.add(METHODS[i]);
                    if (METHODS[i] == HttpRequest.GET) {
                        j.add(HttpRequest.HEAD);
                    }
                }
            }
            return j.toString();
        }
    }

    private final Map<String, Route> routes = new HashMap<>();
    /** Power-of-two open-addressing table of the routes, rebuilt on every registration. */
    private volatile Route[] table = new Route[1];

    /** Registers {@code handler} for {@code method} on {@code path}, replacing an earlier one. */
    synchronized void add(String method, String path, HttpHandler handler, boolean blocking) {
        int m = index(method);
        if (m < 0 || method.equals(HttpRequest.OPTIONS)) {
            throw new IllegalArgumentException("cannot route method '" + method + "': use one of GET, POST, PUT,"
                    + " DELETE (HEAD is served by GET, OPTIONS by the server)");
        }
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with '/' and hold no query or fragment");
        }
        Route old = routes.get(path);
        HttpHandler[] handlers = old == null ? new HttpHandler[METHODS.length] : old.handlers().clone();
        boolean[] blockingFlags = old == null ? new boolean[METHODS.length] : old.blocking().clone();
        handlers[m] = java.util.Objects.requireNonNull(handler, "handler");
        blockingFlags[m] = blocking;
        routes.put(path, new Route(path, encode(path), handlers, blockingFlags));
        Route[] t = new Route[Integer.highestOneBit(Math.max(1, routes.size() * 2 - 1)) * 2];
        for (Route r : routes.values()) {
            int i = hash(r.pathBytes()) & (t.length - 1);
            while (t[i] != null) {
                i = (i + 1) & (t.length - 1);
            }
            t[i] = r;
        }
        table = t; // volatile write publishes the fully built table and its immutable routes
    }

    /**
     * The route of {@code request}'s path, or null.
     *
     * @throws IllegalArgumentException the path's percent-escapes are malformed
     */
    Route find(HttpRequest request) {
        Route[] t = table;
        if (request.rawPathEscaped()) {
            byte[] decoded = encode(request.path());
            for (int i = hash(decoded) & (t.length - 1); t[i] != null; i = (i + 1) & (t.length - 1)) {
                if (java.util.Arrays.equals(t[i].pathBytes(), decoded)) {
                    return t[i];
                }
            }
            return null;
        }
        for (int i = request.rawPathHash() & (t.length - 1); t[i] != null; i = (i + 1) & (t.length - 1)) {
            if (request.rawPathEquals(t[i].pathBytes())) {
                return t[i];
            }
        }
        return null;
    }

    /** The same hash as {@link HttpRequest#rawPathHash()} computes over the raw bytes. */
    static int hash(byte[] path) {
        int h = 0;
        for (byte b : path) {
            h = 31 * h + b;
        }
        return h;
    }

    private static byte[] encode(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }

    private static int index(String method) {
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i].equals(method)) {
                return i;
            }
        }
        return -1;
    }
}
