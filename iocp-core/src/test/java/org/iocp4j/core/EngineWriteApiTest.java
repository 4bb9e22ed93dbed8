package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The copying writes (byte arrays and ByteBuffers of any size over pooled buffers), write notices and the
 * connection's addresses, on real loopback connections of the OS's default backend.
 */
class EngineWriteApiTest {
    /** More than the kernel buffers of a loopback connection hold, so that a peer that does not read stalls it. */
    private static final int STALLING = 24 << 20;

    private static byte[] stream(long seed, int length) {
        byte[] bytes = new byte[(length + 7) & ~7];
        EngineTesting.fill(seed, 0, bytes);
        return Arrays.copyOf(bytes, length);
    }

    private static Socket accept(ServerSocket listener) throws IOException {
        Socket socket = listener.accept();
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** An engine connection to a JDK peer on loopback, and the bytes its onWritten has counted. */
    private record Pair(Connection connection, Socket peer, AtomicLong written) {
    }

    private interface PairTest {
        void run(IoEngine engine, Pair pair) throws Exception;
    }

    /**
     * Runs {@code test} on a connection of an engine built with {@code customise} to a JDK peer; the test
     * ends the connection, and then nothing may be left in flight or held.
     */
    private static void withPair(Consumer<IoEngine.Builder> customise, PairTest test) throws Exception {
        IoEngine engine = EngineTesting.engine(customise);
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicLong written = new AtomicLong();
            Connection c = EngineTesting.connectTo(engine, listener, written);
            try (Socket peer = accept(listener)) {
                test.run(engine, new Pair(c, peer, written));
            }
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void arraysAndByteBuffersLargerThanAnyBufferArriveWholeAndInOrder() throws Exception {
        byte[] array = stream(1, (3 << 20) + 17);
        byte[] heap = stream(2, 1 << 20);
        byte[] direct = stream(3, (2 << 20) + 5);
        IoEngine engine = EngineTesting.engine(b -> b.readBufferSize(16384));
        try {
            Server server = engine.listen(EngineTesting.LOOPBACK, () -> new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    assertTrue(c.write(array));
                    ByteBuffer padded = ByteBuffer.allocate(heap.length + 10).position(3);
                    padded.put(heap).flip().position(3);
                    assertTrue(c.write(padded));
                    assertEquals(padded.limit(), padded.position(), "the ByteBuffer was consumed");
                    ByteBuffer off = ByteBuffer.allocateDirect(direct.length).put(direct).flip();
                    assertTrue(c.write(off));
                    assertFalse(off.hasRemaining());
                    c.write(new byte[] {9, 8, 7, 6, 5}, 1, 3);
                    c.close();
                }

                @Override
                public void onRead(Connection c, Buffer data) {
                    data.release();
                }
            });
            try (Socket client = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
                client.setSoTimeout(20_000);
                byte[] received = client.getInputStream().readAllBytes();
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                expected.write(array);
                expected.write(heap);
                expected.write(direct);
                expected.write(new byte[] {8, 7, 6});
                assertEquals(expected.size(), received.length, "bytes received before the server's FIN");
                assertArrayEquals(expected.toByteArray(), received);
            }
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneWriteCallStaysTogetherWhateverOtherThreadsWrite() throws Exception {
        withPair(b -> b.sizeClasses(4096, 16384), (engine, pair) -> {
            int threads = 4;
            int messages = 25;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        for (int m = 0; m < messages; m++) {
                            // 33 to 160 KiB a message, alternately a byte[] (in 16 KiB buffers) and a chain of 4 KiB ones.
                            int length = 9 + 4096 * (8 + (thread * 7 + m) % 32);
                            byte[] message = stream(thread * 1000L + m, length);
                            message[0] = (byte) thread;
                            message[1] = (byte) m;
                            ByteBuffer.wrap(message).putInt(2, length);
                            assertTrue(m % 2 == 0 ? pair.connection().write(message) : writeChain(engine, pair, message));
                        }
                        return null;
                    }));
                }
                DataInputStream in = new DataInputStream(pair.peer().getInputStream());
                int[] next = new int[threads];
                for (int i = 0; i < threads * messages; i++) {
                    byte[] head = new byte[6];
                    in.readFully(head);
                    int thread = head[0];
                    int m = head[1];
                    int length = ByteBuffer.wrap(head).getInt(2);
                    assertEquals(next[thread]++, m, "thread " + thread + "'s messages in its order");
                    byte[] message = new byte[length];
                    in.readFully(message, 6, length - 6);
                    byte[] expected = stream(thread * 1000L + m, length);
                    assertArrayEquals(Arrays.copyOfRange(expected, 6, length), Arrays.copyOfRange(message, 6, length),
                            "message " + m + " of thread " + thread);
                }
                for (Future<?> f : writers) {
                    f.get();
                }
                pair.connection().close();
                assertEquals(-1, in.read());
            }
        });
    }

    /** {@code message} as a BufferChain of 4 KiB buffers filled with the Buffer API. */
    private static boolean writeChain(IoEngine engine, Pair pair, byte[] message) {
        BufferChain chain = new BufferChain();
        for (int at = 0; at < message.length; at += 4096) {
            chain.add(engine.bufferPool().acquire(4096).writeBytes(message, at, Math.min(4096, message.length - at)));
        }
        return pair.connection().write(chain);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aNoticeCompletesOnlyOnceTheKernelHasTakenEveryByteOfItsWrite() throws Exception {
        withPair(b -> { }, (engine, pair) -> {
            Connection c = pair.connection();
            Buffer small = c.bufferPool().acquire(16).writeInt(42).writeLongLE(-2);
            c.writeAndNotify(small).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(12, pair.written().get(), "onWritten counted the bytes before the notice completed");

            byte[] big = stream(7, STALLING);
            AtomicLong writtenAtCompletion = new AtomicLong(-1);
            CompletableFuture<Void> notice = c.writeAndNotify(big, 0, big.length)
                    .thenRun(() -> writtenAtCompletion.set(pair.written().get())).toCompletableFuture();
            CompletionStage<Void> after = c.writeAndNotify(ByteBuffer.wrap("end".getBytes(StandardCharsets.US_ASCII)));
            Thread.sleep(300);
            assertFalse(notice.isDone(), "completed while the peer reads nothing and the kernel cannot take "
                    + STALLING + " bytes; written " + pair.written().get());
            c.close(); // graceful: what is queued is sent first, so the notices complete

            InputStream in = pair.peer().getInputStream();
            byte[] head = in.readNBytes(12);
            assertEquals(42, ByteBuffer.wrap(head).getInt());
            assertArrayEquals(big, in.readNBytes(big.length));
            assertEquals("end", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            notice.get(10, TimeUnit.SECONDS);
            after.toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(writtenAtCompletion.get() >= 12L + STALLING,
                    "every byte of the write was sent on completion: " + writtenAtCompletion.get());
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noticesFailWhenTheConnectionClosesBeforeTheirBytesAreSent() throws Exception {
        withPair(b -> { }, (engine, pair) -> {
            Connection c = pair.connection();
            CompletableFuture<Void> stalled = c.writeAndNotify(new byte[STALLING], 0, STALLING).toCompletableFuture();
            CompletableFuture<Void> queued = c.writeAndNotify(c.bufferPool().acquire(8).writeLong(1))
                    .toCompletableFuture();
            Thread.sleep(200);
            assertFalse(stalled.isDone());
            c.abort();
            for (CompletableFuture<Void> f : List.of(stalled, queued)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertInstanceOf(IOException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("before the write was handed to the kernel"),
                        e.getCause().getMessage());
            }
            // Refused once closed: nothing is copied, and the notice fails at once.
            assertFalse(c.write(new byte[100]));
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> c.writeAndNotify(ByteBuffer.allocate(4)).toCompletableFuture().get(1, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, late.getCause());
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCopyThePoolCannotHoldQueuesNothingAndTheConnectionGoesOn() throws Exception {
        // 4 MiB of 16 KiB buffers at most, none lent to the kernel for receives.
        withPair(b -> b.poolMaxBytes(4 << 20).providedBuffers(0), (engine, pair) -> {
            Connection c = pair.connection();
            long inUse = engine.metrics().pool().inUse();
            assertThrows(BufferPoolExhaustedException.class, () -> c.write(new byte[8 << 20]));
            assertEquals(0, c.queuedWriteBytes());
            assertEquals(inUse, engine.metrics().pool().inUse(), "the buffers of the refused copy went back");
            c.writeAndNotify("still open".getBytes(StandardCharsets.US_ASCII), 0, 10).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals("still open", new String(pair.peer().getInputStream().readNBytes(10), StandardCharsets.US_ASCII));
            c.close();
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bothEndsKnowTheirLocalAndRemoteAddresses() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try {
            BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
            // A wildcard listener: the accepted connection's local address is the concrete one it arrived on.
            Server server = engine.listen(new InetSocketAddress("0.0.0.0", 0), () -> new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    accepted.add(c);
                }

                @Override
                public void onRead(Connection c, Buffer data) {
                    data.release();
                }
            });
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            InetSocketAddress target = new InetSocketAddress(loopback, server.localAddress().getPort());
            try (Socket jdk = new Socket(loopback, target.getPort())) {
                Connection s = accepted.poll(10, TimeUnit.SECONDS);
                assertEquals(target, s.localAddress());
                assertEquals(jdk.getLocalSocketAddress(), s.remoteAddress());
                s.close();
            }
            Connection client = engine.connect(target, new EngineTesting.Echo()).get(10, TimeUnit.SECONDS);
            Connection s = accepted.poll(10, TimeUnit.SECONDS);
            assertEquals(target, client.remoteAddress());
            assertEquals(s.remoteAddress(), client.localAddress());
            assertEquals(client.remoteAddress(), s.localAddress());
            assertEquals(loopback, client.localAddress().getAddress());
            client.close();
            s.close();
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
