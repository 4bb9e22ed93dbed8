package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequencerTest {
    private final List<Long> delivered = new ArrayList<>();
    private final Sequencer<String> sequencer = new Sequencer<>(8, (seq, item) -> {
        assertEquals("item" + seq, item);
        delivered.add(seq);
    });

    private List<Long> issue(int n) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seqs.add(sequencer.tryIssue());
        }
        return seqs;
    }

    @Test
    void earlyCompletionsWaitForTheGap() {
        List<Long> seqs = issue(4);
        assertEquals(List.of(0L, 1L, 2L, 3L), seqs);
        sequencer.complete(2, "item2");
        sequencer.complete(1, "item1");
        assertEquals(List.of(), delivered);
        sequencer.complete(3, "item3");
        sequencer.complete(0, "item0");
        assertEquals(List.of(0L, 1L, 2L, 3L), delivered);
        assertEquals(4, sequencer.nextToDeliver());
    }

    @Test
    void anyOrderComesOutInOrder() {
        Random random = new Random(1);
        for (int round = 0; round < 200; round++) {
            List<Long> seqs = issue(1 + random.nextInt(8));
            Collections.shuffle(seqs, random);
            for (long s : seqs) {
                sequencer.complete(s, "item" + s);
            }
        }
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i, delivered.get(i));
        }
        assertEquals(sequencer.issued(), delivered.size());
    }

    @Test
    void windowGivesBackPressure() {
        assertEquals(8, sequencer.window());
        issue(8);
        assertEquals(Sequencer.NO_SEQUENCE, sequencer.tryIssue());
        sequencer.complete(0, "item0");
        assertEquals(8, sequencer.tryIssue());
        assertEquals(16, new Sequencer<>(9, (s, i) -> { }).window());
    }

    @Test
    void badCompletionsAreRejected() {
        issue(3);
        sequencer.complete(0, "item0");
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> sequencer.complete(0, "item0"));
        assertTrue(again.getMessage().contains("already delivered"), again.getMessage());
        sequencer.complete(2, "item2");
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> sequencer.complete(2, "item2"));
        assertTrue(twice.getMessage().contains("completed twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sequencer.complete(3, "item3"));
        assertThrows(IllegalArgumentException.class, () -> sequencer.complete(-1, "x"));
        assertThrows(IllegalArgumentException.class, () -> sequencer.complete(1, null));
        assertThrows(IllegalArgumentException.class, () -> new Sequencer<>(0, (s, i) -> { }));
    }

    @Test
    void aFailingHandlerDoesNotStopDelivery() {
        List<Long> seen = new ArrayList<>();
        Sequencer<String> failing = new Sequencer<>(4, (seq, item) -> {
            seen.add(seq);
            if (seq == 1) {
                throw new IllegalStateException("handler failed on 1");
            }
        });
        for (int i = 0; i < 3; i++) {
            failing.tryIssue();
        }
        failing.complete(2, "c");
        failing.complete(1, "b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.complete(0, "a"));
        assertEquals("handler failed on 1", e.getMessage());
        assertEquals(List.of(0L, 1L, 2L), seen);
        assertEquals(3, failing.nextToDeliver());
        failing.tryIssue();
        failing.complete(3, "d");
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
    }
}
