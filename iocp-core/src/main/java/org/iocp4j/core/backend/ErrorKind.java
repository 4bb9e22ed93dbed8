package org.iocp4j.core.backend;

/** How the engine treats a negated native error code of a completion ({@link Backend#classify}). */
public enum ErrorKind {
    /**
     * The operation ended because we cancelled it or closed its handle: Linux ECANCELED, EBADF (and EINTR
     * of an interrupted accept); Windows ERROR_OPERATION_ABORTED (995), ERROR_NETNAME_DELETED (64),
     * ERROR_CONNECTION_ABORTED (1236) and STATUS_/ERROR_ 676 after our own close. Means "closed", not an
     * error.
     */
    CANCELLED,
    /** The peer reset or aborted the connection (ECONNRESET, EPIPE, WSAECONNRESET, WSAECONNABORTED, ...). */
    RESET,
    /**
     * No provided buffer was free for a {@link Poller#recvProvided} (ENOBUFS): back-pressure; the engine
     * receives again later instead of failing the connection.
     */
    NO_BUFFERS,
    /** Anything else: reported to the handler as a failure. */
    OTHER
}
