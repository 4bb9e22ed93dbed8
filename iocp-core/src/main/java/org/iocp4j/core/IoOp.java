package org.iocp4j.core;

import org.iocp4j.core.backend.Operation;

/**
 * The engine's side of an in-flight {@link Operation}: its {@link Operation#attachment() attachment}, which
 * the completion is routed to. One per outstanding-operation slot of a connection or listener, reused for
 * every operation of that slot, so routing allocates nothing.
 */
abstract class IoOp {
    /** The backend's completion of {@code op}; on a worker thread. */
    abstract void complete(Operation op, long result, int flags);
}
