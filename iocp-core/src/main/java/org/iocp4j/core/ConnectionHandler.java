package org.iocp4j.core;

/**
 * The events of one {@link Connection}. Calls for one connection never overlap and each happens-before the
 * next; they run on a worker thread, so a handler must not block (hand blocking work to
 * {@link Connection#offload}). A callback that throws closes its connection (and only it); the exception is
 * logged and passed to {@link #onClosed}.
 *
 * <p>{@link #onRead} is the one method without a default, so a lambda is a handler:
 * {@code (connection, data) -> connection.write(data)} echoes.
 */
public interface ConnectionHandler {

    /** The connection is established; reads start after this returns. */
    default void onOpen(Connection connection) {
    }

    /**
     * Bytes arrived, in order. The handler owns {@code data} and must {@linkplain Buffer#release release}
     * it or hand it on (for example to {@link Connection#write(Buffer)}, which takes ownership) — also when
     * it throws: the engine cannot tell whether a failing handler still holds it.
     */
    void onRead(Connection connection, Buffer data);

    /** {@code bytes} more of what was written have been handed to the kernel, in write order. */
    default void onWritten(Connection connection, long bytes) {
    }

    /**
     * The peer half-closed its side (FIN): no more reads. The connection can still write; by default it is
     * closed once its queued writes are sent.
     */
    default void onEndOfStream(Connection connection) {
        connection.close();
    }

    /**
     * Queued write bytes crossed the high water mark ({@code false}) or fell back under the low one
     * ({@code true}); see {@link Connection#isWritable()}.
     */
    default void onWritabilityChanged(Connection connection, boolean writable) {
    }

    /**
     * The connection is closed and every operation of it has completed; called exactly once.
     *
     * @param cause {@code null} after an orderly {@link Connection#close()}; otherwise why it closed: an
     *              {@link java.io.IOException} naming the native code (peer reset: ECONNRESET /
     *              WSAECONNRESET), a {@link java.net.SocketTimeoutException} for the idle timeout, or what a
     *              callback threw
     */
    default void onClosed(Connection connection, Throwable cause) {
    }
}
