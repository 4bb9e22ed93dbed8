package org.iocp4j.examples.http;

import org.iocp4j.core.EngineMetrics;

/**
 * A snapshot of an {@link HttpServer}'s counters (cumulative since start unless said) and its engine's.
 *
 * @param connectionsOpen    HTTP connections open now
 * @param connectionsRefused connections answered 503 at the connection cap (or during shutdown)
 * @param requests           requests received whole and dispatched
 * @param responses1xx       interim {@code 100 Continue} responses sent
 * @param responses2xx       final responses by class: 2xx
 * @param responses3xx       3xx responses
 * @param responses4xx       4xx responses
 * @param responses5xx       5xx responses
 * @param refusals           requests refused while being received (400, 408, 413, 414, 431, 501, 505…)
 * @param engine             the engine's metrics
 */
public record HttpMetrics(long connectionsOpen, long connectionsRefused, long requests, long responses1xx,
                          long responses2xx, long responses3xx, long responses4xx, long responses5xx,
                          long refusals, EngineMetrics engine) {
}
