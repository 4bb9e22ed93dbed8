/**
 * The sample HTTP/1.1 server on the iocp4j proactor: requests parsed from pooled buffers, keep-alive and
 * pipelining with responses in request order, static files streamed in slices, routes with handlers on
 * virtual threads. See {@link org.iocp4j.examples.http.HttpServer}.
 */
package org.iocp4j.examples.http;
