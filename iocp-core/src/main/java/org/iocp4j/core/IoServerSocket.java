package org.iocp4j.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The blocking façade's listening socket: {@link #accept()} parks the calling (virtual) thread until the
 * engine has accepted a connection. Accepts stay posted in the engine all the time (see {@link Server}).
 */
public final class IoServerSocket implements AutoCloseable {
    private final Server server;
    private final LinkedBlockingQueue<IoSocket> accepted = new LinkedBlockingQueue<>();
    /** Queued to wake every acceptor at close. */
    private final IoSocket closedMarker;
    private volatile boolean closed;

    private IoServerSocket(IoEngine engine, InetSocketAddress address) throws IOException {
        this.closedMarker = new IoSocket(engine);
        this.server = engine.listen(address, () -> {
            IoSocket socket = new IoSocket(engine);
            socket.handler.onOpen = () -> accepted.offer(socket);
            return socket.handler;
        });
    }

    /** Listens on {@code address} (port 0 picks one). */
    public static IoServerSocket open(IoEngine engine, InetSocketAddress address) throws IOException {
        return new IoServerSocket(engine, address);
    }

    /** The address it listens on. */
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    /**
     * The next accepted connection, parking until there is one.
     *
     * @throws SocketException once the server socket is closed
     */
    public IoSocket accept() throws IOException {
        try {
            IoSocket socket = accepted.take();
            if (socket == closedMarker) {
                accepted.offer(closedMarker);
                throw new SocketException("server socket closed");
            }
            return socket;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted in accept", e);
        }
    }

    /** Stops accepting and closes connections accepted but not yet taken by {@link #accept()}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        IoSocket s;
        while ((s = accepted.poll()) != null) {
            s.close();
        }
        accepted.offer(closedMarker);
    }
}
