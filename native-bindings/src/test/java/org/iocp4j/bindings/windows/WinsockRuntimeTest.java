package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.iocp4j.bindings.windows.WindowsRuntime.handle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.windows.WindowsRuntime.Completion;
import org.iocp4j.bindings.windows.WindowsRuntime.Port;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The ws2_32 and mswsock bindings against the real Winsock of a Windows JVM (Windows, or Wine in the
 * windows-jvm lane): start-up, sockets, names, the extension functions and RIO table, and errors captured
 * through the call state. The overlapped data path is {@link WinsockOverlappedRuntimeTest}.
 */
@EnabledOnOs(OS.WINDOWS)
class WinsockRuntimeTest extends WindowsRuntimeTestBase {
    private final Sockets sockets = new Sockets(arena, state, opened);

    @Test
    void wsaStartupNegotiatesVersion22() {
        MemorySegment data = sockets.wsaData;
        assertEquals(Sockets.VERSION_2_2, WSADATA.wVersion(data));
        assertEquals(Sockets.VERSION_2_2, WSADATA.wHighVersion(data));
        assertEquals("WinSock 2.0", WSADATA.szDescription(data).getString(0));
        assertEquals("Running", WSADATA.szSystemStatus(data).getString(0));

        // Asking for more than 2.2 gets 2.2 (a second start-up, with its own clean-up).
        MemorySegment more = WSADATA.allocate(arena);
        assertEquals(0, Ws2_32.WSAStartup((short) 0x0303, more));
        opened.add(() -> WindowsRuntime.assertWsaSucceeded(Ws2_32.WSACleanup(state), "WSACleanup", state));
        assertEquals(Sockets.VERSION_2_2, WSADATA.wVersion(more));
    }

    @Test
    void aListenerIsBoundToTheLoopbackAddressAndAnEphemeralPort() {
        long listener = sockets.listener();
        InetSocketAddress local = sockets.localAddress(listener);
        assertEquals(Sockets.LOOPBACK, local.getAddress());
        assertTrue(local.getPort() > 0, "an ephemeral port: " + local);

        MemorySegment type = arena.allocate(JAVA_INT);
        MemorySegment length = arena.allocateFrom(JAVA_INT, Integer.BYTES);
        WindowsRuntime.assertWsaSucceeded(Ws2_32.getsockopt(state, listener, WinsockConstants.SOL_SOCKET,
                WinsockConstants.SO_TYPE, type, length), "getsockopt(SO_TYPE)", state);
        assertEquals(WinsockConstants.SOCK_STREAM, type.get(JAVA_INT, 0));
        assertEquals(Integer.BYTES, length.get(JAVA_INT, 0));

        // Binding a second socket to the listener's address fails, and the capture says why.
        MemorySegment name = sockets.sockaddr(local);
        assertEquals(WinsockConstants.SOCKET_ERROR, Ws2_32.bind(sockets.state(), sockets.open(), name,
                (int) name.byteSize()));
        assertEquals(WinsockErrors.WSAEADDRINUSE, CallState.wsaGetLastError(state));
    }

    @Test
    void theExtensionFunctionsAreLoadedThroughWsaIoctl() throws NativeException {
        long s = sockets.open();
        Mswsock mswsock = Mswsock.load(state, s);
        List<MemorySegment> addresses = List.of(mswsock.AcceptEx$address(), mswsock.GetAcceptExSockaddrs$address(),
                mswsock.ConnectEx$address(), mswsock.DisconnectEx$address(), mswsock.TransmitFile$address());
        addresses.forEach(a -> assertNotEquals(MemorySegment.NULL, a));
        assertEquals(addresses.size(), new HashSet<>(addresses).size(), "five different functions: " + addresses);
        assertEquals(mswsock.ConnectEx$address(), Mswsock.extensionFunctionPointer(state, s,
                WinsockGuids.WSAID_CONNECTEX, "WSAID_CONNECTEX"));
    }

