package org.iocp4j.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.iocp4j.bindings.linux.Errno;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.ErrorKind;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket of an {@link IoEngine} with K accepts always posted (AcceptEx / IORING_OP_ACCEPT),
 * spread over the workers and re-posted as each completes. Every accepted connection gets the next home
 * worker round-robin and a handler from the server's factory. Made by {@link IoEngine#listen}.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final IoEngine engine;
    private final long handle;
    private final InetSocketAddress localAddress;
    private final Supplier<? extends ConnectionHandler> handlers;
    private final SocketOptions options;
    private final AcceptSlot[] slots;
    /** Accepts in flight plus one for the open server; the listening socket is closed when it reaches 0. */
    private final AtomicInteger pending = new AtomicInteger(1);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;

    Server(IoEngine engine, long handle, Supplier<? extends ConnectionHandler> handlers, int accepts,
           SocketOptions options) throws IOException {
        this.engine = engine;
        this.handle = handle;
        this.localAddress = engine.backend().localAddress(handle);
        this.handlers = handlers;
        this.options = options;
        // A multishot accept stays armed by itself: one per worker serves as well as K single ones.
        boolean multishot = engine.worker(0).poller.supportsMultishotAccept();
        int count = multishot ? engine.workers() : accepts;
        this.slots = new AcceptSlot[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new AcceptSlot(engine.worker(i), multishot);
        }
    }

    void start() {
        for (AcceptSlot slot : slots) {
            slot.worker.execute(slot::post);
        }
    }

    /** The address the server listens on (with the port the OS picked for port 0). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Stops accepting: cancels the posted accepts and closes the listening socket once they have completed.
     * Connections already accepted stay open. Any thread; idempotent.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (AcceptSlot slot : slots) {
            slot.worker.execute(slot::cancel);
        }
        release();
    }

    /** The listening socket, for tests that read its options back. */
    long handle() {
        return handle;
    }

    /** Completes when the listening socket is closed and no accept is in flight. */
    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            try {
                engine.backend().closeHandle(handle);
            } catch (IOException e) {
                LOG.warn("closing listening socket {} failed", localAddress, e);
            }
            engine.serverClosed(this);
            closed.complete(null);
        }
    }

    /** The longest wait between two attempts of an accept slot whose accepts keep failing. */
    private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;

    /** One always-posted accept, bound to one worker (single issuer on io_uring). */
    private final class AcceptSlot extends IoOp {
        final Worker worker;
        /** Multishot while the kernel takes it; single-shot after it refused once (EINVAL). */
        boolean multishot;
        /**
         * The accept in flight; guarded by this slot's monitor. On a shared completion queue (IOCP) the
         * post, the completion and the close-time cancel of one slot may run on different workers at once:
         * without the monitor a cancel could find no accept between a completion and its re-post (which had
         * read {@code closing} before close set it), leaving the re-posted accept pending for ever, or
         * cancel a block already released and reused by another owner.
         */
        private Operation op;
        /**
         * The wait before the next attempt after a failed one (EMFILE, ENOBUFS, no socket for AcceptEx...):
         * from one tick, doubled per failure up to {@link #MAX_BACKOFF_NANOS}, back to one tick once a
         * connection is accepted, so that exhausted resources cost one warning per slot and back-off instead
         * of a warning per tick. Guarded by this slot's monitor.
         */
        private long backoffNanos = Worker.TICK_NANOS;

        AcceptSlot(Worker worker, boolean multishot) {
            this.worker = worker;
            this.multishot = multishot;
        }

        @Override
        public String toString() {
            return "accept slot of " + worker.getName() + " on the server " + localAddress
                    + (closing ? " (closing)" : "");
        }

        /**
         * On {@link #worker} (any worker on IOCP). Holds the monitor, which makes "not closing, so post" one
         * step against {@link #cancel}: close sets {@code closing} before it queues the cancel, so either this
         * sees it or the cancel sees the accept. An immediate completion inside the accept call re-enters
         * through {@link #complete} on this thread.
         */
        synchronized void post() {
            if (closing || op != null) {
                return;
            }
            Operation taken = engine.operations().acquire(OpKind.ACCEPT, this);
            if (taken == null) {
                worker.wheel.schedule(Worker.TICK_NANOS, this::post);
                return;
            }
            op = taken;
            pending.incrementAndGet();
            try {
                if (multishot) {
                    worker.poller.acceptMultishot(taken, handle);
                } else {
                    worker.poller.accept(taken, handle);
                }
            } catch (IOException | RuntimeException e) {
                // The slot stays: a failure to post (on IOCP creating the socket for AcceptEx, WSAEMFILE) is
                // as transient as a failed accept, and a dropped slot would leave a listener that never accepts.
                op = null;
                engine.operations().release(taken);
                LOG.warn("posting an accept on {} failed; retrying in {} ms", localAddress,
                        backoffNanos / 1_000_000, e);
                retryLater();
            }
        }

        /**
         * Posts again after the back-off, keeping the pending count this attempt took until then. Holds the
         * monitor (from {@link #post} or {@link #complete}).
         */
        private void retryLater() {
            long delay = backoffNanos;
            backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
            worker.wheel.schedule(delay, () -> {
                post();
                release();
            });
        }

        /** On {@link #worker}. */
        synchronized void cancel() {
            if (op != null) {
                try {
                    worker.poller.cancel(op);
                    engine.counters().cancellations.increment();
                } catch (IOException e) {
                    LOG.warn("cancelling an accept on {} failed", localAddress, e);
                }
            }
        }

        @Override
        void complete(Operation completed, long result, int flags) {
            boolean more = (flags & CompletionSink.MORE) != 0;
            if (!more) {
                synchronized (this) {
                    op = null;
                    engine.operations().release(completed);
                }
            }
            boolean repost = !closing && !more;
            if (result >= 0) {
                if (closing) {
                    engine.closeQuietly(result);
                } else {
                    synchronized (this) {
                        backoffNanos = Worker.TICK_NANOS;
                    }
                    engine.accepted(result, handlers, options);
                }
            } else if (repost && multishot && -result == Errno.EINVAL) {
                // Only io_uring has multishot accept, so the errno is meant; a kernel without it refuses
                // with EINVAL: post single accepts from now on.
                multishot = false;
            } else if (repost && engine.backend().classify(result) != ErrorKind.CANCELLED) {
                // EMFILE, ENFILE, ENOBUFS...: keep the slot but give the system time to recover.
                repost = false;
                pending.incrementAndGet();
                synchronized (this) {
                    LOG.warn("accept on {} failed; retrying in {} ms", localAddress, backoffNanos / 1_000_000,
                            engine.backend().exception("accept", result));
                    retryLater();
                }
            }
            if (repost) {
                post();
            }
            if (more) {
                return; // still armed: still pending
            }
            release();
        }
    }
}
