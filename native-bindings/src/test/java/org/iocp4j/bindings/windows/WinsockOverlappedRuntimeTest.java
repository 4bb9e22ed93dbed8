package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.iocp4j.bindings.windows.WindowsRuntime.assertSucceeded;
import static org.iocp4j.bindings.windows.WindowsRuntime.handle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.windows.WindowsRuntime.Completion;
import org.iocp4j.bindings.windows.WindowsRuntime.Port;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlapped Winsock data path through a completion port, against the real Winsock of a Windows JVM
 * (Windows, or Wine in the windows-jvm lane), with {@code java.net} sockets as the peers: AcceptEx and
 * GetAcceptExSockaddrs, WSASend/WSARecv with several buffers, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS,
 * CancelIoEx of a pending receive, ConnectEx and DisconnectEx, TransmitFile, shutdown and FIONREAD, and
 * WSASendTo/WSARecvFrom over UDP.
 */
@EnabledOnOs(OS.WINDOWS)
class WinsockOverlappedRuntimeTest extends WindowsRuntimeTestBase {
    private static final long LISTENER_KEY = 1L;
    private static final long CONNECTION_KEY = 2L;
    /** What AcceptEx needs per address: the largest sockaddr of the protocol plus 16 bytes. */
    private static final int ACCEPTEX_ADDRESS_LENGTH = (int) SOCKADDR_IN.sizeof() + 16;
    /** {@code STATUS_CANCELLED} (ntstatus.h): the NTSTATUS of a cancelled request. */
    private static final long STATUS_CANCELLED = 0xC0000120L;

    private final Sockets sockets = new Sockets(arena, state, opened);
    private final Port port = new Port(arena, state, opened);

    @TempDir
    Path dir;

    /** A socket accepted by AcceptEx from a Java client, associated with the port under CONNECTION_KEY. */
    private record Accepted(long listener, long socket, Socket client, MemorySegment addresses, Mswsock mswsock) {
    }

    private Accepted accept() throws IOException {
        long listener = sockets.listener();
        port.associate(handle(listener), LISTENER_KEY);
        long accepted = sockets.open();
        Mswsock mswsock = Mswsock.load(state, listener);
        MemorySegment addresses = arena.allocate(2L * ACCEPTEX_ADDRESS_LENGTH);
        MemorySegment overlapped = OVERLAPPED.allocate(arena);
        // Posted before anyone connects, the accept is pending on Windows and Wine alike.
        assertFalse(sockets.startedBool(mswsock.AcceptEx(sockets.state(), listener, accepted, addresses, 0,
                ACCEPTEX_ADDRESS_LENGTH, ACCEPTEX_ADDRESS_LENGTH, arena.allocate(JAVA_INT), overlapped), "AcceptEx"));
        assertEquals(Win32Errors.WAIT_TIMEOUT, port.assertNothingWithin(0), "nobody has connected yet");

        Socket client = sockets.connect(sockets.localAddress(listener));
        Completion completion = port.dequeueOne(LISTENER_KEY, overlapped);
        assertEquals(0, completion.status());
        assertEquals(0, completion.bytes(), "no receive data was asked for");
        sockets.setSocketOption(accepted, WinsockConstants.SO_UPDATE_ACCEPT_CONTEXT, listener);
        port.associate(handle(accepted), CONNECTION_KEY);
        return new Accepted(listener, accepted, client, addresses, mswsock);
    }

    @Test
    void acceptExCompletesThroughThePortAndGetAcceptExSockaddrsNamesBothEnds() throws IOException {
        Accepted a = accept();
        MemorySegment local = arena.allocate(ADDRESS);
        MemorySegment remote = arena.allocate(ADDRESS);
        MemorySegment localLength = arena.allocate(JAVA_INT);
        MemorySegment remoteLength = arena.allocate(JAVA_INT);
        a.mswsock().GetAcceptExSockaddrs(a.addresses(), 0, ACCEPTEX_ADDRESS_LENGTH, ACCEPTEX_ADDRESS_LENGTH,
                local, localLength, remote, remoteLength);
        assertEquals(SOCKADDR_IN.sizeof(), localLength.get(JAVA_INT, 0));
        assertEquals(SOCKADDR_IN.sizeof(), remoteLength.get(JAVA_INT, 0));
        InetSocketAddress server = Sockaddrs.read(local.get(ADDRESS, 0).reinterpret(SOCKADDR_IN.sizeof()));
        InetSocketAddress client = Sockaddrs.read(remote.get(ADDRESS, 0).reinterpret(SOCKADDR_IN.sizeof()));
        assertEquals(sockets.localAddress(a.listener()), server);
        assertEquals(a.client().getLocalSocketAddress(), client);
        assertEquals(client, sockets.peerAddress(a.socket()), "getpeername after SO_UPDATE_ACCEPT_CONTEXT");
    }

