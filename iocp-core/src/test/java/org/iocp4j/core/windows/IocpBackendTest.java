package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.iocp4j.bindings.windows.Kernel32Constants;
import org.iocp4j.bindings.windows.Sockaddrs;
import org.iocp4j.bindings.windows.Win32Errors;
import org.iocp4j.bindings.windows.Win32Exception;
import org.iocp4j.bindings.windows.WinsockConstants;
import org.iocp4j.bindings.windows.WinsockErrors;
import org.iocp4j.core.SocketOptions;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.ErrorKind;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IOCP backend's decisions, driven through {@link ScriptedWin32}, whose memory also refuses any free the
 * backend makes of something it did not allocate or already freed.
 */
class IocpBackendTest {
    // NTSTATUS values from ntstatus.h; STATUS_CANCELLED is also what WINDOWS-TESTING.md measured for
    // CancelIoEx (Internal 0xC0000120 -> 995).
    private static final int STATUS_CANCELLED = 0xC0000120;
    private static final int STATUS_END_OF_FILE = 0xC0000011;
    private static final int STATUS_CONNECTION_RESET = 0xC000020D;

    private static final int INLINE_LIMIT = 4;

    private record Completion(Operation op, long result) {
    }

    private ScriptedWin32 scripted;
    private IocpBackend backend;
    private OperationTable table;
    private IocpPoller poller;
    private final List<Completion> completions = new ArrayList<>();
    private BiConsumer<Operation, Long> reaction = (op, result) -> { };

    @BeforeEach
    void open() throws Exception {
        scripted = new ScriptedWin32();
        backend = new IocpBackend(scripted, new BackendConfig(2, 64, 64, INLINE_LIMIT, false));
        table = new OperationTable(scripted.memory(), backend.operationBlockSize(), 256);
        poller = (IocpPoller) backend.openPoller(0, table, (op, result, flags) -> {
            completions.add(new Completion(op, result));
            reaction.accept(op, result);
        });
    }

    @AfterEach
    void close() throws Exception {
        poller.close();
        backend.close();
        scripted.close();
    }

    private MemorySegment buffer(int bytes) throws Exception {
        long page = scripted.memory().pageSize();
        return scripted.memory().allocate((bytes + page - 1) / page * page).asSlice(0, bytes);
    }

