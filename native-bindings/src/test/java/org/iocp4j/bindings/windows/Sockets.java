package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.iocp4j.bindings.windows.WindowsRuntime.assertWsaSucceeded;
import static org.iocp4j.bindings.windows.WindowsRuntime.poisoned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.windows.WindowsRuntime.Opened;

/**
 * Winsock for the runtime tests: {@code WSAStartup} on creation and {@code WSACleanup} when {@link Opened}
 * closes, IPv4 TCP sockets on the loopback address that are closed the same way, and the Java clients that
 * talk to them.
 */
final class Sockets {
    /** {@code MAKEWORD(2, 2)}. */
    static final short VERSION_2_2 = 0x0202;
    static final InetAddress LOOPBACK = loopback();
    /** How long a Java client waits to read. */
    private static final int CLIENT_TIMEOUT_MS = 10_000;

    private final Arena arena;
    private final MemorySegment state;
    private final Opened opened;
    /** What {@code WSAStartup} wrote. */
    final MemorySegment wsaData;

    Sockets(Arena arena, MemorySegment state, Opened opened) {
        this.arena = arena;
        this.state = state;
        this.opened = opened;
        wsaData = WSADATA.allocate(arena);
        assertEquals(0, Ws2_32.WSAStartup(VERSION_2_2, wsaData), "WSAStartup");
        opened.add(() -> assertWsaSucceeded(Ws2_32.WSACleanup(state), "WSACleanup", state));
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A new IPv4 TCP socket made with {@code WSASocketW(..., dwFlags)}, closed at the end of the test. */
    long open(int dwFlags) {
        return open(WinsockConstants.SOCK_STREAM, WinsockConstants.IPPROTO_TCP, dwFlags);
    }

    /** An overlapped TCP socket, closed at the end of the test. */
    long open() {
        return open(WinsockConstants.WSA_FLAG_OVERLAPPED);
    }

    /** An overlapped UDP socket, closed at the end of the test. */
    long openUdp() {
        return open(WinsockConstants.SOCK_DGRAM, WinsockConstants.IPPROTO_UDP, WinsockConstants.WSA_FLAG_OVERLAPPED);
    }

    private long open(int type, int protocol, int dwFlags) {
        long s = Ws2_32.WSASocketW(state, WinsockConstants.AF_INET, type, protocol, MemorySegment.NULL, 0, dwFlags);
        assertNotEquals(WinsockConstants.INVALID_SOCKET, s,
                () -> Win32Exception.wsaLastError("WSASocketW", state).getMessage());
        opened.add(() -> assertWsaSucceeded(Ws2_32.closesocket(state, s), "closesocket", state));
        return s;
    }

    /** A sockaddr of {@code address}, with its length in {@code length}. */
    MemorySegment sockaddr(InetSocketAddress address) {
        MemorySegment sockaddr = SOCKADDR_STORAGE.allocate(arena);
        return sockaddr.asSlice(0, Sockaddrs.write(sockaddr, address));
    }

    /** Binds {@code s} to 127.0.0.1 and a port the system picks; returns the address it is bound to. */
    InetSocketAddress bindLoopback(long s) {
        MemorySegment name = sockaddr(new InetSocketAddress(LOOPBACK, 0));
        assertWsaSucceeded(Ws2_32.bind(state, s, name, (int) name.byteSize()), "bind", state);
        return localAddress(s);
    }

    /** {@code getsockname}, checked to be a {@code SOCKADDR_IN}. */
    InetSocketAddress localAddress(long s) {
        return name(s, true);
    }

    /** {@code getpeername}, checked to be a {@code SOCKADDR_IN}. */
    InetSocketAddress peerAddress(long s) {
        return name(s, false);
    }

    private InetSocketAddress name(long s, boolean local) {
        MemorySegment name = SOCKADDR_STORAGE.allocate(arena);
        MemorySegment length = arena.allocateFrom(JAVA_INT, (int) name.byteSize());
        int result = local ? Ws2_32.getsockname(state, s, name, length) : Ws2_32.getpeername(state, s, name, length);
        assertWsaSucceeded(result, local ? "getsockname" : "getpeername", state);
        assertEquals(SOCKADDR_IN.sizeof(), length.get(JAVA_INT, 0), "namelen of an AF_INET address");
        return Sockaddrs.read(name);
    }

    /** An overlapped socket listening on 127.0.0.1 and an ephemeral port. */
    long listener() {
        long s = open();
        bindLoopback(s);
        assertWsaSucceeded(Ws2_32.listen(state, s, WinsockConstants.SOMAXCONN), "listen", state);
        return s;
    }

    /** {@code setsockopt(s, SOL_SOCKET, name, value, size)} with a pointer-sized value ({@code SOCKET}). */
    void setSocketOption(long s, int name, long value) {
        MemorySegment option = arena.allocateFrom(JAVA_LONG, value);
        assertWsaSucceeded(Ws2_32.setsockopt(state, s, WinsockConstants.SOL_SOCKET, name, option,
                (int) option.byteSize()), "setsockopt(" + name + ")", state);
    }

    /** A Java client connected to {@code address}, closed at the end of the test. */
    Socket connect(InetSocketAddress address) throws IOException {
        Socket client = opened.closing(new Socket());
        client.connect(address, CLIENT_TIMEOUT_MS);
        client.setSoTimeout(CLIENT_TIMEOUT_MS);
        return client;
    }

    /**
     * Asserts that an overlapped Winsock call ({@code 0} / {@code SOCKET_ERROR}) was taken: done at once, or
     * pending with {@code WSA_IO_PENDING} captured.
     *
     * @return whether it completed at once
     */
    boolean started(int result, String function) {
        if (result == 0) {
            return true;
        }
        assertEquals(WinsockConstants.SOCKET_ERROR, result, function);
        assertEquals(WinsockErrors.WSA_IO_PENDING, CallState.wsaGetLastError(state),
                () -> Win32Exception.wsaLastError(function, state).getMessage());
        return false;
    }

    /** {@link #started} for an extension function's {@code BOOL}: TRUE at once, FALSE with WSA_IO_PENDING. */
    boolean startedBool(int result, String function) {
        return started(result != 0 ? 0 : WinsockConstants.SOCKET_ERROR, function);
    }

    /** An array of {@link WSABUF} over {@code buffers}. */
    MemorySegment wsabufs(MemorySegment... buffers) {
        MemorySegment array = WSABUF.allocateArray(buffers.length, arena);
        for (int i = 0; i < buffers.length; i++) {
            MemorySegment wsabuf = WSABUF.asSlice(array, i);
            WSABUF.len(wsabuf, (int) buffers[i].byteSize());
            WSABUF.buf(wsabuf, buffers[i]);
        }
        return array;
    }

    /** The call state, cleared of earlier captures. */
    MemorySegment state() {
        return poisoned(state);
    }
}
