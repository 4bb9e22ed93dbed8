package org.iocp4j.core;

/**
 * Receives what a timer task threw, so that one failing connection's timeout cannot stop the
 * worker's {@link TimerWheel} from firing the others; the engine closes only that connection.
 *
 * <p>Called on the wheel's owner thread, from inside {@link TimerWheel#expire(long)}. It should not
 * throw: if it does, the throwable leaves {@code expire}, and the timers that were already due but
 * had not run yet run at the start of the next {@code expire} call.
 */
@FunctionalInterface
interface TimerExceptionHandler {

    /**
     * Handles a task that threw.
     *
     * @param timer the handle whose task threw; it counts as fired
     * @param failure what the task threw
     */
    void taskFailed(TimerHandle timer, Throwable failure);
}
