package org.iocp4j.core.linux;

/**
 * Receives the completions {@link IoUringRing#reap} and {@link IoUringRing#submitAndWait} take from the
 * completion queue, one call per {@code struct io_uring_cqe}, as primitives so that reaping allocates
 * nothing.
 *
 * <p>Called on the ring's owner thread. The CQE's slot has already been handed back to the kernel when
 * this runs, so a handler may queue and submit new SQEs; it must not reap (that throws
 * {@link IllegalStateException}).
 */
@FunctionalInterface
public interface CqeHandler {
    /**
     * One completion.
     *
     * @param userData the {@code user_data} of the SQE that produced it
     * @param res      {@code cqe->res}: the operation's result, or {@code -errno} on failure
     * @param flags    {@code cqe->flags}: {@code IORING_CQE_F_MORE}, {@code IORING_CQE_F_BUFFER} and the
     *                 buffer id (see {@link ProvidedBufferRing#bufferId(int)}), ...
     */
    void onCqe(long userData, int res, int flags);
}
