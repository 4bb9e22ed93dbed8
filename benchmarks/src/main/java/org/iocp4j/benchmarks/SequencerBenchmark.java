package org.iocp4j.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iocp4j.core.Sequencer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One operation = issue a sequence number and complete it. In order: each completion is the next one and
 * is delivered at once. Out of order: 16 are issued, then completed in a fixed shuffled order, so most are
 * parked and delivered later by the thread that closes the gap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SequencerBenchmark {
    private static final int BATCH = 16;
    private static final Object ITEM = new Object();

    private Sequencer<Object> sequencer;
    private long delivered;
    private int[] order;
    private final long[] batch = new long[BATCH];

    /** A sequencer whose handler only counts, and a fixed permutation of a batch. */
    @Setup(Level.Trial)
    public void setUp() {
        sequencer = new Sequencer<>(64, (seq, item) -> delivered++);
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(42));
        order = shuffled.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Issue + complete, always in order. */
    @Benchmark
    public long inOrder() {
        sequencer.complete(sequencer.tryIssue(), ITEM);
        return delivered;
    }

    /** Issue 16, complete them shuffled; per operation. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long outOfOrder() {
        for (int i = 0; i < BATCH; i++) {
            batch[i] = sequencer.tryIssue();
        }
        for (int i : order) {
            sequencer.complete(batch[i], ITEM);
        }
        return delivered;
    }
}
