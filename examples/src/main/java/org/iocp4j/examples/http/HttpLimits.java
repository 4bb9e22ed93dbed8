package org.iocp4j.examples.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the server accepts, and the status it answers beyond each limit.
 *
 * @param maxRequestLineBytes longest request line (method, target, version); beyond it: 414
 * @param maxHeaderBytes      longest request head (request line and header fields up to the empty line);
 *                            beyond it: 431. At most {@link HttpServer#MAX_HEAD_BYTES}, the largest pooled
 *                            buffer a head is gathered in
 * @param maxHeaderCount      most header fields; beyond it: 431
 * @param maxBodyBytes        largest request body (Content-Length or the sum of its chunks); beyond it: 413
 * @param headerReadTimeout   time from a request's first byte to the end of its head (slowloris); then 408
 *                            and the connection is closed
 * @param idleTimeout         a connection with no read or write for this long is closed; {@link Duration#ZERO}
 *                            never
 * @param maxConnections      connections open at once; more are answered 503 and closed
 * @param maxPipelined        requests a connection may have waiting for their responses; reading stops
 *                            beyond it until responses have been sent
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes,
                         Duration headerReadTimeout, Duration idleTimeout, int maxConnections,
                         int maxPipelined) {

    /** 8 KiB request line, 16 KiB head, 100 fields, 8 MiB body, 10 s head, 60 s idle, 10,000 connections, 16 pipelined. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8 << 10, 16 << 10, 100, 8L << 20,
            Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000, 16);

    /** Checks every limit, naming the one that is out of range. */
    public HttpLimits {
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxRequestLineBytes < 16) {
            throw new IllegalArgumentException("maxRequestLineBytes " + maxRequestLineBytes + " is below 16");
        }
        if (maxHeaderBytes < maxRequestLineBytes || maxHeaderBytes > HttpServer.MAX_HEAD_BYTES) {
            throw new IllegalArgumentException("maxHeaderBytes " + maxHeaderBytes + " is not in "
                    + maxRequestLineBytes + " (maxRequestLineBytes).." + HttpServer.MAX_HEAD_BYTES);
        }
        if (maxHeaderCount < 1) {
            throw new IllegalArgumentException("maxHeaderCount " + maxHeaderCount + " is below 1");
        }
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is not in 0.." + (Integer.MAX_VALUE - 8));
        }
        if (headerReadTimeout.isNegative() || headerReadTimeout.isZero()) {
            throw new IllegalArgumentException("headerReadTimeout " + headerReadTimeout + " is not positive");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout " + idleTimeout + " is negative");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections + " is below 1");
        }
        if (maxPipelined < 1) {
            throw new IllegalArgumentException("maxPipelined " + maxPipelined + " is below 1");
        }
    }

    /** These limits with another request line limit. */
    public HttpLimits withMaxRequestLineBytes(int bytes) {
        return new HttpLimits(bytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                idleTimeout, maxConnections, maxPipelined);
    }

    /** These limits with another head size limit. */
    public HttpLimits withMaxHeaderBytes(int bytes) {
        return new HttpLimits(maxRequestLineBytes, bytes, maxHeaderCount, maxBodyBytes, headerReadTimeout,
                idleTimeout, maxConnections, maxPipelined);
    }

    /** These limits with another header count limit. */
    public HttpLimits withMaxHeaderCount(int count) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, count, maxBodyBytes, headerReadTimeout,
                idleTimeout, maxConnections, maxPipelined);
    }

    /** These limits with another body size limit. */
    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, bytes, headerReadTimeout,
                idleTimeout, maxConnections, maxPipelined);
    }

    /** These limits with another header-read timeout. */
    public HttpLimits withHeaderReadTimeout(Duration timeout) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, timeout,
                idleTimeout, maxConnections, maxPipelined);
    }

    /** These limits with another idle timeout. */
    public HttpLimits withIdleTimeout(Duration timeout) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerReadTimeout, timeout, maxConnections, maxPipelined);
    }

    /** These limits with another connection cap. */
    public HttpLimits withMaxConnections(int connections) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerReadTimeout, idleTimeout, connections, maxPipelined);
    }

    /** These limits with another pipelining depth. */
    public HttpLimits withMaxPipelined(int requests) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerReadTimeout, idleTimeout, maxConnections, requests);
    }
}