    @Test
    void wsaRecvOnAClosedSocketFailsWithNotASocket() {
        long s = Ws2_32.WSASocketW(state, WinsockConstants.AF_INET, WinsockConstants.SOCK_STREAM,
                WinsockConstants.IPPROTO_TCP, MemorySegment.NULL, 0, WinsockConstants.WSA_FLAG_OVERLAPPED);
        assertNotEquals(WinsockConstants.INVALID_SOCKET, s);
        WindowsRuntime.assertWsaSucceeded(Ws2_32.closesocket(state, s), "closesocket", state);

        MemorySegment buffers = sockets.wsabufs(arena.allocate(16));
        assertEquals(WinsockConstants.SOCKET_ERROR, Ws2_32.WSARecv(sockets.state(), s, buffers, 1,
                arena.allocate(JAVA_INT), arena.allocate(JAVA_INT), OVERLAPPED.allocate(arena), MemorySegment.NULL));
        assertEquals(WinsockErrors.WSAENOTSOCK, CallState.wsaGetLastError(state));
        assertEquals("WSARecv failed: WSAENOTSOCK (10038)", Win32Exception.wsaLastError("WSARecv", state).getMessage());
        assertEquals(WinsockConstants.SOCKET_ERROR, Ws2_32.closesocket(sockets.state(), s));
        assertEquals(WinsockErrors.WSAENOTSOCK, CallState.wsaGetLastError(state));
    }

    @Test
    void connectExToAPortWithoutAListenerCompletesWithConnectionRefused() throws NativeException {
        InetSocketAddress refusing = sockets.bindLoopback(sockets.open()); // bound, not listening
        Port port = new Port(arena, state, opened);
        long s = sockets.open();
        sockets.bindLoopback(s); // ConnectEx needs a bound socket
        port.associate(handle(s), 5L);
        MemorySegment name = sockets.sockaddr(refusing);
        MemorySegment overlapped = OVERLAPPED.allocate(arena);
        Mswsock mswsock = Mswsock.load(state, s);
        assertEquals(false, sockets.startedBool(mswsock.ConnectEx(sockets.state(), s, name, (int) name.byteSize(),
                MemorySegment.NULL, 0, MemorySegment.NULL, overlapped), "ConnectEx"), "a connect is never at once");

        Completion completion = port.dequeueOne(5L, overlapped);
        assertNotEquals(0, completion.status(), "the completion carries the failure's NTSTATUS");
        MemorySegment transferred = arena.allocate(JAVA_INT);
        assertEquals(0, Ws2_32.WSAGetOverlappedResult(sockets.state(), s, overlapped, transferred, 0,
                arena.allocate(JAVA_INT)));
        assertEquals(WinsockErrors.WSAECONNREFUSED, CallState.wsaGetLastError(state));
        assertEquals("WSAGetOverlappedResult failed: WSAECONNREFUSED (10061)",
                Win32Exception.wsaLastError("WSAGetOverlappedResult", state).getMessage());
    }

    @Test
    void theRioTableLoadsOnWindowsAndIsRefusedByWine() throws ReflectiveOperationException {
        long s = sockets.open(WinsockConstants.WSA_FLAG_OVERLAPPED | WinsockConstants.WSA_FLAG_REGISTERED_IO);
        if (WindowsRuntime.wine()) {
            // Wine has no Registered I/O: it accepts WSA_FLAG_REGISTERED_IO but refuses the table (WINDOWS-TESTING.md).
            NativeException e = assertThrows(NativeException.class, () -> Rio.load(state, s));
            assertEquals(WinsockErrors.WSAEOPNOTSUPP, e.code());
            assertEquals("WSAIoctl(SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER, WSAID_MULTIPLE_RIO) failed: "
                    + "WSAEOPNOTSUPP (10045)", e.getMessage());
            return;
        }
        Rio rio = loadRio(s);
        Set<MemorySegment> addresses = new HashSet<>();
        for (Method m : Rio.class.getMethods()) {
            if (m.getName().endsWith("$address")) {
                MemorySegment address = (MemorySegment) m.invoke(rio);
                assertNotEquals(MemorySegment.NULL, address, m.getName());
                addresses.add(address);
            }
        }
        assertEquals(13, addresses.size(), "the table's 13 functions, all different");
    }

    private Rio loadRio(long s) {
        try {
            return Rio.load(state, s);
        } catch (NativeException e) {
            throw new AssertionError("Windows has had RIO since Windows 8: " + e.getMessage(), e);
        }
    }
}