    /** A listening socket on loopback with no socket options. */
    private long listen(int backlog) throws Exception {
        return backend.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog,
                SocketOptions.osDefaults());
    }

    private long connectedSocket() throws Exception {
        long s = backend.openStreamSocket(false, SocketOptions.osDefaults());
        poller.register(s);
        return s;
    }

    @Test
    void startsWinsockOnceAndCreatesOnePortWithConcurrencyWorkers() {
        assertEquals(1, scripted.calls("WSAStartup").size());
        assertEquals(0x0202, scripted.calls("WSAStartup").get(0).arg(0));
        ScriptedWin32.Call port = scripted.calls("CreateIoCompletionPort").get(0);
        assertEquals(Kernel32Constants.INVALID_HANDLE_VALUE, port.arg(0));
        assertEquals(0, port.arg(1));
        assertEquals(2, port.arg(3), "concurrency = workers");
    }

    @Test
    void registerAssociatesWithThePortAndSetsSkipOnSuccess() throws Exception {
        long s = connectedSocket();
        ScriptedWin32.Call assoc = scripted.calls("CreateIoCompletionPort").get(1);
        assertEquals(s, assoc.arg(0));
        assertEquals(backend.port(), assoc.arg(1));
        ScriptedWin32.Call modes = scripted.calls("SetFileCompletionNotificationModes").get(0);
        assertEquals(s, modes.arg(0));
        assertEquals(Kernel32Constants.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
                | Kernel32Constants.FILE_SKIP_SET_EVENT_ON_HANDLE, modes.arg(1));
    }

    @Test
    void listeningSocketsAreAssociatedAtOnceAndRegisteringTwiceIsHarmless() throws Exception {
        long listener = listen(16);
        assertTrue(scripted.calls("CreateIoCompletionPort").stream().anyMatch(c -> c.arg(0) == listener));
        poller.register(listener);
        long s = connectedSocket();
        poller.register(s);
        assertEquals(3, scripted.calls("CreateIoCompletionPort").size(), "port + listener + socket, once each");
        ScriptedWin32.Call listen = scripted.calls("listen").get(0);
        assertEquals(listener, listen.arg(0));
        assertEquals(16, listen.arg(1));
        assertTrue(scripted.calls("setsockopt").isEmpty(), "no SO_REUSEADDR on Windows");
    }

    /** A setsockopt as Windows saw it: level, option name and the value's bytes at the time of the call. */
    private record Sockopt(long socket, int level, int name, List<Byte> value) {
    }

    /** Records the next {@code n} setsockopt calls as {@link Sockopt}s, succeeding. */
    private List<Sockopt> recordSetsockopt(int n) {
        List<Sockopt> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scripted.script("setsockopt", (w, args) -> {
                MemorySegment value = (MemorySegment) args[3];
                List<Byte> bytes = new ArrayList<>();
                for (int b = 0; b < (int) args[4]; b++) {
                    bytes.add(value.get(ValueLayout.JAVA_BYTE, b));
                }
                seen.add(new Sockopt((long) args[0], (int) args[1], (int) args[2], bytes));
                return 0;
            });
        }
        return seen;
    }

    private static List<Byte> bytes(int... values) {
        List<Byte> bytes = new ArrayList<>();
        for (int v : values) {
            bytes.add((byte) v);
        }
        return bytes;
    }

    @Test
    void socketOptionsAreSetBeforeTheBindAsWinsockLaysThemOutAndIpv6OnlyOnIpv6SocketsOnly() throws Exception {
        SocketOptions options = SocketOptions.defaults()
                .with(StandardSocketOptions.SO_RCVBUF, 0x10000)
                .with(StandardSocketOptions.SO_LINGER, 0xFFFF)
                .with(SocketOptions.IPV6_V6ONLY, true);
        List<Sockopt> seen = recordSetsockopt(3);
        long listener = backend.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16, options);
        assertEquals(List.of(
                new Sockopt(listener, WinsockConstants.IPPROTO_TCP, WinsockConstants.TCP_NODELAY, bytes(1, 0, 0, 0)),
                new Sockopt(listener, WinsockConstants.SOL_SOCKET, WinsockConstants.SO_RCVBUF, bytes(0, 0, 1, 0)),
                // LINGER: two u_shorts, l_onoff then l_linger.
                new Sockopt(listener, WinsockConstants.SOL_SOCKET, WinsockConstants.SO_LINGER,
                        bytes(1, 0, 0xFF, 0xFF))), seen, "no IPV6_V6ONLY on an IPv4 socket");
        List<String> order = scripted.calls().stream().map(ScriptedWin32.Call::function)
                .filter(f -> f.equals("setsockopt") || f.equals("bind")).toList();
        assertEquals(List.of("setsockopt", "setsockopt", "setsockopt", "bind"), order, "options before the bind");

        List<Sockopt> ipv6 = recordSetsockopt(4);
        long s = backend.openStreamSocket(true, options);
        assertEquals(new Sockopt(s, WinsockConstants.IPPROTO_IPV6, WinsockConstants.IPV6_V6ONLY, bytes(1, 0, 0, 0)),
                ipv6.get(3));
    }

    @Test
    void anOptionWinsockRefusesClosesTheNewSocketAndNamesTheOptionAndTheError() throws Exception {
        scripted.script("setsockopt", (w, args) -> w.fail(-1, WinsockErrors.WSAENOPROTOOPT));
        Win32Exception e = assertThrows(Win32Exception.class, () -> backend.openStreamSocket(false,
                SocketOptions.osDefaults().with(StandardSocketOptions.SO_KEEPALIVE, true)));
        assertEquals("setsockopt(SO_KEEPALIVE, true) failed: WSAENOPROTOOPT (10042)", e.getMessage());
        long s = scripted.calls("setsockopt").get(0).arg(0);
        assertEquals(List.of(s), scripted.calls("closesocket").stream().map(c -> c.arg(0)).toList(),
                "the socket it could not set up");
    }

    @Test
    void lingerReadsBackAsUnsignedSecondsOrMinusOneWhenOff() throws Exception {
        long s = connectedSocket();
        for (int[] linger : new int[][] {{1, 0xFFFF, 0xFFFF}, {1, 0, 0}, {0, 9, -1}}) {
            scripted.script("getsockopt", (w, args) -> {
                MemorySegment value = (MemorySegment) args[3];
                value.set(ValueLayout.JAVA_SHORT, 0, (short) linger[0]);
                value.set(ValueLayout.JAVA_SHORT, 2, (short) linger[1]);
                return 0;
            });
            assertEquals(linger[2], backend.getOption(s, StandardSocketOptions.SO_LINGER),
                    "l_onoff " + linger[0] + ", l_linger " + linger[1]);
        }
        List<Sockopt> seen = recordSetsockopt(1);
        backend.setOption(s, StandardSocketOptions.SO_LINGER, -1);
        assertEquals(bytes(0, 0, 0, 0), seen.get(0).value(), "off");
    }

    /** A WSARecv that succeeds at once with {@code bytes}, as Windows reports it (return 0, count written). */
    private static ScriptedWin32.Script immediateRecv(int bytes) {
        return (w, args) -> {
            ((MemorySegment) args[3]).set(ValueLayout.JAVA_INT, 0, bytes);
            return 0;
        };
    }

    @Test
    void immediateSuccessesRunInlineUpToTheLimitThenArePostedToThePort() throws Exception {
        long s = connectedSocket();
        MemorySegment buffer = buffer(512);
        int chain = INLINE_LIMIT + 1;
        for (int i = 0; i < chain; i++) {
            scripted.script("WSARecv", immediateRecv(100 + i));
        }
        // Every completion re-issues a receive, like a connection reading on: the recursion of seed 004.
        int[] issued = {1};
        reaction = (op, result) -> {
            if (issued[0] < chain) {
                issued[0]++;
                try {
                    poller.recv(table.acquire(OpKind.RECV, null), s, buffer);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        poller.recv(table.acquire(OpKind.RECV, null), s, buffer);

        assertEquals(INLINE_LIMIT, completions.size(), "inline up to the limit");
        assertEquals(INLINE_LIMIT, backend.inlineCompletions());
        assertEquals(1, backend.postedBeyondInlineLimit());
        ScriptedWin32.Call post = scripted.calls("PostQueuedCompletionStatus").get(0);
        assertEquals(IocpBackend.KEY_POSTED, post.arg(2));
        Operation last = table.byAddress(post.arg(3));
        for (int i = 0; i < INLINE_LIMIT; i++) {
            assertEquals(100 + i, completions.get(i).result());
        }

        assertEquals(1, poller.poll(0));
        assertSame(last, completions.get(INLINE_LIMIT).op());
        assertEquals(100 + INLINE_LIMIT, completions.get(INLINE_LIMIT).result());
    }

    @Test
    void anImmediateSuccessOnAThreadThatIsNoWorkerGoesThroughThePort() throws Exception {
        long s = connectedSocket();
        scripted.script("WSARecv", immediateRecv(42));
        Operation op = table.acquire(OpKind.RECV, null);
        MemorySegment buffer = buffer(64);
        Thread stranger = Thread.ofPlatform().start(() -> {
            try {
                poller.recv(op, s, buffer);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        stranger.join();
        assertTrue(completions.isEmpty(), "handlers never run on a thread that is not a worker");
        assertEquals(1, poller.poll(0));
        assertEquals(new Completion(op, 42), completions.get(0));
    }

    @Test
    void theInlineDepthIsPerWorkerThread() throws Exception {
        int chain = 3 * INLINE_LIMIT;
        int workers = 2;
        long s = connectedSocket();
        MemorySegment buffer = buffer(64);
        for (int i = 0; i < workers * chain; i++) {
            scripted.script("WSARecv", immediateRecv(1));
        }
        AtomicInteger delivered = new AtomicInteger();
        CountDownLatch opened = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger deepest = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int w = 0; w < workers; w++) {
            int index = w;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    IocpPoller[] mine = new IocpPoller[1];
                    mine[0] = (IocpPoller) backend.openPoller(index, table, (op, result, flags) -> {
                        deepest.accumulateAndGet(mine[0].depth, Math::max);
                        delivered.incrementAndGet();
                        // Every completion issues the next receive until all chains are done, on
                        // whichever worker dequeued it.
                        if (issued.incrementAndGet() <= workers * chain) {
                            try {
                                mine[0].recv(table.acquire(OpKind.RECV, null), s, buffer);
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        }
                    });
                    opened.countDown();
                    go.await();
                    if (issued.incrementAndGet() <= workers * chain) {
                        mine[0].recv(table.acquire(OpKind.RECV, null), s, buffer);
                    }
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (delivered.get() < workers * chain && System.nanoTime() < deadline) {
                        mine[0].poll(1_000_000);
                    }
                    mine[0].close();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        opened.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.toString());
        assertEquals(workers * chain, delivered.get());
        assertTrue(deepest.get() <= INLINE_LIMIT, "depth " + deepest.get());
        assertTrue(backend.postedBeyondInlineLimit() >= 1, "the chains outgrew the limit");
        assertEquals(workers * chain, backend.inlineCompletions() + backend.postedBeyondInlineLimit());
    }

    @Test
    void withoutSkipOnSuccessAnImmediateSuccessWaitsForItsPacket() throws Exception {
        scripted.script("SetFileCompletionNotificationModes", (w, args) -> w.fail(0, Win32Errors.ERROR_INVALID_FUNCTION));
        long s = connectedSocket();
        scripted.script("WSARecv", immediateRecv(7));
        Operation op = table.acquire(OpKind.RECV, null);
        poller.recv(op, s, buffer(64));
        assertTrue(completions.isEmpty(), "the port still gets a packet; completing now would deliver twice");

        scripted.complete(IocpBackend.KEY_IO, op.address(), 0, 7, 0);
        assertEquals(1, poller.poll(0));
        assertEquals(new Completion(op, 7), completions.get(0));
    }

    @Test
    void zeroByteReadPassesAnEmptyWsabuf() throws Exception {
        long s = connectedSocket();
        Operation op = table.acquire(OpKind.RECV, null);
        poller.recv(op, s, MemorySegment.NULL);
        ScriptedWin32.Call recv = scripted.calls("WSARecv").get(0);
        MemorySegment wsabuf = MemorySegment.ofAddress(recv.arg(1)).reinterpret(16);
        assertEquals(0, wsabuf.get(ValueLayout.JAVA_INT, 0));
        assertEquals(op.address(), recv.arg(5), "the OVERLAPPED is the block's start");
        scripted.complete(IocpBackend.KEY_IO, op.address(), 0, 0, 0);
        poller.poll(0);
        assertEquals(new Completion(op, 0), completions.get(0));
    }

    @Test
    void zeroByteReadThenTheRealReceiveCompletesInlineUnderSkipOnSuccess() throws Exception {
        // The engine's zero-byte-read mode: an empty WSARecv waits for data holding no buffer; its packet
        // says data is there, so the receive issued from its completion succeeds at once and runs inline.
        long s = connectedSocket();
        MemorySegment buffer = buffer(512);
        Operation probe = table.acquire(OpKind.RECV, null);
        poller.recv(probe, s, MemorySegment.NULL);
        assertTrue(completions.isEmpty(), "the zero-byte receive waits for data");
        Operation[] real = new Operation[1];
        scripted.script("WSARecv", immediateRecv(300));
        reaction = (op, result) -> {
            if (op == probe) {
                real[0] = table.acquire(OpKind.RECV, null);
                try {
                    poller.recv(real[0], s, buffer);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        long inlineBefore = backend.inlineCompletions();
        scripted.complete(IocpBackend.KEY_IO, probe.address(), 0, 0, 0);
        assertEquals(1, poller.poll(0), "one packet: the real receive queued none");

        assertEquals(List.of(new Completion(probe, 0), new Completion(real[0], 300)), completions);
        assertEquals(inlineBefore + 1, backend.inlineCompletions());
        assertEquals(0, scripted.queued(), "skip-on-success: no packet for the immediate success");
        List<ScriptedWin32.Call> recvs = scripted.calls("WSARecv");
        MemorySegment probeBuf = MemorySegment.ofAddress(recvs.get(0).arg(1)).reinterpret(16);
        MemorySegment realBuf = MemorySegment.ofAddress(recvs.get(1).arg(1)).reinterpret(16);
        assertEquals(0, probeBuf.get(ValueLayout.JAVA_LONG, 8), "no buffer behind the zero-byte receive");
        assertEquals(512, realBuf.get(ValueLayout.JAVA_INT, 0));
        assertEquals(buffer.address(), realBuf.get(ValueLayout.JAVA_LONG, 8));
    }

    @Test
    void severalSendsStayInFlightOnOneSocketAndCompleteAsTheirPacketsArrive() throws Exception {
        // writesOutstanding > 1: the backend must neither serialise nor reorder sends of one socket, and a
        // close must wait for all of them.
        long s = connectedSocket();
        MemorySegment data = buffer(3000);
        List<Operation> sends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Operation op = table.acquire(OpKind.SEND, null);
            backend.ioVectorFormat().write(backend.sendVectors(op), 0, data.address() + 1000L * i, 1000);
            poller.send(op, s, 1);
            sends.add(op);
        }
        assertEquals(3, scripted.calls("WSASend").size(), "issued without waiting for each other");
        assertTrue(completions.isEmpty());
        for (int i = 0; i < 3; i++) {
            assertEquals(sends.get(i).address(), scripted.calls("WSASend").get(i).arg(5));
        }

        scripted.complete(IocpBackend.KEY_IO, sends.get(0).address(), 0, 1000, 0);
        scripted.complete(IocpBackend.KEY_IO, sends.get(1).address(), 0, 1000, 0);
        assertEquals(2, poller.poll(0));
        backend.closeHandle(s);
        assertTrue(scripted.calls("closesocket").isEmpty(), "the third send is still in flight");
        scripted.complete(IocpBackend.KEY_IO, sends.get(2).address(), 0, 1000, 0);
        assertEquals(1, poller.poll(0));
        assertEquals(List.of(new Completion(sends.get(0), 1000), new Completion(sends.get(1), 1000),
                new Completion(sends.get(2), 1000)), completions);
        assertEquals(1, scripted.calls("closesocket").size());
    }

    @Test
    void gatherSendPassesTheEnginesVectors() throws Exception {
        long s = connectedSocket();
        MemorySegment a = buffer(100);
        MemorySegment b = buffer(200);
        Operation op = table.acquire(OpKind.SEND, null);
        MemorySegment vectors = backend.sendVectors(op);
        backend.ioVectorFormat().write(vectors, 0, a.address(), 100);
        backend.ioVectorFormat().write(vectors, 1, b.address(), 200);
        poller.send(op, s, 2);
        ScriptedWin32.Call send = scripted.calls("WSASend").get(0);
        assertEquals(vectors.address(), send.arg(1));
        assertEquals(2, send.arg(2));
        scripted.complete(IocpBackend.KEY_IO, op.address(), 0, 300, 0);
        poller.poll(0);
        assertEquals(new Completion(op, 300), completions.get(0));
    }

    @Test
    void aWin32CallThatThrowsLeavesNothingInFlight() throws Exception {
        // Win32Direct throws where a downcall cannot be made: AcceptEx when the extension functions cannot be
        // looked up, any call given a segment the FFM linker refuses (a heap segment, a closed arena's).
        long listener = listen(16);
        scripted.script("AcceptEx", (w, args) -> {
            throw new UncheckedIOException(new IOException("WSASocketW (to load the extension functions)"));
        });
        assertThrows(UncheckedIOException.class, () -> poller.accept(table.acquire(OpKind.ACCEPT, null), listener));
        long acceptSocket = scripted.calls("AcceptEx").get(0).arg(1);
        long s = connectedSocket();
        scripted.script("WSARecv", (w, args) -> {
            throw new IllegalArgumentException("Heap segment not allowed");
        });
        MemorySegment buffer = buffer(64);
        assertThrows(IllegalArgumentException.class, () -> poller.recv(table.acquire(OpKind.RECV, null), s, buffer));
        assertTrue(completions.isEmpty(), "nothing to deliver for calls that never reached Windows");

        backend.closeHandle(listener);
        backend.closeHandle(s);
        assertTrue(scripted.calls("CancelIoEx").isEmpty(), "nothing in flight to cancel");
        assertEquals(List.of(acceptSocket, listener, s),
                scripted.calls("closesocket").stream().map(c -> c.arg(0)).toList(),
                "the unused accept socket at once, then both handles at their close, not after a completion");
    }

    @Test
    void acceptsArePrePostedAndReplacedSoKStayOutstanding() throws Exception {
        int k = 32;
        long listener = listen(128);
        // The engine's policy: every accept completion posts a new accept at once.
        reaction = (op, result) -> {
            try {
                poller.accept(table.acquire(OpKind.ACCEPT, null), listener);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        List<Operation> outstanding = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Operation op = table.acquire(OpKind.ACCEPT, null);
            poller.accept(op, listener);
            outstanding.add(op);
        }
        assertEquals(k, scripted.calls("AcceptEx").size());

        for (int round = 0; round < 3; round++) {
            Operation done = outstanding.remove(0);
            long acceptSocket = OpBlock.getLong(done.block(), OpBlock.ACCEPT_SOCKET);
            scripted.complete(IocpBackend.KEY_IO, done.address(), 0, 0, 0);
            assertEquals(1, poller.poll(0));
            Completion c = completions.get(completions.size() - 1);
            assertSame(done, c.op());
            assertEquals(acceptSocket, c.result(), "the result is the accepted socket");
            table.release(done);
            List<ScriptedWin32.Call> acceptExCalls = scripted.calls("AcceptEx");
            outstanding.add(table.byAddress(acceptExCalls.get(acceptExCalls.size() - 1).arg(7)));
            assertEquals(k, acceptExCalls.size() - completions.size(), "K accepts stay outstanding");

            ScriptedWin32.Call update = scripted.calls("setsockopt").stream()
                    .filter(call -> call.arg(0) == acceptSocket).findFirst().orElseThrow();
            assertEquals(WinsockConstants.SO_UPDATE_ACCEPT_CONTEXT, update.arg(2));
            assertEquals(listener, MemorySegment.ofAddress(update.arg(3)).reinterpret(8).get(ValueLayout.JAVA_LONG, 0));
        }
        assertEquals(3, scripted.calls("GetAcceptExSockaddrs").size());
    }

    @Test
    void acceptExCallUsesTheDocumentedAddressLengths() throws Exception {
        long listener = listen(16);
        Operation op = table.acquire(OpKind.ACCEPT, null);
        poller.accept(op, listener);
        ScriptedWin32.Call call = scripted.calls("AcceptEx").get(0);
        assertEquals(listener, call.arg(0));
        assertEquals(0, call.arg(3), "no receive data: the accept completes on connect");
        assertEquals(128 + 16, call.arg(4));
        assertEquals(128 + 16, call.arg(5));
        assertEquals(op.address(), call.arg(7));
    }

    @Test
    void aFailedAcceptClosesItsAcceptSocket() throws Exception {
        long listener = listen(16);
        Operation op = table.acquire(OpKind.ACCEPT, null);
        poller.accept(op, listener);
        long acceptSocket = OpBlock.getLong(op.block(), OpBlock.ACCEPT_SOCKET);
        scripted.complete(IocpBackend.KEY_IO, op.address(), STATUS_CONNECTION_RESET, 0, WinsockErrors.WSAECONNRESET);
        poller.poll(0);
        assertEquals(-WinsockErrors.WSAECONNRESET, completions.get(0).result());
        assertTrue(scripted.calls("closesocket").stream().anyMatch(c -> c.arg(0) == acceptSocket));
    }

    @Test
    void closeCancelsPendingOperationsAndClosesTheSocketAfterTheirCompletions() throws Exception {
        long s = connectedSocket();
        Operation first = table.acquire(OpKind.RECV, null);
        Operation second = table.acquire(OpKind.RECV, null);
        poller.recv(first, s, buffer(64));
        poller.recv(second, s, buffer(64));

        backend.closeHandle(s);
        ScriptedWin32.Call cancel = scripted.calls("CancelIoEx").get(0);
        assertEquals(s, cancel.arg(0));
        assertEquals(0, cancel.arg(1), "all of the handle's operations");
        assertTrue(scripted.calls("closesocket").isEmpty(), "not while completions still name the socket");

        scripted.complete(IocpBackend.KEY_IO, first.address(), STATUS_CANCELLED, 0, Win32Errors.ERROR_OPERATION_ABORTED);
        poller.poll(0);
        assertEquals(-Win32Errors.ERROR_OPERATION_ABORTED, completions.get(0).result());
        assertEquals(ErrorKind.CANCELLED, backend.classify(completions.get(0).result()));
        assertTrue(scripted.calls("closesocket").isEmpty());
        assertEquals(s, scripted.calls("WSAGetOverlappedResult").get(0).arg(0),
                "the error is asked of the still-open socket");

        scripted.complete(IocpBackend.KEY_IO, second.address(), STATUS_CANCELLED, 0, Win32Errors.ERROR_OPERATION_ABORTED);
        poller.poll(0);
        assertEquals(1, scripted.calls("closesocket").size());
        assertEquals(s, scripted.calls("closesocket").get(0).arg(0));
    }

    @Test
    void anOperationIssuedOnAClosingSocketCompletesAborted() throws Exception {
        long s = connectedSocket();
        Operation pending = table.acquire(OpKind.RECV, null);
        poller.recv(pending, s, buffer(64));
        backend.closeHandle(s);
        Operation late = table.acquire(OpKind.RECV, null);
        poller.recv(late, s, buffer(64));
        assertEquals(1, scripted.calls("WSARecv").size(), "never reaches Windows");
        assertEquals(new Completion(late, -Win32Errors.ERROR_OPERATION_ABORTED), completions.get(0));
    }

    @Test
    void closedAfterOwnCloseAndResetAreClassified() {
        for (int code : new int[] {Win32Errors.ERROR_OPERATION_ABORTED, Win32Errors.ERROR_NETNAME_DELETED,
                Win32Errors.ERROR_HANDLES_CLOSED, Win32Errors.ERROR_CONNECTION_ABORTED}) {
            assertEquals(ErrorKind.CANCELLED, backend.classify(-code), "code " + code);
        }
        assertEquals(ErrorKind.RESET, backend.classify(-WinsockErrors.WSAECONNRESET));
        assertEquals(ErrorKind.RESET, backend.classify(-WinsockErrors.WSAECONNABORTED));
        assertEquals(ErrorKind.OTHER, backend.classify(-WinsockErrors.WSAENOBUFS));
        assertTrue(backend.exception("WSARecv", -WinsockErrors.WSAECONNRESET).getMessage().contains("10054"));
    }

    @Test
    void aFailedPacketsErrorComesFromWsaGetOverlappedResult() throws Exception {
        long s = connectedSocket();
        Operation op = table.acquire(OpKind.RECV, null);
        poller.recv(op, s, buffer(64));
        scripted.complete(IocpBackend.KEY_IO, op.address(), STATUS_CONNECTION_RESET, 0, WinsockErrors.WSAECONNRESET);
        poller.poll(0);
        assertEquals(-WinsockErrors.WSAECONNRESET, completions.get(0).result());
        assertEquals(ErrorKind.RESET, backend.classify(completions.get(0).result()));
        assertEquals(op.address(), scripted.calls("WSAGetOverlappedResult").get(0).arg(1));
    }

    @Test
    void anImmediateFailureIsDeliveredWithoutWaitingForAPacket() throws Exception {
        long s = connectedSocket();
        scripted.script("WSASend", (w, args) -> w.fail(-1, WinsockErrors.WSAECONNRESET));
        Operation op = table.acquire(OpKind.SEND, null);
        MemorySegment data = buffer(10);
        backend.ioVectorFormat().write(backend.sendVectors(op), 0, data.address(), 10);
        poller.send(op, s, 1);
        assertEquals(new Completion(op, -WinsockErrors.WSAECONNRESET), completions.get(0));
    }

    @Test
    void dequeueTimeoutIgnoresTheRemovedCount() throws Exception {
        scripted.script("GetQueuedCompletionStatusEx", (w, args) -> {
            // Garbage in the out-parameter: it must not be read when the call returns FALSE.
            ((MemorySegment) args[3]).reinterpret(4).set(ValueLayout.JAVA_INT, 0, 5);
            return w.fail(0, Win32Errors.WAIT_TIMEOUT);
        });
        assertEquals(0, poller.poll(1_000_000));
        assertTrue(completions.isEmpty());
        assertEquals(1, scripted.calls("GetQueuedCompletionStatusEx").get(0).arg(4), "1 ms");

        scripted.script("GetQueuedCompletionStatusEx", (w, args) -> w.fail(0, Win32Errors.ERROR_ABANDONED_WAIT_0));
        Win32Exception e = assertThrows(Win32Exception.class, () -> poller.poll(-1));
        assertEquals(Win32Errors.ERROR_ABANDONED_WAIT_0, e.code());
        assertEquals(-1, scripted.calls("GetQueuedCompletionStatusEx").get(1).arg(4), "INFINITE");
    }

    @Test
    void batchesDeliverEveryEntryDequeued() throws Exception {
        long s = connectedSocket();
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Operation op = table.acquire(OpKind.RECV, null);
            poller.recv(op, s, buffer(64));
            ops.add(op);
        }
        for (int i = 0; i < 10; i++) {
            scripted.complete(IocpBackend.KEY_IO, ops.get(i).address(), 0, i + 1, 0);
        }
        assertEquals(10, poller.poll(0));
        for (int i = 0; i < 10; i++) {
            assertEquals(new Completion(ops.get(i), i + 1), completions.get(i));
        }
        assertEquals(64, scripted.calls("GetQueuedCompletionStatusEx").get(0).arg(2), "the configured batch");
    }

    @Test
    void fileReadAtOffsetWithImmediateAndPendingEndOfFile() throws Exception {
        long file = backend.openFile(Path.of("data.bin"));
        poller.register(file);
        MemorySegment buffer = buffer(4096);

        // Windows: past the end a read usually fails at once with ERROR_HANDLE_EOF.
        scripted.script("ReadFile", (w, args) -> w.fail(0, Win32Errors.ERROR_HANDLE_EOF));
        Operation immediate = table.acquire(OpKind.READ, null);
        poller.read(immediate, file, buffer, 1L << 33);
        assertEquals(new Completion(immediate, 0), completions.get(0));
        MemorySegment ov = immediate.block();
        assertEquals(0, ov.get(ValueLayout.JAVA_INT, OpBlock.OVERLAPPED_OFFSET));
        assertEquals(2, ov.get(ValueLayout.JAVA_INT, OpBlock.OVERLAPPED_OFFSET_HIGH));

        // Wine: the read goes pending and completes with STATUS_END_OF_FILE (38).
        Operation pending = table.acquire(OpKind.READ, null);
        poller.read(pending, file, buffer, 123);
        scripted.complete(IocpBackend.KEY_IO, pending.address(), STATUS_END_OF_FILE, 0, Win32Errors.ERROR_HANDLE_EOF);
        poller.poll(0);
        assertEquals(new Completion(pending, 0), completions.get(1));
        assertEquals(pending.address(), scripted.calls("GetOverlappedResult").get(0).arg(1));

        // An immediate success's byte count is in OVERLAPPED.InternalHigh.
        scripted.script("ReadFile", (w, args) -> {
            ((MemorySegment) args[4]).set(ValueLayout.JAVA_LONG, OpBlock.OVERLAPPED_INTERNAL_HIGH, 4096);
            return 1;
        });
        Operation data = table.acquire(OpKind.READ, null);
        poller.read(data, file, buffer, 0);
        assertEquals(new Completion(data, 4096), completions.get(2));
        assertEquals(0, scripted.calls("ReadFile").get(2).arg(3), "lpNumberOfBytesRead is NULL");
    }

    @Test
    void openFileAsksForAnOverlappedHandleByItsUtf16Name() throws Exception {
        Path path = Path.of("some", "file.txt");
        scripted.script("CreateFileW", (w, args) -> {
            MemorySegment name = ((MemorySegment) args[0]).reinterpret(4096);
            String expected = path.toAbsolutePath().toString();
            for (int i = 0; i < expected.length(); i++) {
                assertEquals(expected.charAt(i), (char) name.get(ValueLayout.JAVA_SHORT, 2L * i));
            }
            assertEquals(0, name.get(ValueLayout.JAVA_SHORT, 2L * expected.length()));
            return 0x77;
        });
        assertEquals(0x77, backend.openFile(path));
        ScriptedWin32.Call call = scripted.calls("CreateFileW").get(0);
        assertTrue((call.arg(4) & Kernel32Constants.FILE_FLAG_OVERLAPPED) != 0);
        assertEquals(Kernel32Constants.OPEN_EXISTING, call.arg(3));

        scripted.script("CreateFileW", (w, args) -> w.fail(Kernel32Constants.INVALID_HANDLE_VALUE,
                Win32Errors.ERROR_FILE_NOT_FOUND));
        Win32Exception e = assertThrows(Win32Exception.class, () -> backend.openFile(Path.of("missing")));
        assertEquals(Win32Errors.ERROR_FILE_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void connectBindsFirstAndUpdatesTheConnectContext() throws Exception {
        long s = connectedSocket();
        Operation op = table.acquire(OpKind.CONNECT, null);
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        poller.connect(op, s, remote);
        ScriptedWin32.Call bind = scripted.calls("bind").get(0);
        assertEquals(s, bind.arg(0));
        ScriptedWin32.Call connect = scripted.calls("ConnectEx").get(0);
        assertTrue(scripted.calls().indexOf(bind) < scripted.calls().indexOf(connect));
        MemorySegment name = MemorySegment.ofAddress(connect.arg(1)).reinterpret(connect.arg(2));
        assertEquals(remote, Sockaddrs.read(name));

        scripted.complete(IocpBackend.KEY_IO, op.address(), 0, 0, 0);
        poller.poll(0);
        assertEquals(new Completion(op, 0), completions.get(0));
        ScriptedWin32.Call update = scripted.calls("setsockopt").get(0);
        assertEquals(s, update.arg(0));
        assertEquals(WinsockConstants.SO_UPDATE_CONNECT_CONTEXT, update.arg(2));
    }

    @Test
    void wakeUpsAreSentinelPacketsAndExtraOnesInOneBatchAreReposted() throws Exception {
        IocpPoller[] second = new IocpPoller[1];
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                second[0] = (IocpPoller) backend.openPoller(1, table, (op, result, flags) -> { });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        other.join();
        poller.wakeup();
        poller.wakeup(); // coalesced: still one packet for this poller
        second[0].wakeup();
        List<ScriptedWin32.Call> posts = scripted.calls("PostQueuedCompletionStatus");
        assertEquals(2, posts.size());
        assertEquals(IocpBackend.KEY_WAKE, posts.get(0).arg(2));
        assertEquals(0, posts.get(0).arg(3), "NULL OVERLAPPED");
        assertFalse(scripted.calls("CloseHandle").stream().anyMatch(c -> c.arg(0) == backend.port()),
                "never wake by closing the port");

        // This worker dequeued both wake packets in one batch: one is its own, the other is re-posted.
        assertEquals(0, poller.poll(0));
        assertEquals(3, scripted.calls("PostQueuedCompletionStatus").size());
        assertEquals(1, scripted.queued());
    }

    @Test
    void loopbackFastPathIsOnlyAHint() throws Exception {
        IocpBackend hinted = new IocpBackend(scripted, new BackendConfig(1, 64, 64, INLINE_LIMIT, true));
        scripted.script("WSAIoctl", (w, args) -> w.fail(-1, WinsockErrors.WSAEOPNOTSUPP));
        long s = hinted.openStreamSocket(true, SocketOptions.osDefaults());
        ScriptedWin32.Call ioctl = scripted.calls("WSAIoctl").get(0);
        assertEquals(s, ioctl.arg(0));
        assertEquals(WinsockConstants.SIO_LOOPBACK_FAST_PATH, (int) ioctl.arg(1));
        assertEquals(WinsockConstants.AF_INET6, scripted.calls("WSASocketW").get(0).arg(0));
        assertEquals(1, scripted.calls("WSAStartup").size(), "WSAStartup once per Win32");
        hinted.close();
    }
}
