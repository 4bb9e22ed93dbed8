package org.iocp4j.core;

import static java.net.StandardSocketOptions.SO_KEEPALIVE;
import static java.net.StandardSocketOptions.SO_LINGER;
import static java.net.StandardSocketOptions.SO_RCVBUF;
import static java.net.StandardSocketOptions.SO_SNDBUF;
import static java.net.StandardSocketOptions.TCP_NODELAY;
import static org.iocp4j.core.SocketOptions.IPV6_V6ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Socket options through the engine on real sockets of the OS's backend (io_uring here, IOCP in the
 * windows-jvm lane), each read back with getsockopt through the backend: on the listening socket, on an
 * accepted connection and on a connected one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineSocketOptionsTest {
    private static final InetSocketAddress IPV6_WILDCARD = new InetSocketAddress(ipv6Wildcard(), 0);

    /** Every option at a value the OS would not have by itself. */
    private static final SocketOptions ALL = SocketOptions.defaults()
            .with(SO_KEEPALIVE, true)
            .with(SO_RCVBUF, 64 << 10)
            .with(SO_SNDBUF, 96 << 10)
            .with(SO_LINGER, 7)
            .with(IPV6_V6ONLY, true);

    private static InetAddress ipv6Loopback() {
        return ipv6("::1");
    }

    private static InetAddress ipv6Wildcard() {
        return ipv6("::");
    }

    private static InetAddress ipv6(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A server, a connection it accepted, and the engine's connection to it. */
    private record Pair(Server server, Connection accepted, Connection connected) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            connected.close();
            accepted.close();
            server.close();
            server.closedFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private interface Listen {
        Server listen(Supplier<ConnectionHandler> handlers) throws IOException;
    }

    private interface Connect {
        CompletableFuture<Connection> connect(InetSocketAddress remote, ConnectionHandler handler);
    }

    private static Pair pair(Listen listen, Connect connect) throws Exception {
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        Server server = listen.listen(() -> new EngineTesting.Echo() {
            @Override
            public void onOpen(Connection connection) {
                accepted.complete(connection);
            }
        });
        Connection connected = connect.connect(server.localAddress(), new EngineTesting.Echo())
                .get(10, TimeUnit.SECONDS);
        return new Pair(server, accepted.get(10, TimeUnit.SECONDS), connected);
    }

    /** Reads one option of one socket. */
    private interface Reader {
        Object get(SocketOption<?> option) throws IOException;
    }

    /** What getsockopt reports for every supported option (IPV6_V6ONLY only of an IPv6 socket). */
    private static Map<SocketOption<?>, Object> read(Reader socket, boolean ipv6) throws IOException {
        Map<SocketOption<?>, Object> values = new LinkedHashMap<>();
        for (SocketOption<?> option : SocketOptions.supported()) {
            if (option != IPV6_V6ONLY || ipv6) {
                values.put(option, socket.get(option));
            }
        }
        return values;
    }

    /** The listener through the backend's getsockopt, the two connections through theirs. */
    private static void assertOptions(IoEngine engine, Pair p, SocketOptions options, boolean ipv6)
            throws IOException {
        Map<SocketOption<?>, Object> expected = expected(options, ipv6);
        assertEquals(expected, read(o -> engine.backend().getOption(p.server().handle(), o), ipv6), "the listener");
        assertEquals(expected, read(p.accepted()::getOption, ipv6), "the accepted connection");
        assertEquals(expected, read(p.connected()::getOption, ipv6), "the connected connection");
    }

    /**
     * What getsockopt should report for {@code options} where each is set: Linux doubles a buffer size for
     * its bookkeeping (socket(7)), Windows reports it as set.
     */
    private static Map<SocketOption<?>, Object> expected(SocketOptions options, boolean ipv6) {
        Map<SocketOption<?>, Object> values = new LinkedHashMap<>();
        for (SocketOption<?> option : SocketOptions.supported()) {
            Object value = options.get(option);
            if (option == IPV6_V6ONLY && !ipv6) {
                continue;
            }
            if ((option == SO_RCVBUF || option == SO_SNDBUF) && !EngineTesting.IOCP) {
                value = 2 * (Integer) value;
            }
            values.put(option, value);
        }
        return values;
    }

    @Test
    void byDefaultNagleIsOffOnTheListenerAndOnAcceptedAndConnectedSocketsAndTheRestIsTheOsDefault()
            throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try (Pair p = pair(h -> engine.listen(EngineTesting.LOOPBACK, h), engine::connect)) {
            assertEquals(true, engine.backend().getOption(p.server().handle(), TCP_NODELAY), "listener");
            for (Connection c : List.of(p.accepted(), p.connected())) {
                assertEquals(true, c.getOption(TCP_NODELAY), "TCP_NODELAY of " + c);
                assertEquals(false, c.getOption(SO_KEEPALIVE), "SO_KEEPALIVE of " + c);
                assertEquals(-1, c.getOption(SO_LINGER), "SO_LINGER of " + c);
            }
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void theEnginesOptionsAreSetOnTheListenerAndOnAcceptedAndConnectedSockets() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.socketOptions(ALL));
        try (Pair p = pair(h -> engine.listen(EngineTesting.LOOPBACK, h), engine::connect)) {
            // IPv4 sockets have no IPV6_V6ONLY: the engine leaves it out rather than fail.
            assertOptions(engine, p, ALL, false);
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    /**
     * On the wildcard address, because Linux makes a socket bound to one IPv6 address (such as ::1) IPv6-only
     * whatever the option says (inet6_bind). Both values, as the OS defaults differ (Linux off, Windows on),
     * and what they mean: an IPv4 client reaches the dual-stack listener only.
     */
    @Test
    void ipv6OnlyIsSetOnIpv6ListenersAndConnectingSocketsAndAcceptedOnesHaveTheirListeners() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            for (boolean only : new boolean[] {true, false}) {
                SocketOptions options = ALL.with(IPV6_V6ONLY, only);
                try (Pair p = pair(h -> engine.listen(IPV6_WILDCARD, options, h),
                        (remote, h) -> engine.connect(new InetSocketAddress(ipv6Loopback(), remote.getPort()),
                                options, h))) {
                    assertOptions(engine, p, options, true);
                    assertEquals(!only, reachableOverIpv4(p.server().localAddress().getPort()),
                            "an IPv4 client of a listener with IPV6_V6ONLY " + only);
                }
            }
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    private static boolean reachableOverIpv4(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            return true;
        } catch (java.net.ConnectException refused) {
            return false;
        }
    }

    @Test
    void aServerOrAConnectionOfItsOwnReplacesTheEnginesOptions() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.socketOptions(ALL));
        SocketOptions server = SocketOptions.osDefaults().with(SO_KEEPALIVE, true);
        SocketOptions client = SocketOptions.defaults().with(TCP_NODELAY, false);
        try (Pair p = pair(h -> engine.listen(EngineTesting.LOOPBACK, server, h),
                (remote, h) -> engine.connect(remote, client, h))) {
            assertEquals(false, engine.backend().getOption(p.server().handle(), TCP_NODELAY), "the listener");
            assertEquals(true, engine.backend().getOption(p.server().handle(), SO_KEEPALIVE), "the listener");
            assertEquals(false, p.accepted().getOption(TCP_NODELAY), "accepted: the OS default, not the engine's");
            assertEquals(true, p.accepted().getOption(SO_KEEPALIVE), "accepted");
            assertEquals(-1, p.accepted().getOption(SO_LINGER), "accepted: not the engine's 7");
            assertEquals(false, p.connected().getOption(TCP_NODELAY), "connected: Nagle back on");
            assertEquals(false, p.connected().getOption(SO_KEEPALIVE), "connected: not the engine's");
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void anOpenConnectionChangesItsOptionsFromAnyThreadAndNotOnceClosed() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        CompletableFuture<Object> inCallback = new CompletableFuture<>();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        CompletableFuture<Void> acceptedClosed = new CompletableFuture<>();
        try {
            Server server = engine.listen(EngineTesting.LOOPBACK, () -> new ConnectionHandler() {
                @Override
                public void onOpen(Connection connection) {
                    accepted.complete(connection);
                }

                @Override
                public void onRead(Connection connection, Buffer data) {
                    data.release();
                    try {
                        // Inside the serial context: setsockopt runs right here.
                        connection.setOption(TCP_NODELAY, false).setOption(SO_KEEPALIVE, true);
                        inCallback.complete(connection.getOption(TCP_NODELAY));
                    } catch (IOException | RuntimeException e) {
                        inCallback.completeExceptionally(e);
                    }
                }

                @Override
                public void onClosed(Connection connection, Throwable cause) {
                    acceptedClosed.complete(null);
                }
            });
            try (Socket client = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
                Connection c = accepted.get(10, TimeUnit.SECONDS);
                // From the test's own thread, not a worker.
                c.setOption(SO_LINGER, 0).setOption(SO_SNDBUF, 32 << 10).setOption(SO_RCVBUF, 48 << 10);
                assertEquals(0, c.getOption(SO_LINGER));
                assertEquals(EngineTesting.IOCP ? 32 << 10 : 64 << 10, c.getOption(SO_SNDBUF));
                assertEquals(EngineTesting.IOCP ? 48 << 10 : 96 << 10, c.getOption(SO_RCVBUF));
                c.setOption(SO_LINGER, -5);
                assertEquals(-1, c.getOption(SO_LINGER), "a negative linger turns it off");

                client.getOutputStream().write(1);
                assertEquals(false, inCallback.get(10, TimeUnit.SECONDS), "set and read in onRead");
                assertEquals(true, c.getOption(SO_KEEPALIVE));

                IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                        () -> c.setOption(SO_RCVBUF, -1));
                assertEquals("SO_RCVBUF -1 is not a positive byte count", invalid.getMessage());
                assertThrows(UnsupportedOperationException.class, () -> c.setOption(IPV6_V6ONLY, true),
                        "fixed once bound");
                assertThrows(UnsupportedOperationException.class,
                        () -> c.getOption(java.net.StandardSocketOptions.IP_TOS));

                c.close();
                acceptedClosed.get(10, TimeUnit.SECONDS);
                assertThrows(ClosedChannelException.class, () -> c.setOption(TCP_NODELAY, true));
                assertThrows(ClosedChannelException.class, () -> c.getOption(TCP_NODELAY));
            }
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    void anOptionTheOsRefusesFailsWithAnIoExceptionNamingTheOptionAndTheOsError() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try (Pair p = pair(h -> engine.listen(EngineTesting.LOOPBACK, h), engine::connect)) {
            // An IPv4 socket has no IPV6_V6ONLY.
            IOException e = assertThrows(IOException.class, () -> p.connected().getOption(IPV6_V6ONLY));
            // "getsockopt(IPV6_V6ONLY) failed: EOPNOTSUPP (95)" on Linux; a WSAE... code on Windows.
            assertTrue(e.getMessage().matches("getsockopt\\(IPV6_V6ONLY\\) failed: "
                    + (EngineTesting.IOCP ? "WSAE" : "E") + "[A-Z]+ \\(\\d+\\)"), e.getMessage());
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    /**
     * A positive SO_LINGER makes close wait for the unsent data to be acknowledged: with a peer that reads
     * nothing, for the whole linger time. That close must not run on a worker, whose other connections would
     * stall meanwhile.
     */
    @Test
    void aLingeringCloseLeavesTheWorkerFree() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.workers(1));
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Server echo = engine.listen(EngineTesting.LOOPBACK, EngineTesting.Echo::new);
            CompletableFuture<Long> closedAt = new CompletableFuture<>();
            Connection lingering = engine.connect(new InetSocketAddress(silent.getInetAddress(), silent.getLocalPort()),
                    SocketOptions.defaults().with(SO_LINGER, 3), new ConnectionHandler() {
                        @Override
                        public void onRead(Connection connection, Buffer data) {
                            data.release();
                        }

                        @Override
                        public void onClosed(Connection connection, Throwable cause) {
                            closedAt.complete(System.nanoTime());
                        }
                    }).get(10, TimeUnit.SECONDS);
            try (Socket peer = silent.accept()) {
                fillUntilStalled(lingering);
                CompletableFuture<byte[]> echoed = new CompletableFuture<>();
                Connection other = engine.connect(echo.localAddress(), new ConnectionHandler() {
                    @Override
                    public void onRead(Connection connection, Buffer data) {
                        byte[] bytes = new byte[data.readableBytes()];
                        MemorySegment.copy(data.readableSegment(), ValueLayout.JAVA_BYTE, 0, bytes, 0, bytes.length);
                        data.release();
                        echoed.complete(bytes);
                    }
                }).get(10, TimeUnit.SECONDS);

                long start = System.nanoTime();
                lingering.abort();
                Buffer ping = other.bufferPool().acquire(1);
                ping.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 42);
                ping.writerIndex(1);
                other.write(ping);
                assertEquals(42, echoed.get(10, TimeUnit.SECONDS)[0]);
                long echoMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                long closedMillis = TimeUnit.NANOSECONDS.toMillis(closedAt.get(10, TimeUnit.SECONDS) - start);
                System.out.printf("lingering close: onClosed after %d ms, an echo on the same worker after %d ms%n",
                        closedMillis, echoMillis);
                assertTrue(echoMillis < 1500, "an echo on the worker took " + echoMillis + " ms: the worker waited"
                        + " in the lingering close");
                assertTrue(closedMillis < 1500, "onClosed after " + closedMillis + " ms");
                other.close();
            }
            echo.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    /** Writes until the peer's receive buffer and this socket's send buffer are full and a send is stuck. */
    private static void fillUntilStalled(Connection connection) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long unchangedSince = System.nanoTime();
        long last = -1;
        while (System.nanoTime() < deadline) {
            if (connection.queuedWriteBytes() < (1 << 20)) {
                Buffer b = connection.bufferPool().acquire(16 << 10);
                b.writerIndex(b.capacity());
                connection.write(b);
            }
            long queued = connection.queuedWriteBytes();
            if (queued != last) {
                last = queued;
                unchangedSince = System.nanoTime();
            } else if (queued > 0 && System.nanoTime() - unchangedSince > TimeUnit.MILLISECONDS.toNanos(300)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the sends never stalled: " + connection.describeState());
    }

    /**
     * The backlog reaches listen(): with nothing accepting, the OS completes about that many connections and
     * no more. Through the backend, because an engine server always has accepts posted, which empty the queue.
     */
    @Test
    void theBacklogBoundsTheConnectionsTheOsCompletesWithoutAnAccept() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            assertTrue(completedWithoutAccept(engine, 1, 8) < 8, "backlog 1");
            assertEquals(8, completedWithoutAccept(engine, 64, 8), "backlog 64");
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    private static int completedWithoutAccept(IoEngine engine, int backlog, int clients) throws Exception {
        long listener = engine.backend().listen(EngineTesting.LOOPBACK, backlog, SocketOptions.osDefaults());
        InetSocketAddress address = engine.backend().localAddress(listener);
        List<SocketChannel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                SocketChannel c = SocketChannel.open();
                channels.add(c);
                c.configureBlocking(false);
                c.connect(address);
            }
            Thread.sleep(500);
            int completed = 0;
            for (SocketChannel c : channels) {
                try {
                    if (c.finishConnect()) {
                        completed++;
                    }
                } catch (IOException refused) {
                    // A full queue may also be answered with a reset.
                }
            }
            System.out.printf("backlog %d: %d of %d connections completed without an accept%n", backlog,
                    completed, clients);
            return completed;
        } finally {
            for (SocketChannel c : channels) {
                c.close();
            }
            engine.backend().closeHandle(listener);
        }
    }

    @Test
    void builderRefusesNoOptions() {
        assertThrows(NullPointerException.class, () -> IoEngine.builder().socketOptions(null));
    }

    @Test
    void listenAndConnectRefuseNoOptions() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            assertThrows(NullPointerException.class,
                    () -> engine.listen(EngineTesting.LOOPBACK, null, EngineTesting.Echo::new));
            assertThrows(NullPointerException.class,
                    () -> engine.connect(EngineTesting.LOOPBACK, null, new EngineTesting.Echo()));
            assertFalse(engine.isShutdown());
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
