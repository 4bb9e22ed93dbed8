package org.iocp4j.core.backend;

/**
 * What a backend needs to know from the engine's configuration.
 *
 * @param workers          worker threads, each with its own {@link Poller} (Windows: the port's
 *                         concurrency value)
 * @param dequeueBatch     most completions one {@link Poller#poll} dequeues (GetQueuedCompletionStatusEx's
 *                         entry count; io_uring: the CQ batch); 64..1024
 * @param queueDepth       io_uring submission queue entries per ring (ignored by IOCP)
 * @param inlineLimit      Windows skip-on-success: how deep immediate completions recurse on one thread,
 *                         and how many run inline per completion taken from the port, before the backend
 *                         posts them to the port instead (seed 004); default 16
 * @param loopbackFastPath Windows: set SIO_LOOPBACK_FAST_PATH on new sockets (a hint; ignored elsewhere)
 */
public record BackendConfig(int workers, int dequeueBatch, int queueDepth, int inlineLimit,
                            boolean loopbackFastPath) {
    /**
     * @throws IllegalArgumentException naming the first value out of range
     */
    public BackendConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " is not positive");
        }
        if (dequeueBatch < 1 || dequeueBatch > 4096) {
            throw new IllegalArgumentException("dequeueBatch " + dequeueBatch + " is not in 1..4096");
        }
        if (queueDepth < 1) {
            throw new IllegalArgumentException("queueDepth " + queueDepth + " is not positive");
        }
        if (inlineLimit < 0) {
            throw new IllegalArgumentException("inlineLimit " + inlineLimit + " is negative");
        }
    }
}
