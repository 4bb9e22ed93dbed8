package org.iocp4j.core;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.Poller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread: owns its {@link Poller} and {@link TimerWheel}, and loops
 * <em>run queued tasks → dequeue a batch of completions (timeout = the wheel's next expiry) → expire
 * timers</em>. Tasks from other threads arrive through a lock-free inbox and a coalesced
 * {@link Poller#wakeup()}. With a shared completion queue (IOCP) every worker drains the same inbox.
 */
final class Worker extends Thread {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** Timer wheel tick: timeouts are coarse (seconds), 10 ms keeps the wheel cheap and precise enough. */
    static final long TICK_NANOS = 10_000_000L;
    /** Longest dequeue wait without a timer: bounds how stale a missed wake-up could ever leave the loop. */
    private static final long MAX_WAIT_NANOS = 1_000_000_000L;
    /** Tasks run per loop turn before polling again, so that completions are not starved by a task flood. */
    private static final int TASKS_PER_TURN = 4096;

    final IoEngine engine;
    final int index;
    private final Queue<Runnable> inbox;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Throwable startFailure;
    volatile Poller poller;
    /** Whether receives on this worker use its provided-buffer group; set before the start latch opens. */
    boolean providedReceives;
    TimerWheel wheel;
    private volatile boolean stopping;

    Worker(IoEngine engine, int index, Queue<Runnable> inbox) {
        super("iocp4j-" + engine.backendName() + "-worker-" + index);
        setDaemon(true);
        this.engine = engine;
        this.index = index;
        this.inbox = inbox;
    }

    /** The worker running the calling thread, or null. */
    static Worker current() {
        return Thread.currentThread() instanceof Worker w ? w : null;
    }

    /** Starts the thread and waits until its poller is open. */
    void startAndAwait() throws IOException {
        start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + getName(), e);
        }
        if (startFailure instanceof IOException e) {
            throw e;
        }
        if (startFailure != null) {
            throw new IOException(getName() + " failed to start", startFailure);
        }
    }

    /** Runs {@code task} on this worker (any worker of the port with a shared queue). Any thread. */
    void execute(Runnable task) {
        inbox.offer(task);
        if (Thread.currentThread() != this) {
            poller.wakeup();
        }
    }

    /** Lets the loop end once its inbox is empty; the engine calls it after every operation completed. */
    void stopLoop() {
        stopping = true;
        poller.wakeup();
    }

    @Override
    public void run() {
        try {
            poller = engine.backend().openPoller(index, engine.operations(), this::complete);
            int provide = engine.config().providedBuffers;
            if (provide > 0) {
                providedReceives = poller.provideBuffers(engine.bufferPool(), engine.config().readBufferSize,
                        provide) > 0;
            }
            wheel = new TimerWheel(this, System::nanoTime, TICK_NANOS, 512, MAX_WAIT_NANOS,
                    (timer, failure) -> LOG.warn("timer task failed", failure), () -> poller.wakeup());
        } catch (Throwable t) {
            startFailure = t;
            started.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (Throwable t) {
            LOG.error("{} died", getName(), t);
            engine.workerDied(this, t);
        } finally {
            try {
                poller.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing the poller of {} failed", getName(), e);
            }
            engine.bufferPool().trimThreadCache();
        }
    }

    private void loop() throws IOException {
        EngineCounters counters = engine.counters();
        while (true) {
            runTasks();
            if (stopping && inbox.isEmpty()) {
                return;
            }
            long wait = inbox.isEmpty() ? wheel.nanosUntilNextExpiry(System.nanoTime()) : 0;
            int n = poller.poll(wait);
            counters.dequeued(n);
            wheel.expire(System.nanoTime());
        }
    }

    private void runTasks() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            Runnable task = inbox.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("engine task failed on {}", getName(), e);
            }
        }
    }

    /** The completion sink: routes to the operation's owner. */
    private void complete(Operation op, long result, int flags) {
        try {
            ((IoOp) op.attachment()).complete(op, result, flags);
        } catch (RuntimeException e) {
            LOG.error("completion of {} failed", op, e);
        }
    }
}
