package org.iocp4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.iocp4j.core.Buffer;
import org.iocp4j.core.Connection;
import org.iocp4j.core.ConnectionHandler;
import org.iocp4j.core.IoEngine;
import org.iocp4j.core.Server;

/**
 * The {@code echo} subcommand: an echo server on the proactor. Every received buffer is written straight
 * back (the write takes ownership, so no byte is copied); a connection whose peer reads slower than it
 * sends stops reading while its queued writes are above the engine's high water mark.
 */
public final class EchoServer {
    /** The port {@code echo} and {@code load} use unless told otherwise. */
    public static final int DEFAULT_PORT = 7007;

    /** How long Ctrl-C lets queued echoes drain before open connections are aborted. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private EchoServer() {
    }

    /** The echo handler of one connection. */
    public static final class Handler implements ConnectionHandler {
        @Override
        public void onRead(Connection connection, Buffer data) {
            connection.write(data);
            if (!connection.isWritable()) {
                connection.autoRead(false);
            }
        }

        @Override
        public void onWritabilityChanged(Connection connection, boolean writable) {
            connection.autoRead(writable);
        }
    }

    /**
     * Listens on {@code address} with an echo handler per connection.
     *
     * @throws IOException the address cannot be bound
     */
    public static Server listen(IoEngine engine, InetSocketAddress address) throws IOException {
        return engine.listen(address, Handler::new);
    }

    /** The options of {@code echo}. */
    static Options options() {
        return new Options("echo", "Echo server: writes back every byte it receives. Ctrl-C stops it.")
                .option("host", "ADDRESS", "127.0.0.1", "address to listen on")
                .option("port", "PORT", String.valueOf(DEFAULT_PORT), "port to listen on, 0 picks one")
                .option("workers", "N", String.valueOf(Runtime.getRuntime().availableProcessors()),
                        "engine worker threads");
    }

    /**
     * Runs the server until the JVM is asked to stop, whose shutdown hook shuts the engine down gracefully.
     *
     * @return the exit code
     */
    static int run(Options options, PrintStream out) throws UsageException, IOException {
        String host = options.string("host");
        int port = options.integer("port", 0, 65535);
        int workers = options.integer("workers", 1, 256);
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UsageException("option '--host': cannot resolve '" + host + "'");
        }
        IoEngine engine = IoEngine.builder().workers(workers).build();
        Server server;
        try {
            server = listen(engine, address);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("echo-shutdown").unstarted(() -> {
            try {
                engine.shutdown(SHUTDOWN_GRACE);
                System.err.println("echo server stopped: " + engine.metrics().connectionsAccepted()
                        + " connections served");
            } catch (IOException | RuntimeException e) {
                System.err.println("echo server shutdown failed: " + e);
            }
        }));
        out.println("echo server listening on " + server.localAddress() + " (backend " + engine.backendName()
                + ", " + engine.workers() + " workers); Ctrl-C stops it");
        out.flush();
        server.closedFuture().join();
        return 0;
    }
}
