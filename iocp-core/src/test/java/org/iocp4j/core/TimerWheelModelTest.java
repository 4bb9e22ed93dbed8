package org.iocp4j.core;

import static org.iocp4j.core.TimerFakeClock.MS;
import static org.iocp4j.core.TimerFakeClock.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random schedule / cancel / reschedule / advance sequences (fixed seeds, so failures reproduce)
 * checked against a reference model: a priority queue of due ticks, processed one tick at a time.
 * Timers due at the same tick may fire in any order, so firings are compared tick group by tick
 * group as sets, in tick order.
 */
class TimerWheelModelTest {

    private static final long TICK = MS;
    private static final int WHEEL_SIZE = 16;
    private static final long REVOLUTION = WHEEL_SIZE * TICK;
    private static final long MAX_WAIT = 50 * MS;
    private static final long[] SEEDS = {1, 2, 3, 20240611, -7};
    private static final int OPERATIONS = 5_000;

    @Test
    void matchesTheModelUnderScheduleCancelRescheduleAndAdvance() {
        for (long seed : SEEDS) {
            new Run(seed, true).execute();
        }
    }

    @Test
    void nanosUntilNextExpiryIsExactWhenNothingIsCancelledOrPushedBack() {
        for (long seed : SEEDS) {
            new Run(seed, false).execute();
        }
    }

    /** One timer as both the wheel's task and the model see it; the two sides keep separate fields. */
    private static final class Timer {
        final int id;
        final long rearmDelay; // negative: no re-arm from inside the task
        final boolean throwsWhenRun;
        TimerHandle handle;
        boolean taskRearmed;
        // Model side.
        boolean pending = true;
        boolean cancelled;
        boolean modelRearmed;
        int version;

        Timer(int id, long rearmDelay, boolean throwsWhenRun) {
            this.id = id;
            this.rearmDelay = rearmDelay;
            this.throwsWhenRun = throwsWhenRun;
        }
    }

    /** A model queue entry; stale once the timer's version moved on. */
    private record Due(long tick, Timer timer, int version) {
    }

    private static final class Run {
        final long seed;
        final boolean cancelAndPushBack;
        final Random random;
        final TimerFakeClock clock = new TimerFakeClock();
        final List<Integer> fired = new ArrayList<>();
        final Set<Integer> failed = new HashSet<>();
        final TimerWheel wheel;
        final List<Timer> timers = new ArrayList<>();
        final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparingLong(Due::tick));
        long modelProcessedTick;
        int modelPending;

        Run(long seed, boolean cancelAndPushBack) {
            this.seed = seed;
            this.cancelAndPushBack = cancelAndPushBack;
            this.random = new Random(seed);
            this.wheel = clock.wheel(TICK, WHEEL_SIZE, MAX_WAIT, (handle, failure) -> {
                assertTrue(failure instanceof TimerTaskFailure, "seed " + seed + ": " + failure);
                failed.add(((TimerTaskFailure) failure).id);
            });
        }

        void execute() {
            for (int op = 0; op < OPERATIONS; op++) {
                int kind = random.nextInt(100);
                if (kind < 40) {
                    schedule();
                } else if (kind < 55 && cancelAndPushBack) {
                    cancel();
                } else if (kind < 70 && cancelAndPushBack) {
                    reschedule();
                } else {
                    advanceAndExpire(random.nextInt(10) == 0 ? 0 : random.nextLong(3 * REVOLUTION));
                }
                assertEquals(modelPending, wheel.size(), context(op));
            }
            advanceAndExpire(100 * REVOLUTION);
            advanceAndExpire(100 * REVOLUTION); // re-arms made by the previous round
            assertEquals(0, wheel.size(), "seed " + seed);
        }

        void schedule() {
            long deadline = clock.getAsLong() + random.nextLong(-3 * TICK, 3 * REVOLUTION);
            long rearmDelay = random.nextInt(4) == 0 ? random.nextLong(2 * REVOLUTION) : -1;
            Timer timer = new Timer(timers.size(), rearmDelay, random.nextInt(20) == 0);
            timers.add(timer);
            timer.handle = wheel.scheduleAt(deadline, () -> run(timer));
            modelPending++;
            enqueue(timer, deadline);
        }

        void cancel() {
            if (timers.isEmpty()) {
                return;
            }
            Timer timer = timers.get(random.nextInt(timers.size()));
            boolean expected = timer.pending;
            assertEquals(expected, timer.handle.cancel(), "seed " + seed + ": cancel of timer " + timer.id);
            if (expected) {
                timer.pending = false;
                timer.cancelled = true;
                timer.version++;
                modelPending--;
            }
        }

