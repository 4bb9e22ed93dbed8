package org.iocp4j.core;

import static org.iocp4j.core.TimerFakeClock.MS;
import static org.iocp4j.core.TimerFakeClock.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of {@link TimerWheel} on a {@link TimerFakeClock}. */
class TimerWheelTest {

    private static final long TICK = 10 * MS;
    private static final long MAX_WAIT = 1000 * MS;
    /** Makes an unexpected task failure fail the test by leaving {@code expire}. */
    private static final TimerExceptionHandler RETHROW = (timer, failure) -> {
        throw new AssertionError("timer task threw", failure);
    };

    private final TimerFakeClock clock = new TimerFakeClock();

    /** The wheel's contract: due at the first tick boundary at or after the deadline, never at tick 0. */
    private static long boundaryAtOrAfter(long deadlineOffset) {
        return Math.max(TICK, Math.ceilDiv(deadlineOffset, TICK) * TICK);
    }

    @Test
    void firesAtTheFirstTickBoundaryAtOrAfterTheDeadlineAndNeverBefore() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        long[] deadlines = {0, 1, 9 * MS, 10 * MS, 10 * MS + 1, 25 * MS, 79 * MS, 80 * MS, 81 * MS,
            333 * MS + 7, 1000 * MS};
        long[] firedAt = new long[deadlines.length];
        Arrays.fill(firedAt, -1);
        for (int i = 0; i < deadlines.length; i++) {
            int index = i;
            wheel.scheduleAt(START + deadlines[i], () -> firedAt[index] = clock.offset());
        }
        for (long t = 0; t <= 1100 * MS; t += MS) {
            wheel.expire(clock.at(t));
        }
        for (int i = 0; i < deadlines.length; i++) {
            assertTrue(firedAt[i] >= deadlines[i], "deadline " + deadlines[i] + " fired early at " + firedAt[i]);
            assertEquals(boundaryAtOrAfter(deadlines[i]), firedAt[i], "deadline " + deadlines[i]);
        }
        assertEquals(0, wheel.size());
    }

    @Test
    void doesNotFireOneNanosecondBeforeItsTickBoundary() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        int[] fired = {0};
        wheel.schedule(25 * MS, () -> fired[0]++);
        assertEquals(0, wheel.expire(clock.at(25 * MS)));
        assertEquals(0, wheel.expire(clock.at(30 * MS - 1)));
        assertEquals(1, wheel.expire(clock.at(30 * MS)));
        assertEquals(0, wheel.expire(clock.at(1000 * MS)));
        assertEquals(1, fired[0]);
    }

    @Test
    void firesInDeadlineTickOrderWhenOneExpireCoversManyRevolutions() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        Random random = new Random(42);
        List<Long> firedDeadlines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long deadline = 1 + random.nextLong(400 * MS); // five revolutions of 80 ms
            wheel.scheduleAt(START + deadline, () -> firedDeadlines.add(deadline));
        }
        assertEquals(200, wheel.expire(clock.at(500 * MS)));
        assertEquals(200, firedDeadlines.size());
        for (int i = 1; i < firedDeadlines.size(); i++) {
            assertTrue(Math.ceilDiv(firedDeadlines.get(i - 1), TICK) <= Math.ceilDiv(firedDeadlines.get(i), TICK),
                    "out of tick order: " + firedDeadlines.get(i - 1) + " before " + firedDeadlines.get(i));
        }
    }

    @Test
    void longDelayOverManyRevolutionsFiresExactlyOnceAtItsTick() {
        long tick = MS;
        TimerWheel wheel = clock.wheel(tick, 4, MAX_WAIT, RETHROW);
        long deadline = 10_000 * MS + MS / 2; // 2,500 revolutions of a 4-slot wheel
        long[] firedAt = {-1};
        int[] count = {0};
        wheel.scheduleAt(START + deadline, () -> {
            firedAt[0] = clock.offset();
            count[0]++;
        });
        for (long t = 0; t <= 10_100 * MS; t += tick) {
            wheel.expire(clock.at(t));
        }
        assertEquals(1, count[0]);
        assertEquals(10_001 * MS, firedAt[0]);
    }

    @Test
    void workerLoopDrivenByNanosUntilNextExpiryWakesAtTheCapAndThenExactlyAtTheTimer() {
        TimerWheel wheel = clock.wheel(MS, 4, MAX_WAIT, RETHROW);
        long[] firedAt = {-1};
        wheel.scheduleAt(START + 10_000 * MS + MS / 2, () -> firedAt[0] = clock.offset());
        long now = clock.at(0);
        int wakeups = 0;
        while (firedAt[0] < 0) {
            long wait = wheel.nanosUntilNextExpiry(now);
            assertTrue(wait > 0 && wait <= MAX_WAIT, "wait " + wait);
            now = clock.advance(wait);
            wheel.expire(now);
            wakeups++;
        }
        assertEquals(10_001 * MS, firedAt[0]);
        assertEquals(11, wakeups, "ten capped waits of 1 s, then one of 1 ms");
    }

    @Test
    void cancelBeforeFireMeansItNeverFires() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        int[] fired = {0};
        TimerHandle timer = wheel.schedule(25 * MS, () -> fired[0]++);
        TimerHandle other = wheel.schedule(25 * MS, () -> fired[0] += 10);
        assertTrue(timer.cancel());
        assertTrue(timer.isCancelled());
        assertFalse(timer.cancel(), "a second cancel does not win");
        assertEquals(1, wheel.size(), "the owner unlinks at once");
        assertEquals(1, wheel.expire(clock.at(1000 * MS)));
        assertEquals(10, fired[0]);
        assertTrue(other.isFired());
        assertFalse(other.cancel(), "cancel after fire does not win");
        assertFalse(other.isCancelled());
    }

    @Test
    void aTaskCancellingAnotherDueAtTheSameTickPreventsIt() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        List<String> ran = new ArrayList<>();
        AtomicReference<TimerHandle> first = new AtomicReference<>();
        AtomicReference<TimerHandle> second = new AtomicReference<>();
        first.set(wheel.schedule(20 * MS, () -> {
            ran.add("first");
            assertTrue(second.get().cancel());
        }));
        second.set(wheel.schedule(20 * MS, () -> {
            ran.add("second");
            assertTrue(first.get().cancel());
        }));
        assertEquals(1, wheel.expire(clock.at(20 * MS)));
        assertEquals(1, ran.size(), "whichever ran first cancelled the other: " + ran);
        assertEquals(0, wheel.size());
    }

    @Test
    void rescheduleMovesTheDeadlineLaterAndEarlier() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        long[] firedAt = {-1, -1};
        TimerHandle later = wheel.schedule(50 * MS, () -> firedAt[0] = clock.offset());
        TimerHandle earlier = wheel.schedule(500 * MS, () -> firedAt[1] = clock.offset());
        clock.at(20 * MS);
        assertTrue(wheel.reschedule(later, START + 125 * MS));
        assertTrue(wheel.reschedule(earlier, START + 35 * MS));
        assertEquals(START + 125 * MS, later.deadlineNanos());
        for (long t = 20 * MS; t <= 1000 * MS; t += MS) {
            wheel.expire(clock.at(t));
        }
        assertEquals(130 * MS, firedAt[0]);
        assertEquals(40 * MS, firedAt[1]);
    }

    @Test
    void idleTimeoutPushedBackOnEveryReadFiresOnlyAfterTheLastRead() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        long idle = 100 * MS;
        long[] firedAt = {-1};
        TimerHandle timer = wheel.schedule(idle, () -> firedAt[0] = clock.offset());
        long lastRead = 0;
        for (long t = 0; t <= 3000 * MS; t += MS) {
            long now = clock.at(t);
            if (t % (7 * MS) == 0 && t <= 2000 * MS) { // a read every 7 ms for 2 s: many revolutions
                assertTrue(wheel.reschedule(timer, now + idle));
                lastRead = t;
                assertEquals(1, wheel.size(), "re-arming keeps one handle filed");
            }
            wheel.expire(now);
        }
        assertEquals(boundaryAtOrAfter(lastRead + idle), firedAt[0]);
    }

    @Test
    void rescheduleReArmsAFiredHandleButNotACancelledOne() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        int[] fired = {0};
        TimerHandle timer = wheel.schedule(10 * MS, () -> fired[0]++);
        assertEquals(1, wheel.expire(clock.at(10 * MS)));
        assertTrue(wheel.reschedule(timer, clock.getAsLong() + 10 * MS));
        assertFalse(timer.isFired());
        assertEquals(1, wheel.expire(clock.at(20 * MS)));
        assertEquals(2, fired[0]);
        assertTrue(wheel.reschedule(timer, clock.getAsLong() + 10 * MS));
        assertTrue(timer.cancel());
        assertFalse(wheel.reschedule(timer, clock.getAsLong() + 10 * MS), "cancellation is terminal");
        assertEquals(0, wheel.expire(clock.at(100 * MS)));
        assertEquals(0, wheel.size());
    }

    @Test
    void aTaskReArmingItselfRunsOncePerArming() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        List<Long> firedAt = new ArrayList<>();
        AtomicReference<TimerHandle> self = new AtomicReference<>();
        self.set(wheel.schedule(10 * MS, () -> {
            firedAt.add(clock.offset());
            if (firedAt.size() < 5) {
                wheel.reschedule(self.get(), clock.getAsLong() + 30 * MS);
            }
        }));
        for (long t = 0; t <= 500 * MS; t += 5 * MS) {
            wheel.expire(clock.at(t));
        }
        assertEquals(List.of(10 * MS, 40 * MS, 70 * MS, 100 * MS, 130 * MS), firedAt);
    }

    @Test
    void aTaskReArmingItselfForNowRunsAgainOnlyAtTheNextTick() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        int[] fired = {0};
        AtomicReference<TimerHandle> self = new AtomicReference<>();
        self.set(wheel.schedule(10 * MS, () -> {
            fired[0]++;
            wheel.reschedule(self.get(), clock.getAsLong());
        }));
        assertEquals(1, wheel.expire(clock.at(10 * MS)), "no livelock within one expire");
        assertEquals(0, wheel.expire(clock.at(19 * MS)));
        assertEquals(1, wheel.expire(clock.at(20 * MS)));
        assertEquals(2, fired[0]);
    }

    @Test
    void aTaskSchedulingAnotherTimerDueInsideTheSameExpireWindowRunsItInThatExpire() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        List<String> ran = new ArrayList<>();
        wheel.schedule(10 * MS, () -> {
            ran.add("a");
            wheel.scheduleAt(START + 40 * MS, () -> ran.add("b")); // inside the window up to 50 ms
            wheel.scheduleAt(START + 200 * MS, () -> ran.add("c"));
        });
        assertEquals(2, wheel.expire(clock.at(50 * MS)));
        assertEquals(List.of("a", "b"), ran);
        assertEquals(1, wheel.size());
    }

    @Test
    void nanosUntilNextExpiryTracksTheNearestTimerToTheTickAndIsCapped() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(clock.at(0)), "empty wheel: the cap");
        wheel.schedule(25 * MS, () -> { });
        assertEquals(30 * MS, wheel.nanosUntilNextExpiry(clock.at(0)));
        assertEquals(23 * MS, wheel.nanosUntilNextExpiry(clock.at(7 * MS)));
        TimerHandle nearer = wheel.schedule(5 * MS, () -> { }); // 12 ms, tick boundary 20 ms
        assertEquals(13 * MS, wheel.nanosUntilNextExpiry(clock.getAsLong()));
        assertTrue(nearer.cancel());
        assertEquals(23 * MS, wheel.nanosUntilNextExpiry(clock.getAsLong()), "back to the 30 ms timer");
        assertEquals(0, wheel.nanosUntilNextExpiry(clock.at(30 * MS)), "due now");
        assertEquals(0, wheel.nanosUntilNextExpiry(clock.at(45 * MS)), "overdue");
        assertEquals(1, wheel.expire(clock.getAsLong()));
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(clock.getAsLong()));
        wheel.schedule(5000 * MS, () -> { }); // many revolutions away
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(clock.getAsLong()), "capped");
        // Scheduled at 45 ms: deadline 5045 ms, tick boundary 5050 ms.
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(clock.at(5050 * MS - MAX_WAIT)));
        assertEquals(MAX_WAIT - MS, wheel.nanosUntilNextExpiry(clock.at(5051 * MS - MAX_WAIT)));
        assertEquals(5 * MS, wheel.nanosUntilNextExpiry(clock.at(5045 * MS)));
    }

    @Test
    void nanosUntilNextExpiryMayBeEarlyAfterAPushBackButNeverLate() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        TimerHandle timer = wheel.schedule(30 * MS, () -> { });
        assertTrue(wheel.reschedule(timer, START + 75 * MS));
        long early = wheel.nanosUntilNextExpiry(clock.at(0));
        assertTrue(early > 0 && early <= 80 * MS, "a lower bound of the 80 ms boundary: " + early);
        long now = clock.advance(early);
        assertEquals(0, wheel.expire(now), "the early wakeup fires nothing");
        assertEquals(80 * MS - clock.offset(), wheel.nanosUntilNextExpiry(now), "exact after the visit");
    }

    @Test
    void aThrowingTaskReachesTheHandlerAndTheOthersStillFire() {
        List<Throwable> failures = new ArrayList<>();
        List<TimerHandle> failed = new ArrayList<>();
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, (timer, failure) -> {
            failed.add(timer);
            failures.add(failure);
        });
        int[] fired = {0};
        RuntimeException boom = new IllegalStateException("connection 7 broke");
        wheel.schedule(10 * MS, () -> fired[0]++);
        TimerHandle throwing = wheel.schedule(10 * MS, () -> {
            throw boom;
        });
        wheel.schedule(10 * MS, () -> fired[0]++);
        wheel.schedule(30 * MS, () -> fired[0]++);
        assertEquals(3, wheel.expire(clock.at(10 * MS)), "the throwing task counts as run");
        assertEquals(2, fired[0]);
        assertEquals(List.of(throwing), failed);
        assertSame(boom, failures.get(0));
        assertTrue(throwing.isFired());
        assertEquals(1, wheel.expire(clock.at(30 * MS)), "the wheel keeps working");
        assertEquals(3, fired[0]);
    }

    @Test
    void whenTheHandlerThrowsTheRemainingDueTimersRunAtTheNextExpire() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, (timer, failure) -> {
            throw new IllegalStateException("handler gave up", failure);
        });
        int[] fired = {0};
        wheel.schedule(10 * MS, () -> {
            throw new UnsupportedOperationException("task");
        });
        wheel.schedule(10 * MS, () -> fired[0]++);
        wheel.schedule(10 * MS, () -> fired[0]++);
        assertThrows(IllegalStateException.class, () -> wheel.expire(clock.at(10 * MS)));
        int ranBeforeTheThrow = fired[0];
        assertEquals(2 - ranBeforeTheThrow, wheel.expire(clock.getAsLong()), "those left on the due list");
        assertEquals(2, fired[0]);
        assertEquals(0, wheel.size());
    }

    @Test
    void expireFromInsideATaskIsRefused() {
        List<Throwable> failures = new ArrayList<>();
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, (timer, failure) -> failures.add(failure));
        wheel.schedule(10 * MS, () -> wheel.expire(clock.getAsLong()));
        assertEquals(1, wheel.expire(clock.at(10 * MS)));
        assertEquals(1, failures.size());
        assertInstanceOf(IllegalStateException.class, failures.get(0));
    }

    @Test
    void ownerOnlyOperationsAreRefusedOnOtherThreads() throws InterruptedException {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        TimerHandle timer = wheel.schedule(10 * MS, () -> { });
        List<Throwable> thrown = new ArrayList<>();
        Thread other = new Thread(() -> {
            for (Runnable call : List.<Runnable>of(
                    () -> wheel.expire(0), () -> wheel.nanosUntilNextExpiry(0), () -> wheel.reschedule(timer, 0))) {
                try {
                    call.run();
                } catch (IllegalStateException e) {
                    thrown.add(e);
                }
            }
        });
        other.start();
        other.join();
        assertEquals(3, thrown.size());
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        TimerWheel otherWheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        TimerHandle foreign = otherWheel.schedule(10 * MS, () -> { });
        assertThrows(IllegalArgumentException.class, () -> wheel.reschedule(foreign, 0));
        assertThrows(IllegalArgumentException.class, () -> wheel.schedule(-1, () -> { }));
        assertThrows(NullPointerException.class, () -> wheel.schedule(1, null));
        Thread me = Thread.currentThread();
        Runnable none = () -> { };
        assertMessageNames("tickNanos", () -> new TimerWheel(me, clock, 0, 8, MAX_WAIT, RETHROW, none));
        assertMessageNames("wheelSize", () -> new TimerWheel(me, clock, TICK, 12, MAX_WAIT, RETHROW, none));
        assertMessageNames("wheelSize", () -> new TimerWheel(me, clock, TICK, 0, MAX_WAIT, RETHROW, none));
        assertMessageNames("maxWaitNanos", () -> new TimerWheel(me, clock, TICK, 8, 0, RETHROW, none));
        assertMessageNames("maxWaitNanos",
                () -> new TimerWheel(me, clock, TICK, 8, Long.MAX_VALUE, RETHROW, none));
    }

    private static void assertMessageNames(String name, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    @Test
    void extremeDeadlinesDoNotOverflow() {
        TimerWheel wheel = clock.wheel(TICK, 8, MAX_WAIT, RETHROW);
        int[] fired = {0};
        wheel.schedule(Long.MAX_VALUE, () -> fired[0] += 100);
        wheel.scheduleAt(Long.MIN_VALUE, () -> fired[0]++); // long past: next tick
        assertEquals(TICK, wheel.nanosUntilNextExpiry(clock.at(0)));
        assertEquals(1, wheel.expire(clock.at(10 * MS)));
        assertEquals(MAX_WAIT, wheel.nanosUntilNextExpiry(clock.getAsLong()));
        assertEquals(0, wheel.expire(clock.at(1_000_000 * MS)));
        assertEquals(1, fired[0]);
    }
}
