package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandleTableTest {

    private static HandleState state(long handle) {
        return new HandleState(handle, true, 2);
    }

    @Test
    void behavesLikeAMapUnderRandomPutsAndRemovesThroughSeveralRebuilds() {
        HandleTable table = new HandleTable();
        Map<Long, HandleState> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int step = 0; step < 200_000; step++) {
            // Windows socket values are multiples of 4; a narrow range makes keys collide and recur.
            long handle = 4L * (1 + random.nextInt(3000));
            switch (random.nextInt(3)) {
                case 0 -> {
                    HandleState s = state(handle);
                    table.put(handle, s);
                    model.put(handle, s);
                }
                case 1 -> {
                    table.remove(handle);
                    model.remove(handle);
                }
                default -> assertSame(model.get(handle), table.get(handle), "handle " + handle + " at step " + step);
            }
        }
        assertEquals(model.size(), table.size());
        for (long h = 4; h <= 12_000; h += 4) {
            assertSame(model.get(h), table.get(h), "handle " + h);
        }
    }

    @Test
    void conditionalRemoveLeavesANewerMappingAlone() {
        HandleTable table = new HandleTable();
        HandleState old = state(0x100);
        HandleState reused = state(0x100);
        table.put(0x100, old);
        table.put(0x100, reused); // Windows reused the handle value after closesocket
        table.remove(0x100, old);
        assertSame(reused, table.get(0x100));
        table.remove(0x100, reused);
        assertNull(table.get(0x100));
    }

    @Test
    void reservedValuesAreRefusedAndNeverFound() {
        HandleTable table = new HandleTable();
        assertThrows(IllegalArgumentException.class, () -> table.put(0, state(0)));
        assertThrows(IllegalArgumentException.class, () -> table.put(-2, state(-2)));
        assertNull(table.get(0));
        assertNull(table.get(-2));
    }

    @Test
    void readersRacingWritersNeverSeeAnotherHandlesState() throws Exception {
        HandleTable table = new HandleTable();
        long stable = 0x4000;
        HandleState stableState = state(stable);
        table.put(stable, stableState);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 2000; round++) {
                for (long h = 8; h < 8 + 4 * 200; h += 4) {
                    table.put(h, state(h));
                }
                for (long h = 8; h < 8 + 4 * 200; h += 4) {
                    table.remove(h);
                }
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                while (writer.isAlive()) {
                    for (long h = 8; h < 8 + 4 * 200; h += 4) {
                        HandleState s = table.get(h);
                        if (s != null && s.handle != h) {
                            throw new AssertionError("handle " + h + " mapped to the state of " + s.handle);
                        }
                    }
                    if (table.get(stable) != stableState) {
                        throw new AssertionError("the stable mapping vanished during a rebuild");
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.join();
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
