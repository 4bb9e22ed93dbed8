package org.iocp4j.core.windows;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the backend knows about one socket or file handle it created: whether skip-on-success is on (only
 * then may an immediate success be completed inline — otherwise a packet follows), how many operations
 * are in flight on it, and whether it is being closed.
 *
 * <p>The real {@code closesocket} / {@code CloseHandle} waits until no operation is in flight: every
 * pending operation has then completed (cancelled by {@code CancelIoEx}), so its completion can be
 * examined with {@code WSAGetOverlappedResult} on a still-valid handle, and the handle value cannot be
 * reused by Windows for a new socket while completions naming it are still queued.
 */
final class HandleState {
    final long handle;
    final boolean socket;
    /** AF_INET / AF_INET6 of a socket, 0 for a file. */
    final int family;
    /** Associated with the port; a handle can be associated only once, so registering twice is a no-op. */
    final AtomicBoolean associated = new AtomicBoolean();
    volatile boolean skipOnSuccess;
    volatile boolean closing;
    final AtomicInteger pending = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    /** Addresses known from GetAcceptExSockaddrs, else null. */
    volatile InetSocketAddress local;
    volatile InetSocketAddress remote;

    HandleState(long handle, boolean socket, int family) {
        this.handle = handle;
        this.socket = socket;
        this.family = family;
    }
}