    private MemorySegment bytes(String s) {
        return arena.allocateFrom(JAVA_BYTE, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    /** Posts a WSARecv into {@code buffers} (taken at once or pending); returns its OVERLAPPED. */
    private MemorySegment receive(long s, MemorySegment... buffers) {
        return postReceive(s, false, buffers);
    }

    /** {@link #receive}, when nothing has been sent: pending on Windows and Wine alike. */
    private MemorySegment pendingReceive(long s, MemorySegment... buffers) {
        return postReceive(s, true, buffers);
    }

    private MemorySegment postReceive(long s, boolean mustPend, MemorySegment... buffers) {
        MemorySegment overlapped = OVERLAPPED.allocate(arena);
        boolean atOnce = sockets.started(Ws2_32.WSARecv(sockets.state(), s, sockets.wsabufs(buffers), buffers.length,
                MemorySegment.NULL, arena.allocate(JAVA_INT), overlapped, MemorySegment.NULL), "WSARecv");
        assertFalse(mustPend && atOnce, "WSARecv with no data waiting completed at once");
        return overlapped;
    }

    @Test
    void wsaSendGathersAndWsaRecvScattersThroughThePort() throws IOException {
        Accepted a = accept();
        MemorySegment sendOverlapped = OVERLAPPED.allocate(arena);
        sockets.started(Ws2_32.WSASend(sockets.state(), a.socket(), sockets.wsabufs(bytes("hel"), bytes("lo")), 2,
                MemorySegment.NULL, 0, sendOverlapped, MemorySegment.NULL), "WSASend");
        // At once or pending: without FILE_SKIP_COMPLETION_PORT_ON_SUCCESS the port hears of it either way.
        assertEquals(5, port.dequeueOne(CONNECTION_KEY, sendOverlapped).bytes());
        assertEquals("hello", read(a.client().getInputStream(), 5));

        MemorySegment head = arena.allocate(3);
        MemorySegment tail = arena.allocate(61);
        MemorySegment receive = pendingReceive(a.socket(), head, tail);
        a.client().getOutputStream().write("world!".getBytes(StandardCharsets.US_ASCII));
        Completion completion = port.dequeueOne(CONNECTION_KEY, receive);
        assertEquals(0, completion.status());
        assertEquals(6, completion.bytes());
        assertArrayEquals("wor".getBytes(StandardCharsets.US_ASCII), head.toArray(JAVA_BYTE));
        assertArrayEquals("ld!".getBytes(StandardCharsets.US_ASCII), tail.asSlice(0, 3).toArray(JAVA_BYTE));

        MemorySegment transferred = arena.allocate(JAVA_INT);
        MemorySegment flags = arena.allocate(JAVA_INT).fill((byte) 0x5A);
        WindowsRuntime.assertSucceeded(Ws2_32.WSAGetOverlappedResult(sockets.state(), a.socket(), receive,
                transferred, 0, flags), "WSAGetOverlappedResult", state);
        assertEquals(6, transferred.get(JAVA_INT, 0));
        assertEquals(0, flags.get(JAVA_INT, 0));
    }

    @Test
    void withSkipCompletionPortOnSuccessAnImmediateSendQueuesNothingAndAPendingReceiveStillCompletes()
            throws IOException {
        Accepted a = accept();
        assertSucceeded(Kernel32.SetFileCompletionNotificationModes(state, handle(a.socket()),
                (byte) Kernel32Constants.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), "SetFileCompletionNotificationModes",
                state);
        MemorySegment send = OVERLAPPED.allocate(arena);
        MemorySegment sent = arena.allocate(JAVA_INT);
        if (sockets.started(Ws2_32.WSASend(sockets.state(), a.socket(), sockets.wsabufs(bytes("ping")), 1, sent, 0,
                send, MemorySegment.NULL), "WSASend")) {
            assertEquals(4, sent.get(JAVA_INT, 0));
            assertEquals(Win32Errors.WAIT_TIMEOUT, port.assertNothingWithin(0), "no packet for an immediate success");
        } else {
            assertEquals(4, port.dequeueOne(CONNECTION_KEY, send).bytes());
        }
        assertEquals("ping", read(a.client().getInputStream(), 4));

        MemorySegment buffer = arena.allocate(8);
        MemorySegment receive = pendingReceive(a.socket(), buffer);
        a.client().getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
        assertEquals(4, port.dequeueOne(CONNECTION_KEY, receive).bytes());
        assertEquals("pong", buffer.getString(0, StandardCharsets.US_ASCII));
    }

    @Test
    void cancelIoExCancelsAPendingReceiveWhichCompletesAsAborted() throws IOException {
        Accepted a = accept();
        MemorySegment receive = pendingReceive(a.socket(), arena.allocate(8));
        assertSucceeded(Kernel32.CancelIoEx(state, handle(a.socket()), receive), "CancelIoEx", state);
        Completion completion = port.dequeueOne(CONNECTION_KEY, receive);
        assertEquals(STATUS_CANCELLED, completion.status());
        assertEquals(0, Ws2_32.WSAGetOverlappedResult(sockets.state(), a.socket(), receive, arena.allocate(JAVA_INT),
                0, arena.allocate(JAVA_INT)));
        assertEquals(WinsockErrors.WSA_OPERATION_ABORTED, CallState.wsaGetLastError(state));
        // WSA_OPERATION_ABORTED is ERROR_OPERATION_ABORTED; the Win32 name is the one Win32Exception gives.
        assertEquals("WSAGetOverlappedResult failed: ERROR_OPERATION_ABORTED (995)",
                Win32Exception.wsaLastError("WSAGetOverlappedResult", state).getMessage());
    }

    @Test
    void connectExSendsItsFirstBytesAndDisconnectExEndsTheConnection() throws IOException {
        ServerSocket server = opened.closing(new ServerSocket(0, 1, Sockets.LOOPBACK));
        long s = sockets.open();
        sockets.bindLoopback(s);
        port.associate(handle(s), CONNECTION_KEY);
        Mswsock mswsock = Mswsock.load(state, s);
        MemorySegment name = sockets.sockaddr(new InetSocketAddress(Sockets.LOOPBACK, server.getLocalPort()));
        MemorySegment connect = OVERLAPPED.allocate(arena);
        sockets.startedBool(mswsock.ConnectEx(sockets.state(), s, name, (int) name.byteSize(), bytes("hi!"), 3,
                MemorySegment.NULL, connect), "ConnectEx");
        Socket peer = opened.closing(server.accept());
        assertEquals(3, port.dequeueOne(CONNECTION_KEY, connect).bytes(), "the bytes sent with the connect");
        sockets.setSocketOption(s, WinsockConstants.SO_UPDATE_CONNECT_CONTEXT, 0L);
        assertEquals(peer.getLocalSocketAddress(), sockets.peerAddress(s));
        peer.setSoTimeout(10_000);
        assertEquals("hi!", read(peer.getInputStream(), 3));

        MemorySegment disconnect = OVERLAPPED.allocate(arena);
        sockets.startedBool(mswsock.DisconnectEx(sockets.state(), s, disconnect, 0, 0), "DisconnectEx");
        assertEquals(0, port.dequeueOne(CONNECTION_KEY, disconnect).status());
        assertEquals(-1, peer.getInputStream().read(), "the peer sees the end of the stream");
    }

    @Test
    void transmitFileSendsTheFileBetweenItsHeadAndTail() throws IOException, NativeException {
        Accepted a = accept();
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Path path = Files.write(dir.resolve("transmit.txt"), content);
        MemorySegment file = Kernel32.CreateFileW(state, WindowsRuntime.wide(path.toAbsolutePath().toString(), arena),
                Kernel32Constants.GENERIC_READ, Kernel32Constants.FILE_SHARE_READ, MemorySegment.NULL,
                Kernel32Constants.OPEN_EXISTING, Kernel32Constants.FILE_FLAG_SEQUENTIAL_SCAN, MemorySegment.NULL);
        assertNotEquals(Kernel32Constants.INVALID_HANDLE_VALUE, file.address());
        opened.add(() -> assertSucceeded(Kernel32.CloseHandle(state, file), "CloseHandle(file)", state));

        MemorySegment buffers = TRANSMIT_FILE_BUFFERS.allocate(arena);
        TRANSMIT_FILE_BUFFERS.Head(buffers, bytes("HEAD"));
        TRANSMIT_FILE_BUFFERS.HeadLength(buffers, 4);
        TRANSMIT_FILE_BUFFERS.Tail(buffers, bytes("TAIL"));
        TRANSMIT_FILE_BUFFERS.TailLength(buffers, 4);
        MemorySegment overlapped = OVERLAPPED.allocate(arena);
        sockets.startedBool(a.mswsock().TransmitFile(sockets.state(), a.socket(), file, 0, 0, overlapped, buffers, 0),
                "TransmitFile");
        assertEquals(4 + content.length + 4, port.dequeueOne(CONNECTION_KEY, overlapped).bytes());
        InputStream in = a.client().getInputStream();
        assertEquals("HEAD", read(in, 4));
        assertArrayEquals(content, in.readNBytes(content.length));
        assertEquals("TAIL", read(in, 4));
    }

    @Test
    void ioctlsocketCountsWaitingBytesShutdownEndsTheStreamAndThePeersShutdownCompletesAReceiveWithNothing()
            throws IOException, InterruptedException {
        Accepted a = accept();
        WindowsRuntime.assertWsaSucceeded(Ws2_32.shutdown(state, a.socket(), WinsockConstants.SD_SEND), "shutdown",
                state);
        assertEquals(-1, a.client().getInputStream().read(), "the client sees the end of the stream");

        a.client().getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        MemorySegment waiting = arena.allocate(JAVA_INT);
        long deadline = System.nanoTime() + WindowsRuntime.COMPLETION_TIMEOUT_MS * 1_000_000L;
        do {
            Thread.sleep(5);
            WindowsRuntime.assertWsaSucceeded(Ws2_32.ioctlsocket(state, a.socket(), WinsockConstants.FIONREAD,
                    waiting), "ioctlsocket(FIONREAD)", state);
        } while (waiting.get(JAVA_INT, 0) < 3 && System.nanoTime() < deadline);
        assertEquals(3, waiting.get(JAVA_INT, 0));
        MemorySegment buffer = arena.allocate(8);
        assertEquals(3, port.dequeueOne(CONNECTION_KEY, receive(a.socket(), buffer)).bytes());
        assertEquals("abc", buffer.getString(0, StandardCharsets.US_ASCII));

        MemorySegment last = pendingReceive(a.socket(), arena.allocate(8));
        a.client().shutdownOutput();
        Completion end = port.dequeueOne(CONNECTION_KEY, last);
        assertEquals(0, end.status());
        assertEquals(0, end.bytes(), "a receive completes with 0 bytes at the end of the stream");
    }

    @Test
    void wsaRecvFromAndWsaSendToCarryDatagramsAndTheirAddresses() throws IOException {
        long s = sockets.openUdp();
        InetSocketAddress local = sockets.bindLoopback(s);
        port.associate(handle(s), CONNECTION_KEY);
        DatagramSocket peer = opened.closing(new DatagramSocket(new InetSocketAddress(Sockets.LOOPBACK, 0)));
        peer.setSoTimeout(WindowsRuntime.COMPLETION_TIMEOUT_MS);

        MemorySegment buffer = arena.allocate(32);
        MemorySegment from = SOCKADDR_STORAGE.allocate(arena);
        MemorySegment fromLength = arena.allocateFrom(JAVA_INT, (int) from.byteSize());
        MemorySegment receive = OVERLAPPED.allocate(arena);
        assertFalse(sockets.started(Ws2_32.WSARecvFrom(sockets.state(), s, sockets.wsabufs(buffer), 1,
                MemorySegment.NULL, arena.allocate(JAVA_INT), from, fromLength, receive, MemorySegment.NULL),
                "WSARecvFrom"), "nothing has been sent");
        peer.send(new DatagramPacket("datagram".getBytes(StandardCharsets.US_ASCII), 8, local));
        assertEquals(8, port.dequeueOne(CONNECTION_KEY, receive).bytes());
        assertEquals("datagram", buffer.getString(0, StandardCharsets.US_ASCII));
        assertEquals(peer.getLocalSocketAddress(), Sockaddrs.read(from));
        assertEquals(SOCKADDR_IN.sizeof(), fromLength.get(JAVA_INT, 0));

        MemorySegment to = sockets.sockaddr((InetSocketAddress) peer.getLocalSocketAddress());
        MemorySegment send = OVERLAPPED.allocate(arena);
        sockets.started(Ws2_32.WSASendTo(sockets.state(), s, sockets.wsabufs(bytes("reply")), 1, MemorySegment.NULL,
                0, to, (int) to.byteSize(), send, MemorySegment.NULL), "WSASendTo");
        assertEquals(5, port.dequeueOne(CONNECTION_KEY, send).bytes());
        DatagramPacket packet = new DatagramPacket(new byte[32], 32);
        peer.receive(packet);
        assertEquals("reply", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
        assertEquals(local, packet.getSocketAddress());
    }
}
