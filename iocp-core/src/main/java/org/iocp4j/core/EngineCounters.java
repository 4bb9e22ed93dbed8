package org.iocp4j.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The engine's live counters; {@link IoEngine#metrics()} snapshots them. LongAdders: written by every worker. */
final class EngineCounters {
    final AtomicLong open = new AtomicLong();
    final LongAdder accepted = new LongAdder();
    final LongAdder connected = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder dequeues = new LongAdder();
    final LongAdder completions = new LongAdder();
    final LongAdder reordered = new LongAdder();
    final LongAdder cancellations = new LongAdder();
    final LongAdder handlerFailures = new LongAdder();

    void dequeued(int n) {
        dequeues.increment();
        completions.add(n);
    }
}