        void reschedule() {
            if (timers.isEmpty()) {
                return;
            }
            Timer timer = timers.get(random.nextInt(timers.size()));
            for (int tries = 0; tries < 20 && !timer.pending; tries++) {
                timer = timers.get(random.nextInt(timers.size())); // mostly re-arm pending ones
            }
            // Half of the moves are small, around the current deadline, to hit the tick boundaries
            // between a lazy push-back and an immediate move.
            long deadline = random.nextBoolean()
                    ? clock.getAsLong() + random.nextLong(-3 * TICK, 3 * REVOLUTION)
                    : timer.handle.deadlineNanos() + random.nextLong(-3 * TICK, 3 * TICK);
            boolean expected = !timer.cancelled;
            assertEquals(expected, wheel.reschedule(timer.handle, deadline),
                    "seed " + seed + ": reschedule of timer " + timer.id);
            if (expected) {
                if (!timer.pending) {
                    timer.pending = true;
                    modelPending++;
                }
                timer.version++;
                enqueue(timer, deadline);
            }
        }

        void advanceAndExpire(long nanos) {
            long now = clock.advance(nanos);
            long sinceOrigin = now - START;
            long current = Math.floorDiv(sinceOrigin, TICK);
            Due earliest = peekValid();
            long expectedWait = earliest == null ? MAX_WAIT
                    : earliest.tick <= current ? 0 : Math.min(MAX_WAIT, earliest.tick * TICK - sinceOrigin);
            long wait = wheel.nanosUntilNextExpiry(now);
            if (cancelAndPushBack) {
                assertTrue(wait >= 0 && wait <= expectedWait,
                        "seed " + seed + ": wait " + wait + " later than the model's " + expectedWait);
            } else {
                assertEquals(expectedWait, wait, "seed " + seed + " at " + sinceOrigin);
            }

            List<Set<Integer>> expectedGroups = new ArrayList<>();
            Set<Integer> expectedFailures = new HashSet<>();
            for (Due due = peekValid(); due != null && due.tick <= current; due = peekValid()) {
                long tick = due.tick;
                modelProcessedTick = tick;
                List<Timer> group = new ArrayList<>();
                for (Due next = due; next != null && next.tick == tick; next = peekValid()) {
                    queue.poll();
                    group.add(next.timer);
                }
                Set<Integer> ids = new HashSet<>();
                for (Timer timer : group) {
                    ids.add(timer.id);
                    timer.pending = false;
                    timer.version++;
                    modelPending--;
                    if (timer.throwsWhenRun) {
                        expectedFailures.add(timer.id);
                    }
                    if (timer.rearmDelay >= 0 && !timer.modelRearmed) {
                        timer.modelRearmed = true;
                        timer.pending = true;
                        modelPending++;
                        enqueue(timer, now + timer.rearmDelay);
                    }
                }
                expectedGroups.add(ids);
            }
            modelProcessedTick = Math.max(modelProcessedTick, current);

            fired.clear();
            failed.clear();
            int count = wheel.expire(now);
            int position = 0;
            for (Set<Integer> group : expectedGroups) {
                assertTrue(position + group.size() <= fired.size(), "seed " + seed + ": too few fired " + fired);
                assertEquals(group, new HashSet<>(fired.subList(position, position + group.size())),
                        "seed " + seed + ": tick group at " + position + " of " + fired);
                position += group.size();
            }
            assertEquals(position, fired.size(), "seed " + seed + ": extra firings " + fired);
            assertEquals(position, count, "seed " + seed);
            assertEquals(expectedFailures, failed, "seed " + seed);
        }

        void run(Timer timer) {
            fired.add(timer.id);
            if (timer.rearmDelay >= 0 && !timer.taskRearmed) {
                timer.taskRearmed = true;
                wheel.reschedule(timer.handle, clock.getAsLong() + timer.rearmDelay);
            }
            if (timer.throwsWhenRun) {
                throw new TimerTaskFailure(timer.id);
            }
        }

        void enqueue(Timer timer, long deadline) {
            long tick = Math.max(Math.ceilDiv(deadline - START, TICK), modelProcessedTick + 1);
            queue.add(new Due(tick, timer, timer.version));
        }

        Due peekValid() {
            while (!queue.isEmpty() && queue.peek().version != queue.peek().timer.version) {
                queue.poll();
            }
            return queue.peek();
        }

        String context(int op) {
            return "seed " + seed + ", operation " + op;
        }
    }

    /** What a deliberately failing task throws, carrying the timer's id to the handler. */
    private static final class TimerTaskFailure extends RuntimeException {
        final int id;

        TimerTaskFailure(int id) {
            super("timer " + id, null, false, false);
            this.id = id;
        }
    }
}
