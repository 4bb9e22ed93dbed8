package org.iocp4j.core;

import static org.iocp4j.core.TimerFakeClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Scheduling and cancelling from threads other than the owner. The clock is still the fake one,
 * advanced by the owner (the test thread); only the interleaving of the threads is left to chance,
 * and every assertion holds for every interleaving.
 */
class TimerWheelConcurrencyTest {

    private static final long TICK = 10 * MS;
    private static final long MAX_WAIT = 1000 * MS;
    private static final TimerExceptionHandler RETHROW = (timer, failure) -> {
        throw new AssertionError("timer task threw", failure);
    };

    private final TimerFakeClock clock = new TimerFakeClock();

    @Test
    void cancelFromAnotherThreadAndFiringNeverBothWin() throws InterruptedException {
        TimerWheel wheel = clock.wheel(TICK, 64, MAX_WAIT, RETHROW);
        int rounds = 200;
        int timersPerRound = 256;
        long firedTotal = 0;
        long cancelledTotal = 0;
        for (int round = 0; round < rounds; round++) {
            int[] runs = new int[timersPerRound]; // owner only
            TimerHandle[] timers = new TimerHandle[timersPerRound];
            for (int i = 0; i < timersPerRound; i++) {
                int index = i;
                timers[i] = wheel.schedule(TICK, () -> {
                    runs[index]++;
                    for (int spin = 0; spin < 100; spin++) {
                        Thread.onSpinWait(); // widen the window in which the canceller overlaps
                    }
                });
            }
            boolean[] cancelWon = new boolean[timersPerRound]; // canceller only, read after join
            AtomicBoolean go = new AtomicBoolean();
            Thread canceller = new Thread(() -> {
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                for (int i = timersPerRound - 1; i >= 0; i--) { // from the end, towards the firing owner
                    cancelWon[i] = timers[i].cancel();
                }
            });
            canceller.start();
            long now = clock.advance(TICK);
            go.set(true);
            int fired = wheel.expire(now);
            canceller.join();
            wheel.nanosUntilNextExpiry(now); // unlinks what was cancelled after the expire

            int ran = 0;
            for (int i = 0; i < timersPerRound; i++) {
                assertEquals(1, runs[i] + (cancelWon[i] ? 1 : 0), "round " + round + ", timer " + i);
                assertEquals(!cancelWon[i], timers[i].isFired());
                assertEquals(cancelWon[i], timers[i].isCancelled());
                ran += runs[i];
            }
            assertEquals(ran, fired, "round " + round);
            assertEquals(0, wheel.size(), "round " + round);
            firedTotal += fired;
            cancelledTotal += timersPerRound - fired;
        }
        assertEquals((long) rounds * timersPerRound, firedTotal + cancelledTotal);
    }

