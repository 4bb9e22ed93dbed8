package org.iocp4j.examples.http;

/**
 * Answers one request of a route ({@link HttpServer#route}). A handler registered with {@code route} runs on
 * a virtual thread and may block; one registered with {@link HttpServer#routeNonBlocking} runs on an
 * engine worker and must not. What it throws becomes a 500 (an {@link HttpException}: its own status).
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Fills in {@code response} for {@code request}. Both are valid only until this returns.
     */
    void handle(HttpRequest request, HttpResponse response) throws Exception;
}
