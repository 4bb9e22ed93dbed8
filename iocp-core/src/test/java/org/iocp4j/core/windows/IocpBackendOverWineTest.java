package org.iocp4j.core.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@link IocpBackend} over {@link CheckedWin32} over {@link Win32Bridge}: Windows sockets and a
 * completion port under Wine, serving a Linux client socket of this JVM. A first step towards running the
 * core's suite on the IOCP backend in the Wine lane; skipped unless that lane is requested.
 */
class IocpBackendOverWineTest {
    private record Completion(Operation op, long result) {
    }

    private IocpBackend backend;
    private OperationTable table;
    private Poller poller;
    private final List<Completion> completions = new ArrayList<>();
    private final List<MemorySegment> pages = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        CheckedWin32 win32 = new CheckedWin32(WineLane.bridge());
        backend = new IocpBackend(win32, new BackendConfig(1, 64, 64, 16, false));
        table = new OperationTable(backend.memory(), backend.operationBlockSize(), 64);
        poller = backend.openPoller(0, table, (op, result, flags) -> completions.add(new Completion(op, result)));
    }

    @AfterEach
    void close() throws Exception {
        if (backend == null) {
            return; // the lane was skipped before anything was opened
        }
        poller.close();
        table.close();
        for (MemorySegment p : pages) {
            backend.memory().free(p);
        }
        backend.close();
    }

    /** Polls until {@code op} completes (it may already have, inline) and returns its result. */
    private long await(Operation op) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (Completion c : completions) {
                if (c.op() == op) {
                    completions.remove(c);
                    return c.result();
                }
            }
            assertTrue(System.nanoTime() < deadline, "no completion of " + op.kind() + " within 10 s");
            poller.poll(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    @Test
    void acceptsReceivesSendsAndSeesEndOfStreamFromALinuxClient() throws Exception {
        long listener = backend.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        int port = backend.localAddress(listener).getPort();
        Operation accept = table.acquire(OpKind.ACCEPT, null);
        poller.accept(accept, listener);

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            long accepted = await(accept);
            table.release(accept);
            assertTrue(accepted > 0, "AcceptEx's result is the accepted socket, got " + accepted);
            poller.register(accepted);
            assertEquals(client.getLocalPort(), backend.remoteAddress(accepted).getPort(),
                    "the Windows side sees the Linux client's port");

            MemorySegment page = backend.memory().allocate(backend.memory().pageSize());
            pages.add(page);
            byte[] hello = "hello from Linux to Wine".getBytes(StandardCharsets.US_ASCII);
            client.getOutputStream().write(hello);
            Operation recv = table.acquire(OpKind.RECV, null);
            poller.recv(recv, accepted, page.asSlice(0, 1024));
            assertEquals(hello.length, await(recv));
            table.release(recv);
            assertArrayEquals(hello, page.asSlice(0, hello.length).toArray(JAVA_BYTE));

            Operation send = table.acquire(OpKind.SEND, null);
            MemorySegment vectors = backend.sendVectors(send);
            vectors.set(JAVA_INT, 0, hello.length);
            vectors.set(JAVA_LONG, 8, page.address());
            poller.send(send, accepted, 1);
            assertEquals(hello.length, await(send));
            table.release(send);
            byte[] echoed = new byte[hello.length];
            InputStream in = client.getInputStream();
            for (int n = 0; n < echoed.length; ) {
                int r = in.read(echoed, n, echoed.length - n);
                assertTrue(r > 0, "the echo ended early");
                n += r;
            }
            assertArrayEquals(hello, echoed);

            client.shutdownOutput();
            Operation eof = table.acquire(OpKind.RECV, null);
            poller.recv(eof, accepted, page.asSlice(0, 1024));
            assertEquals(0, await(eof), "the client's FIN is a zero-byte receive");
            table.release(eof);

            backend.closeHandle(accepted);
        }
        backend.closeHandle(listener);
    }
}
