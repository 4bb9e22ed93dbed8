package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * The Microsoft Winsock extension functions {@code AcceptEx}, {@code GetAcceptExSockaddrs},
 * {@code ConnectEx}, {@code DisconnectEx} and {@code TransmitFile}, obtained at run time through
 * {@code WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)}, as Microsoft requires for portable code (the
 * pointers belong to the socket's provider).
 *
 * <p>The static {@code NAME$descriptor()} methods give each function's descriptor (its
 * {@code LPFN_NAME} typedef in {@code mswsock.h}). {@link #load} fetches the pointers for a socket
 * and returns an immutable object that holds the bound handles, with {@code NAME$address()},
 * {@code NAME$handle()} and an invoker per function. All but {@code GetAcceptExSockaddrs} report
 * failure through {@code WSAGetLastError()} and take a {@link CallState} first. The pointers belong to
 * the socket's provider; sockets of one provider (e.g. all TCP/IP sockets) share them.
 */
public final class Mswsock {

    private static final class AcceptEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_ACCEPTEX)(SOCKET sListenSocket, SOCKET sAcceptSocket,
     *               PVOID lpOutputBuffer, DWORD dwReceiveDataLength, DWORD dwLocalAddressLength,
     *               DWORD dwRemoteAddressLength, LPDWORD lpdwBytesReceived, LPOVERLAPPED lpOverlapped);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nf-mswsock-acceptex">AcceptEx</a>.
     */
    public static FunctionDescriptor AcceptEx$descriptor() {
        return AcceptEx.DESC;
    }

    private static final class GetAcceptExSockaddrs {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef VOID (WINAPI *LPFN_GETACCEPTEXSOCKADDRS)(PVOID lpOutputBuffer, DWORD dwReceiveDataLength,
     *               DWORD dwLocalAddressLength, DWORD dwRemoteAddressLength,
     *               struct sockaddr ** LocalSockaddr, LPINT LocalSockaddrLength,
     *               struct sockaddr ** RemoteSockaddr, LPINT RemoteSockaddrLength);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nf-mswsock-getacceptexsockaddrs">GetAcceptExSockaddrs</a>.
     */
    public static FunctionDescriptor GetAcceptExSockaddrs$descriptor() {
        return GetAcceptExSockaddrs.DESC;
    }

    private static final class ConnectEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_CONNECTEX)(SOCKET s, const struct sockaddr * name, int namelen,
     *               PVOID lpSendBuffer, DWORD dwSendDataLength, LPDWORD lpdwBytesSent,
     *               LPOVERLAPPED lpOverlapped);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_connectex">ConnectEx</a>.
     */
    public static FunctionDescriptor ConnectEx$descriptor() {
        return ConnectEx.DESC;
    }

    private static final class DisconnectEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_DISCONNECTEX)(SOCKET s, LPOVERLAPPED lpOverlapped, DWORD dwFlags,
     *               DWORD dwReserved);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_disconnectex">DisconnectEx</a>.
     */
    public static FunctionDescriptor DisconnectEx$descriptor() {
        return DisconnectEx.DESC;
    }

    private static final class TransmitFile {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT,
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_TRANSMITFILE)(SOCKET hSocket, HANDLE hFile, DWORD nNumberOfBytesToWrite,
     *               DWORD nNumberOfBytesPerSend, LPOVERLAPPED lpOverlapped,
     *               LPTRANSMIT_FILE_BUFFERS lpTransmitBuffers, DWORD dwReserved);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nf-mswsock-transmitfile">TransmitFile</a>.
     */
    public static FunctionDescriptor TransmitFile$descriptor() {
        return TransmitFile.DESC;
    }

    private final MemorySegment AcceptEx$ADDR;
    private final MethodHandle AcceptEx$HANDLE;
    private final MemorySegment GetAcceptExSockaddrs$ADDR;
    private final MethodHandle GetAcceptExSockaddrs$HANDLE;
    private final MemorySegment ConnectEx$ADDR;
    private final MethodHandle ConnectEx$HANDLE;
    private final MemorySegment DisconnectEx$ADDR;
    private final MethodHandle DisconnectEx$HANDLE;
    private final MemorySegment TransmitFile$ADDR;
    private final MethodHandle TransmitFile$HANDLE;

    private Mswsock(
            MemorySegment acceptExAddress,
            MemorySegment getAcceptExSockaddrsAddress,
            MemorySegment connectExAddress,
            MemorySegment disconnectExAddress,
            MemorySegment transmitFileAddress) {
        requireNonNull("AcceptEx", acceptExAddress);
        requireNonNull("GetAcceptExSockaddrs", getAcceptExSockaddrsAddress);
        requireNonNull("ConnectEx", connectExAddress);
        requireNonNull("DisconnectEx", disconnectExAddress);
        requireNonNull("TransmitFile", transmitFileAddress);
        this.AcceptEx$ADDR = acceptExAddress;
        this.AcceptEx$HANDLE =
                Downcalls.downcall(acceptExAddress, AcceptEx.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.GetAcceptExSockaddrs$ADDR = getAcceptExSockaddrsAddress;
        this.GetAcceptExSockaddrs$HANDLE =
                Downcalls.downcall(getAcceptExSockaddrsAddress, GetAcceptExSockaddrs.DESC, null);
        this.ConnectEx$ADDR = connectExAddress;
        this.ConnectEx$HANDLE =
                Downcalls.downcall(connectExAddress, ConnectEx.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.DisconnectEx$ADDR = disconnectExAddress;
        this.DisconnectEx$HANDLE =
                Downcalls.downcall(disconnectExAddress, DisconnectEx.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.TransmitFile$ADDR = transmitFileAddress;
        this.TransmitFile$HANDLE =
                Downcalls.downcall(transmitFileAddress, TransmitFile.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
    }

    /**
     * Fetches the extension functions for {@code socket} (any socket of the provider, e.g. an
     * overlapped TCP socket) and binds them.
     *
     * @param callState a {@link CallState} segment the {@code WSAIoctl} calls capture into
     * @throws NativeException      if {@code WSAIoctl} fails; the message names the function's GUID
     * @throws UnsatisfiedLinkError where ws2_32 is absent (not Windows)
     */
    public static Mswsock load(MemorySegment callState, long socket) throws NativeException {
        return new Mswsock(
                extensionFunctionPointer(callState, socket, WinsockGuids.WSAID_ACCEPTEX, "WSAID_ACCEPTEX"),
                extensionFunctionPointer(callState, socket, WinsockGuids.WSAID_GETACCEPTEXSOCKADDRS, "WSAID_GETACCEPTEXSOCKADDRS"),
                extensionFunctionPointer(callState, socket, WinsockGuids.WSAID_CONNECTEX, "WSAID_CONNECTEX"),
                extensionFunctionPointer(callState, socket, WinsockGuids.WSAID_DISCONNECTEX, "WSAID_DISCONNECTEX"),
                extensionFunctionPointer(callState, socket, WinsockGuids.WSAID_TRANSMITFILE, "WSAID_TRANSMITFILE"));
    }

    /**
     * Binds extension functions whose addresses the caller already has, in the order
     * {@code AcceptEx, GetAcceptExSockaddrs, ConnectEx, DisconnectEx, TransmitFile}.
     *
     * @throws IllegalArgumentException naming the first function whose address is NULL
     */
    public static Mswsock bind(
            MemorySegment acceptExAddress,
            MemorySegment getAcceptExSockaddrsAddress,
            MemorySegment connectExAddress,
            MemorySegment disconnectExAddress,
            MemorySegment transmitFileAddress) {
        return new Mswsock(acceptExAddress, getAcceptExSockaddrsAddress, connectExAddress,
                disconnectExAddress, transmitFileAddress);
    }

    /**
     * The extension function {@code guid} names, for {@code socket}'s provider:
     * {@code WSAIoctl(socket, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(GUID), &pointer,
     * sizeof(pointer), &bytes, NULL, NULL)}.
     *
     * @param guidName the GUID's macro name, for the exception message
     * @throws NativeException if {@code WSAIoctl} fails
     */
    public static MemorySegment extensionFunctionPointer(MemorySegment callState, long socket, String guid,
                                                         String guidName) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = WinsockGuids.allocate(guid, arena);
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment bytes = arena.allocate(JAVA_INT);
            int result = Ws2_32.WSAIoctl(callState, socket, WinsockConstants.SIO_GET_EXTENSION_FUNCTION_POINTER,
                    in, (int) in.byteSize(), out, (int) out.byteSize(), bytes, MemorySegment.NULL,
                    MemorySegment.NULL);
            if (result == WinsockConstants.SOCKET_ERROR) {
                int code = CallState.wsaGetLastError(callState);
                throw new NativeException("WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER, " + guidName + ")",
                        code, WinsockErrors.nameOf(code));
            }
            return out.get(ADDRESS, 0);
        }
    }

    /** Refuses a NULL function pointer, naming the function. */
    static void requireNonNull(String name, MemorySegment address) {
        if (address == null || address.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("the address of the extension function " + name + " is NULL");
        }
    }

    /** The address of {@code AcceptEx} this Mswsock was bound to. */
    public MemorySegment AcceptEx$address() {
        return AcceptEx$ADDR;
    }

    /** Downcall handle of {@code AcceptEx}; its first parameter is the {@link CallState}. */
    public MethodHandle AcceptEx$handle() {
        return AcceptEx$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL AcceptEx(SOCKET sListenSocket, SOCKET sAcceptSocket, PVOID lpOutputBuffer,
     *               DWORD dwReceiveDataLength, DWORD dwLocalAddressLength, DWORD dwRemoteAddressLength,
     *               LPDWORD lpdwBytesReceived, LPOVERLAPPED lpOverlapped)
     * }
     *
     * @return non-zero if the connection was accepted at once; zero on failure or when pending ({@code WSA_IO_PENDING})
     */
    public int AcceptEx(MemorySegment callState, long sListenSocket, long sAcceptSocket,
            MemorySegment lpOutputBuffer, int dwReceiveDataLength,
            int dwLocalAddressLength, int dwRemoteAddressLength,
            MemorySegment lpdwBytesReceived, MemorySegment lpOverlapped) {
        try {
            return (int) AcceptEx$HANDLE.invokeExact(callState, sListenSocket, sAcceptSocket, lpOutputBuffer,
                    dwReceiveDataLength, dwLocalAddressLength, dwRemoteAddressLength,
                    lpdwBytesReceived, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code GetAcceptExSockaddrs} this Mswsock was bound to. */
    public MemorySegment GetAcceptExSockaddrs$address() {
        return GetAcceptExSockaddrs$ADDR;
    }

    /** Downcall handle of {@code GetAcceptExSockaddrs}; no call state: it cannot fail. */
    public MethodHandle GetAcceptExSockaddrs$handle() {
        return GetAcceptExSockaddrs$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * VOID GetAcceptExSockaddrs(PVOID lpOutputBuffer, DWORD dwReceiveDataLength,
     *                           DWORD dwLocalAddressLength, DWORD dwRemoteAddressLength,
     *                           struct sockaddr ** LocalSockaddr, LPINT LocalSockaddrLength,
     *                           struct sockaddr ** RemoteSockaddr, LPINT RemoteSockaddrLength)
     * }
     */
    public void GetAcceptExSockaddrs(MemorySegment lpOutputBuffer, int dwReceiveDataLength,
            int dwLocalAddressLength, int dwRemoteAddressLength,
            MemorySegment LocalSockaddr,
            MemorySegment LocalSockaddrLength,
            MemorySegment RemoteSockaddr,
            MemorySegment RemoteSockaddrLength) {
        try {
            GetAcceptExSockaddrs$HANDLE.invokeExact(lpOutputBuffer, dwReceiveDataLength,
                    dwLocalAddressLength, dwRemoteAddressLength, LocalSockaddr,
                    LocalSockaddrLength, RemoteSockaddr, RemoteSockaddrLength);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code ConnectEx} this Mswsock was bound to. */
    public MemorySegment ConnectEx$address() {
        return ConnectEx$ADDR;
    }

    /** Downcall handle of {@code ConnectEx}; its first parameter is the {@link CallState}. */
    public MethodHandle ConnectEx$handle() {
        return ConnectEx$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL ConnectEx(SOCKET s, const struct sockaddr * name, int namelen, PVOID lpSendBuffer,
     *                DWORD dwSendDataLength, LPDWORD lpdwBytesSent, LPOVERLAPPED lpOverlapped)
     * }
     *
     * @return non-zero if connected at once; zero on failure or when pending ({@code WSA_IO_PENDING})
     */
    public int ConnectEx(MemorySegment callState, long s, MemorySegment name, int namelen,
            MemorySegment lpSendBuffer, int dwSendDataLength,
            MemorySegment lpdwBytesSent, MemorySegment lpOverlapped) {
        try {
            return (int) ConnectEx$HANDLE.invokeExact(callState, s, name, namelen, lpSendBuffer, dwSendDataLength,
                    lpdwBytesSent, lpOverlapped);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code DisconnectEx} this Mswsock was bound to. */
    public MemorySegment DisconnectEx$address() {
        return DisconnectEx$ADDR;
    }

    /** Downcall handle of {@code DisconnectEx}; its first parameter is the {@link CallState}. */
    public MethodHandle DisconnectEx$handle() {
        return DisconnectEx$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL DisconnectEx(SOCKET s, LPOVERLAPPED lpOverlapped, DWORD dwFlags, DWORD dwReserved)
     * }
     *
     * @return non-zero if disconnected at once; zero on failure or when pending ({@code WSA_IO_PENDING})
     */
    public int DisconnectEx(MemorySegment callState, long s, MemorySegment lpOverlapped, int dwFlags,
            int dwReserved) {
        try {
            return (int) DisconnectEx$HANDLE.invokeExact(callState, s, lpOverlapped, dwFlags, dwReserved);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code TransmitFile} this Mswsock was bound to. */
    public MemorySegment TransmitFile$address() {
        return TransmitFile$ADDR;
    }

    /** Downcall handle of {@code TransmitFile}; its first parameter is the {@link CallState}. */
    public MethodHandle TransmitFile$handle() {
        return TransmitFile$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL TransmitFile(SOCKET hSocket, HANDLE hFile, DWORD nNumberOfBytesToWrite,
     *                   DWORD nNumberOfBytesPerSend, LPOVERLAPPED lpOverlapped,
     *                   LPTRANSMIT_FILE_BUFFERS lpTransmitBuffers, DWORD dwReserved)
     * }
     *
     * @return non-zero if sent at once; zero on failure or when pending ({@code WSA_IO_PENDING})
     */
    public int TransmitFile(MemorySegment callState, long hSocket, MemorySegment hFile,
            int nNumberOfBytesToWrite, int nNumberOfBytesPerSend,
            MemorySegment lpOverlapped, MemorySegment lpTransmitBuffers,
            int dwReserved) {
        try {
            return (int) TransmitFile$HANDLE.invokeExact(callState, hSocket, hFile, nNumberOfBytesToWrite,
                    nNumberOfBytesPerSend, lpOverlapped, lpTransmitBuffers, dwReserved);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
