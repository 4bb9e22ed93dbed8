package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking façade: virtual threads parked on engine completions. */
class IoSocketFacadeTest {
    /**
     * 10 000 clients; 1 000 under Wine (ci/windows-jvm/WINE.md, "sockets of a Wine prefix"): the one
     * wineserver of the prefix holds a descriptor for every socket of both JVMs, so 10 000 clients and their
     * 10 000 server sockets exceed its limit of 20 000 (WSASocketW failed with WSAEMFILE in the lane).
     */
    static final int CLIENTS = EngineTesting.WINE ? 1_000 : 10_000;

    /** Serves one connection: echo until EOF, once {@code allServed} (if any) says every connection is served. */
    private static void echo(IoSocket socket, AtomicInteger active, AtomicInteger peak, CountDownLatch allServed) {
        int now = active.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try (socket) {
            if (allServed != null) {
                allServed.countDown();
                if (!allServed.await(100, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(allServed.getCount() + " connections never served");
                }
            }
            byte[] buf = new byte[4096];
            int n;
            while ((n = socket.read(buf, 0, buf.length)) > 0) {
                socket.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active.decrementAndGet();
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void servesTenThousandConcurrentVirtualThreadClients() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> b.readBufferSize(4096).acceptsOutstanding(64));
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        // The client counts a connection once TCP connects, the server once its accept completed; under Wine
        // accepts are slow (a wineserver round trip each), and the first clients finished before the last were
        // accepted. So "served at once" is made an event: no connection echoes before all are being served,
        // and a server that cannot hold them all at once fails the barrier rather than losing a race.
        CountDownLatch allServed = new CountDownLatch(CLIENTS);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            IoServerSocket server = IoServerSocket.open(engine, EngineTesting.LOOPBACK);
            threads.submit(() -> {
                while (true) {
                    IoSocket s = server.accept();
                    threads.submit(() -> echo(s, active, peak, allServed));
                }
            });
            Path classes = Path.of(FacadeLoadClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xss256k", "-cp", classes.toString(), FacadeLoadClient.class.getName(),
                    server.localAddress().getAddress().getHostAddress(),
                    String.valueOf(server.localAddress().getPort()), String.valueOf(CLIENTS), "3", "1000")
                    .redirectErrorStream(true).start();
            boolean done = client.waitFor(120, TimeUnit.SECONDS);
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                client.destroyForcibly();
            }
            assertTrue(done, "client process timed out: " + output);
            assertEquals(0, client.exitValue(), output);
            assertTrue(output.contains("OK " + CLIENTS), output);
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(20));
            assertEquals(CLIENTS, engine.metrics().connectionsAccepted());
            assertEquals(CLIENTS, peak.get(), "all clients were served at the same time");
        } finally {
            // Not try-with-resources: its close() would wait for the endless accept loop and turn a failed
            // assertion into a hang until the timeout, hiding the failure.
            threads.shutdownNow();
            EngineTesting.shutdownClean(engine);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void connectReadWriteThroughTheFacadeOnBothEnds() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> { });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            IoServerSocket server = IoServerSocket.open(engine, EngineTesting.LOOPBACK);
            AtomicInteger active = new AtomicInteger();
            threads.submit(() -> {
                echo(server.accept(), active, new AtomicInteger(), null);
                return null;
            });
            byte[] message = new byte[300_000];
            EngineTesting.fill(42, 0, message);
            byte[] echoed = new byte[message.length];
            try (IoSocket socket = IoSocket.connect(engine, server.localAddress())) {
                var writer = threads.submit(() -> {
                    socket.write(message, 0, message.length);
                    socket.shutdownOutput();
                    return null;
                });
                int at = 0;
                int n;
                while (at < echoed.length && (n = socket.read(echoed, at, echoed.length - at)) > 0) {
                    at += n;
                }
                writer.get();
                assertEquals(message.length, at);
                assertEquals(-1, socket.read(echoed, 0, 1));
            }
            assertArrayEquals(message, echoed);
            server.close();
            EngineTesting.awaitQuiet(engine, Duration.ofSeconds(10));
            assertEquals(1, engine.metrics().connectionsConnected());
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
