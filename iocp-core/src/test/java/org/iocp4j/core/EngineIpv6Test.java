package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server listens and the client connects over IPv6 ({@code [::1]}), end to end through the engine. */
@Timeout(60)
class EngineIpv6Test {
    private static final InetSocketAddress IPV6_LOOPBACK = new InetSocketAddress(ipv6Loopback(), 0);

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void echoOverIpv6WithAJdkClientAndAnEngineClient() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            Server server = engine.listen(IPV6_LOOPBACK, EngineTesting.Echo::new);
            InetSocketAddress bound = server.localAddress();
            assertTrue(bound.getAddress() instanceof Inet6Address, "bound to " + bound);
            assertTrue(bound.getPort() > 0, "bound to " + bound);

            byte[] message = new byte[64 << 10];
            EngineTesting.fill(6, 0, message);
            try (Socket jdk = new Socket(bound.getAddress(), bound.getPort())) {
                OutputStream out = jdk.getOutputStream();
                InputStream in = jdk.getInputStream();
                out.write(message);
                assertArrayEquals(message, in.readNBytes(message.length), "echoed over IPv6");
            }

            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            CompletableFuture<InetSocketAddress> peer = new CompletableFuture<>();
            Connection client = engine.connect(bound, new ConnectionHandler() {
                private final byte[] got = new byte[5];
                private int n;

                @Override
                public void onOpen(Connection connection) {
                    peer.complete(connection.remoteAddress());
                    Buffer b = connection.bufferPool().acquire(5);
                    MemorySegment.copy("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0,
                            b.segment(), ValueLayout.JAVA_BYTE, 0, 5);
                    b.writerIndex(5);
                    connection.write(b);
                }

                @Override
                public void onRead(Connection connection, Buffer data) {
                    int len = Math.min(data.readableBytes(), got.length - n);
                    MemorySegment.copy(data.readableSegment(), ValueLayout.JAVA_BYTE, 0, got, n, len);
                    n += len;
                    data.release();
                    if (n == got.length) {
                        echoed.complete(got);
                    }
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals(bound, peer.get(10, TimeUnit.SECONDS), "the engine client's peer address");
            assertEquals("hello", new String(echoed.get(10, TimeUnit.SECONDS),
                    java.nio.charset.StandardCharsets.US_ASCII));
            client.close();
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
