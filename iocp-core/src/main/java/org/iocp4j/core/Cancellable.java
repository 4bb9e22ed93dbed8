package org.iocp4j.core;

/** Something scheduled that can still be called off, such as {@link Connection#schedule}'s timer. */
public interface Cancellable {

    /**
     * Calls it off if it has not started. Any thread.
     *
     * @return {@code true} if this call cancelled it, so it will not run; {@code false} if it already ran,
     *     is running or about to run, or was cancelled before
     */
    boolean cancel();
}
