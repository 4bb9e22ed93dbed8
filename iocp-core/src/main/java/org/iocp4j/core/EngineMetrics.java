package org.iocp4j.core;

/**
 * A snapshot of an {@link IoEngine}'s accounting, taken by {@link IoEngine#metrics()}. Counters are
 * cumulative since the engine started; each is a recent value under load.
 *
 * @param backend                 the backend's name ({@code io_uring}, {@code iocp})
 * @param workers                 worker threads
 * @param connectionsOpen         connections open now (accepted or connected, not yet closed)
 * @param connectionsAccepted     connections accepted by servers
 * @param connectionsConnected    connections opened by {@link IoEngine#connect}
 * @param connectionsClosed       connections whose {@link ConnectionHandler#onClosed} has run
 * @param operationsInFlight      operations issued whose completion has not been reaped yet
 * @param dequeues                dequeue calls (GetQueuedCompletionStatusEx / io_uring_enter waits)
 * @param completions             completions dequeued
 * @param inlineCompletions       completions handled inside their issuing call (Windows skip-on-success)
 * @param postedBeyondInlineLimit immediate completions posted to the port at the recursion limit
 * @param reorderedCompletions    read completions that arrived before an earlier-issued read's and were
 *                                held back by the read sequencer
 * @param cancellations           operations the engine asked the kernel to cancel (closes, shutdown)
 * @param handlerFailures         handler callbacks that threw (each closed its connection)
 * @param providedBuffers         pool buffers lent to the kernel for provided-buffer receives (io_uring);
 *                                they count as in use in {@code pool}
 * @param pool                    the buffer pool's accounting
 */
public record EngineMetrics(String backend, int workers, long connectionsOpen, long connectionsAccepted,
                            long connectionsConnected, long connectionsClosed, long operationsInFlight,
                            long dequeues, long completions, long inlineCompletions,
                            long postedBeyondInlineLimit, long reorderedCompletions, long cancellations,
                            long handlerFailures, long providedBuffers, PoolMetrics pool) {

    /** Mean completions per dequeue: how well the batched dequeue amortises its system call. */
    public double completionsPerDequeue() {
        return dequeues == 0 ? 0 : (double) completions / dequeues;
    }
}
