package org.iocp4j.core.backend;

/**
 * Receives completions from a {@link Poller}; implemented by the engine. See the package documentation
 * for the thread on which it runs and for re-entrancy (an immediate completion may be delivered from
 * inside the issuing call).
 */
@FunctionalInterface
public interface CompletionSink {
    /** Flag: a multishot operation stays armed; more completions of the same operation follow. */
    int MORE = 1;

    /**
     * Flag: the completion filled a provided buffer (see {@link Poller#recvProvided}); its id is
     * {@link #bufferId(int) bufferId(flags)}, to be claimed with {@link Poller#takeProvidedBuffer}.
     */
    int BUFFER = 2;

    /** The provided buffer's id of a completion with {@link #BUFFER}: bits 16..31 of the flags. */
    static int bufferId(int flags) {
        return flags >>> 16;
    }

    /**
     * One completion.
     *
     * @param op     the operation, as issued
     * @param result {@code >= 0}: bytes transferred, or for an accept the new connection's handle;
     *               {@code < 0}: a negated native error code ({@link Backend#classify})
     * @param flags  {@link #MORE} or 0
     */
    void onCompletion(Operation op, long result, int flags);
}
