package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class SequencerPropertiesTest {

    @Property(tries = 500)
    void everyPermutationIsDeliveredInOrderExactlyOnce(
            @ForAll @Size(max = 64) @UniqueElements List<@IntRange(min = 0, max = 63) Integer> order) {
        // Complete exactly the sequences 0..n-1 in the generated order: relabel the elements by rank.
        List<Integer> sorted = new ArrayList<>(order);
        sorted.sort(null);
        List<Long> delivered = new ArrayList<>();
        Sequencer<Long> sequencer = new Sequencer<>(64, (seq, item) -> {
            assertEquals(seq, item);
            delivered.add(seq);
        });
        for (int i = 0; i < order.size(); i++) {
            sequencer.tryIssue();
        }
        for (Integer value : order) {
            long seq = sorted.indexOf(value);
            sequencer.complete(seq, seq);
        }
        assertEquals(order.size(), delivered.size());
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i, delivered.get(i));
        }
    }
}