    @Test
    void schedulesAndCancelsFromSeveralThreadsEachFireExactlyOnceUnlessCancelled() throws InterruptedException {
        AtomicInteger wakeups = new AtomicInteger();
        TimerWheel wheel = new TimerWheel(Thread.currentThread(), clock, TICK, 64, MAX_WAIT, RETHROW,
                wakeups::incrementAndGet);
        int producers = 4;
        int perProducer = 5_000;
        int[] runs = new int[producers * perProducer]; // owner only
        boolean[] cancelWon = new boolean[runs.length]; // each producer its own range; read after join
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                Random random = new Random(producer);
                for (int i = 0; i < perProducer; i++) {
                    int id = producer * perProducer + i;
                    TimerHandle timer = wheel.schedule(random.nextLong(100 * MS), () -> runs[id]++);
                    if (i % 7 == 0) {
                        cancelWon[id] = timer.cancel();
                    }
                }
            });
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long now = clock.advance(MS);
            wheel.nanosUntilNextExpiry(now);
            wheel.expire(now);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        for (int step = 0; step <= 120; step++) { // past the longest delay and its tick
            wheel.expire(clock.advance(MS));
        }
        int fired = 0;
        for (int id = 0; id < runs.length; id++) {
            assertEquals(1, runs[id] + (cancelWon[id] ? 1 : 0), "timer " + id);
            fired += runs[id];
        }
        assertTrue(fired >= runs.length - runs.length / 7 - producers, "only every seventh was cancelled");
        assertEquals(0, wheel.size());
        assertTrue(wakeups.get() >= 1 && wakeups.get() <= runs.length, "wakeups " + wakeups.get());
    }

    @Test
    void foreignSchedulesWakeTheOwnerOncePerDrainAndShortenItsTimeout() throws InterruptedException {
        AtomicInteger wakeups = new AtomicInteger();
        TimerWheel wheel = new TimerWheel(Thread.currentThread(), clock, TICK, 64, MAX_WAIT, RETHROW,
                wakeups::incrementAndGet);
        long now = clock.at(0);
        wheel.schedule(500 * MS, () -> { });
        assertEquals(0, wakeups.get(), "the owner's own schedule needs no wakeup");
        assertEquals(500 * MS, wheel.nanosUntilNextExpiry(now));

        onOtherThread(() -> {
            wheel.schedule(40 * MS, () -> { });
            wheel.schedule(20 * MS, () -> { });
        });
        assertEquals(1, wakeups.get(), "coalesced until the owner drains");
        assertEquals(20 * MS, wheel.nanosUntilNextExpiry(now), "the foreign timer is seen after the drain");

        AtomicReference<TimerHandle> cancelled = new AtomicReference<>();
        onOtherThread(() -> {
            TimerHandle timer = wheel.schedule(5 * MS, () -> { });
            assertTrue(timer.cancel());
            cancelled.set(timer);
        });
        assertEquals(2, wakeups.get(), "a new drain, a new wakeup; cancelling adds none");
        assertEquals(20 * MS, wheel.nanosUntilNextExpiry(now), "the cancelled one is never filed");
        assertEquals(3, wheel.size());
        assertEquals(0, wheel.expire(clock.at(10 * MS)));
        assertEquals(3, wheel.expire(clock.at(1000 * MS)));
        assertFalse(cancelled.get().isFired());
    }

    @Test
    void aForeignCancelIsUnlinkedByTheOwnerAtItsNextDrain() throws InterruptedException {
        TimerWheel wheel = clock.wheel(TICK, 64, MAX_WAIT, RETHROW);
        long now = clock.at(0);
        TimerHandle timer = wheel.schedule(300 * MS, () -> { });
        onOtherThread(() -> assertTrue(timer.cancel()));
        assertEquals(1, wheel.size(), "only the owner unlinks");
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(now));
        assertEquals(0, wheel.size());
        assertFalse(wheel.reschedule(timer, now + 10 * MS));
    }

    @Test
    void theOwnerMayRescheduleAForeignScheduleBeforeDrainingIt() throws InterruptedException {
        TimerWheel wheel = clock.wheel(TICK, 64, MAX_WAIT, RETHROW);
        long now = clock.at(0);
        int[] runs = {0};
        AtomicReference<TimerHandle> handed = new AtomicReference<>();
        onOtherThread(() -> handed.set(wheel.schedule(500 * MS, () -> runs[0]++)));
        assertTrue(wheel.reschedule(handed.get(), now + 20 * MS));
        assertEquals(20 * MS, wheel.nanosUntilNextExpiry(now), "the inbox entry does not file it twice");
        assertEquals(1, wheel.expire(clock.at(20 * MS)));
        assertEquals(0, wheel.expire(clock.at(2000 * MS)));
        assertEquals(1, runs[0]);
        assertEquals(0, wheel.size());
    }

    /** Runs {@code body} on a new thread and waits for it, failing the test if it threw. */
    private static void onOtherThread(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(body);
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("the other thread failed", failure.get());
        }
    }
}
