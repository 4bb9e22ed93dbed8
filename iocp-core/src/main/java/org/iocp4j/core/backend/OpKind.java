package org.iocp4j.core.backend;

/** What an {@link Operation} does; set when the engine takes the operation from the table. */
public enum OpKind {
    /** Accept one connection on a listening socket (AcceptEx / IORING_OP_ACCEPT). */
    ACCEPT,
    /** Connect a stream socket (ConnectEx / IORING_OP_CONNECT). */
    CONNECT,
    /** Receive into one buffer, or a zero-byte receive (WSARecv / IORING_OP_RECV). */
    RECV,
    /** Gather send of an I/O vector array (WSASend / IORING_OP_SENDMSG). */
    SEND,
    /** Read a file at an offset (ReadFile / IORING_OP_READ). */
    READ
}
