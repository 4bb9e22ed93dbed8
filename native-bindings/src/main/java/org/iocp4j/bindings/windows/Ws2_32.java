package org.iocp4j.bindings.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * Bindings to {@code ws2_32.dll}, in the shape jextract generates: per function a lazy holder with its
 * descriptor, address and handle, the accessors {@code NAME$descriptor()}, {@code NAME$address()},
 * {@code NAME$handle()}, and an invoker named after the function with the C parameter names.
 *
 * <p>Functions that report failure through {@code WSAGetLastError()} take a {@link CallState} segment
 * as their first argument and capture the code into it; read it with {@link CallState#wsaGetLastError}.
 * {@code WSAStartup} is the exception: it returns its error code and takes no call state. Without native
 * access for this module loading the class fails with an {@link IllegalCallerException} naming the
 * {@code --enable-native-access} option; on a system without ws2_32 it loads, and a call throws
 * {@link UnsatisfiedLinkError}.
 *
 * <p>Type mapping (x86_64 Windows): {@code SOCKET} ({@code UINT_PTR}) is {@code JAVA_LONG};
 * {@code int}, {@code long}, {@code DWORD}, {@code BOOL}, {@code GROUP} are {@code JAVA_INT}; {@code WORD}
 * is {@code JAVA_SHORT}; pointers are {@code ADDRESS}. The socket functions are the extension-free
 * ones; {@code AcceptEx} and friends are in {@link Mswsock}, Registered I/O in {@link Rio}.
 */
public final class Ws2_32 {
    static final String LIBRARY = "ws2_32";
    private static final SymbolLookup SYMBOLS = Downcalls.library(LIBRARY);

    private Ws2_32() {
    }

    private static MethodHandle downcall(String name, MemorySegment address, FunctionDescriptor descriptor) {
        return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.WSA_GET_LAST_ERROR_STATE);
    }

    private static final class WSAStartup {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_SHORT, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSAStartup");
        // WSAStartup returns its error code and does not set WSAGetLastError: no capture.
        static final MethodHandle HANDLE = Downcalls.downcall(LIBRARY, "WSAStartup", ADDR, DESC, null);
    }

    /**
     * {@snippet lang=c :
     * int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData)
     * }
     */
    public static FunctionDescriptor WSAStartup$descriptor() {
        return WSAStartup.DESC;
    }

    /** Address of {@code WSAStartup}, NULL where ws2_32 is absent. */
    public static MemorySegment WSAStartup$address() {
        return WSAStartup.ADDR;
    }

    /** Downcall handle of {@code WSAStartup}; no call state: it returns its error code. */
    public static MethodHandle WSAStartup$handle() {
        return WSAStartup.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsastartup">WSAStartup</a>.
     *
     * @return zero on success, else the error code itself ({@code WSASYSNOTREADY}, {@code WSAVERNOTSUPPORTED}, ...)
     */
    public static int WSAStartup(short wVersionRequested, MemorySegment lpWSAData) {
        try {
            return (int) WSAStartup.HANDLE.invokeExact(wVersionRequested, lpWSAData);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSACleanup {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSACleanup");
        static final MethodHandle HANDLE = downcall("WSACleanup", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSACleanup(void)
     * }
     */
    public static FunctionDescriptor WSACleanup$descriptor() {
        return WSACleanup.DESC;
    }

    /** Address of {@code WSACleanup}, NULL where ws2_32 is absent. */
    public static MemorySegment WSACleanup$address() {
        return WSACleanup.ADDR;
    }

    /** Downcall handle of {@code WSACleanup}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSACleanup$handle() {
        return WSACleanup.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSACleanup(void)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsacleanup">WSACleanup</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int WSACleanup(MemorySegment callState) {
        try {
            return (int) WSACleanup.HANDLE.invokeExact(callState);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSASocketW {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSASocketW");
        static final MethodHandle HANDLE = downcall("WSASocketW", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * SOCKET WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP g,
     *                   DWORD dwFlags)
     * }
     */
    public static FunctionDescriptor WSASocketW$descriptor() {
        return WSASocketW.DESC;
    }

    /** Address of {@code WSASocketW}, NULL where ws2_32 is absent. */
    public static MemorySegment WSASocketW$address() {
        return WSASocketW.ADDR;
    }

    /** Downcall handle of {@code WSASocketW}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSASocketW$handle() {
        return WSASocketW.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * SOCKET WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP g,
     *                   DWORD dwFlags)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasocketw">WSASocketW</a>.
     *
     * @return the socket, or {@code INVALID_SOCKET}
     */
    public static long WSASocketW(MemorySegment callState, int af, int type, int protocol,
            MemorySegment lpProtocolInfo, int g, int dwFlags) {
        try {
            return (long) WSASocketW.HANDLE.invokeExact(callState, af, type, protocol, lpProtocolInfo, g, dwFlags);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class bind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "bind");
        static final MethodHandle HANDLE = downcall("bind", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int bind(SOCKET s, const struct sockaddr * name, int namelen)
     * }
     */
    public static FunctionDescriptor bind$descriptor() {
        return bind.DESC;
    }

    /** Address of {@code bind}, NULL where ws2_32 is absent. */
    public static MemorySegment bind$address() {
        return bind.ADDR;
    }

    /** Downcall handle of {@code bind}; its first parameter is the {@link CallState}. */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int bind(SOCKET s, const struct sockaddr * name, int namelen)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-bind">bind</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int bind(MemorySegment callState, long s, MemorySegment name, int namelen) {
        try {
            return (int) bind.HANDLE.invokeExact(callState, s, name, namelen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class listen {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "listen");
        static final MethodHandle HANDLE = downcall("listen", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int listen(SOCKET s, int backlog)
     * }
     */
    public static FunctionDescriptor listen$descriptor() {
        return listen.DESC;
    }

    /** Address of {@code listen}, NULL where ws2_32 is absent. */
    public static MemorySegment listen$address() {
        return listen.ADDR;
    }

    /** Downcall handle of {@code listen}; its first parameter is the {@link CallState}. */
    public static MethodHandle listen$handle() {
        return listen.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int listen(SOCKET s, int backlog)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-listen">listen</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int listen(MemorySegment callState, long s, int backlog) {
        try {
            return (int) listen.HANDLE.invokeExact(callState, s, backlog);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class closesocket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "closesocket");
        static final MethodHandle HANDLE = downcall("closesocket", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int closesocket(SOCKET s)
     * }
     */
    public static FunctionDescriptor closesocket$descriptor() {
        return closesocket.DESC;
    }

    /** Address of {@code closesocket}, NULL where ws2_32 is absent. */
    public static MemorySegment closesocket$address() {
        return closesocket.ADDR;
    }

    /** Downcall handle of {@code closesocket}; its first parameter is the {@link CallState}. */
    public static MethodHandle closesocket$handle() {
        return closesocket.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int closesocket(SOCKET s)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-closesocket">closesocket</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int closesocket(MemorySegment callState, long s) {
        try {
            return (int) closesocket.HANDLE.invokeExact(callState, s);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class shutdown {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "shutdown");
        static final MethodHandle HANDLE = downcall("shutdown", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int shutdown(SOCKET s, int how)
     * }
     */
    public static FunctionDescriptor shutdown$descriptor() {
        return shutdown.DESC;
    }

    /** Address of {@code shutdown}, NULL where ws2_32 is absent. */
    public static MemorySegment shutdown$address() {
        return shutdown.ADDR;
    }

    /** Downcall handle of {@code shutdown}; its first parameter is the {@link CallState}. */
    public static MethodHandle shutdown$handle() {
        return shutdown.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int shutdown(SOCKET s, int how)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-shutdown">shutdown</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int shutdown(MemorySegment callState, long s, int how) {
        try {
            return (int) shutdown.HANDLE.invokeExact(callState, s, how);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class setsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "setsockopt");
        static final MethodHandle HANDLE = downcall("setsockopt", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int setsockopt(SOCKET s, int level, int optname, const char * optval, int optlen)
     * }
     */
    public static FunctionDescriptor setsockopt$descriptor() {
        return setsockopt.DESC;
    }

    /** Address of {@code setsockopt}, NULL where ws2_32 is absent. */
    public static MemorySegment setsockopt$address() {
        return setsockopt.ADDR;
    }

    /** Downcall handle of {@code setsockopt}; its first parameter is the {@link CallState}. */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int setsockopt(SOCKET s, int level, int optname, const char * optval, int optlen)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-setsockopt">setsockopt</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int setsockopt(MemorySegment callState, long s, int level, int optname,
            MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(callState, s, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getsockopt");
        static final MethodHandle HANDLE = downcall("getsockopt", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int getsockopt(SOCKET s, int level, int optname, char * optval, int * optlen)
     * }
     */
    public static FunctionDescriptor getsockopt$descriptor() {
        return getsockopt.DESC;
    }

    /** Address of {@code getsockopt}, NULL where ws2_32 is absent. */
    public static MemorySegment getsockopt$address() {
        return getsockopt.ADDR;
    }

    /** Downcall handle of {@code getsockopt}; its first parameter is the {@link CallState}. */
    public static MethodHandle getsockopt$handle() {
        return getsockopt.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int getsockopt(SOCKET s, int level, int optname, char * optval, int * optlen)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-getsockopt">getsockopt</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int getsockopt(MemorySegment callState, long s, int level, int optname,
            MemorySegment optval, MemorySegment optlen) {
        try {
            return (int) getsockopt.HANDLE.invokeExact(callState, s, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getsockname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getsockname");
        static final MethodHandle HANDLE = downcall("getsockname", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int getsockname(SOCKET s, struct sockaddr * name, int * namelen)
     * }
     */
    public static FunctionDescriptor getsockname$descriptor() {
        return getsockname.DESC;
    }

    /** Address of {@code getsockname}, NULL where ws2_32 is absent. */
    public static MemorySegment getsockname$address() {
        return getsockname.ADDR;
    }

    /** Downcall handle of {@code getsockname}; its first parameter is the {@link CallState}. */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int getsockname(SOCKET s, struct sockaddr * name, int * namelen)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-getsockname">getsockname</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int getsockname(MemorySegment callState, long s, MemorySegment name, MemorySegment namelen) {
        try {
            return (int) getsockname.HANDLE.invokeExact(callState, s, name, namelen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getpeername {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getpeername");
        static final MethodHandle HANDLE = downcall("getpeername", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int getpeername(SOCKET s, struct sockaddr * name, int * namelen)
     * }
     */
    public static FunctionDescriptor getpeername$descriptor() {
        return getpeername.DESC;
    }

    /** Address of {@code getpeername}, NULL where ws2_32 is absent. */
    public static MemorySegment getpeername$address() {
        return getpeername.ADDR;
    }

    /** Downcall handle of {@code getpeername}; its first parameter is the {@link CallState}. */
    public static MethodHandle getpeername$handle() {
        return getpeername.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int getpeername(SOCKET s, struct sockaddr * name, int * namelen)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-getpeername">getpeername</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int getpeername(MemorySegment callState, long s, MemorySegment name, MemorySegment namelen) {
        try {
            return (int) getpeername.HANDLE.invokeExact(callState, s, name, namelen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSAIoctl {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSAIoctl");
        static final MethodHandle HANDLE = downcall("WSAIoctl", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
     *              LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
     *              LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     */
    public static FunctionDescriptor WSAIoctl$descriptor() {
        return WSAIoctl.DESC;
    }

    /** Address of {@code WSAIoctl}, NULL where ws2_32 is absent. */
    public static MemorySegment WSAIoctl$address() {
        return WSAIoctl.ADDR;
    }

    /** Downcall handle of {@code WSAIoctl}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSAIoctl$handle() {
        return WSAIoctl.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
     *              LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
     *              LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsaioctl">WSAIoctl</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure (or {@code WSA_IO_PENDING} for an overlapped call)
     */
    public static int WSAIoctl(MemorySegment callState, long s, int dwIoControlCode,
            MemorySegment lpvInBuffer, int cbInBuffer,
            MemorySegment lpvOutBuffer, int cbOutBuffer,
            MemorySegment lpcbBytesReturned, MemorySegment lpOverlapped,
            MemorySegment lpCompletionRoutine) {
        try {
            return (int) WSAIoctl.HANDLE.invokeExact(callState, s, dwIoControlCode, lpvInBuffer, cbInBuffer,
                    lpvOutBuffer, cbOutBuffer, lpcbBytesReturned, lpOverlapped,
                    lpCompletionRoutine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSARecv {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSARecv");
        static final MethodHandle HANDLE = downcall("WSARecv", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSARecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
     *             LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
     *             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     */
    public static FunctionDescriptor WSARecv$descriptor() {
        return WSARecv.DESC;
    }

    /** Address of {@code WSARecv}, NULL where ws2_32 is absent. */
    public static MemorySegment WSARecv$address() {
        return WSARecv.ADDR;
    }

    /** Downcall handle of {@code WSARecv}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSARecv$handle() {
        return WSARecv.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSARecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
     *             LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
     *             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsarecv">WSARecv</a>.
     *
     * @return zero if the receive completed at once, else {@code SOCKET_ERROR} ({@code WSA_IO_PENDING}: it will complete later)
     */
    public static int WSARecv(MemorySegment callState, long s, MemorySegment lpBuffers, int dwBufferCount,
            MemorySegment lpNumberOfBytesRecvd, MemorySegment lpFlags,
            MemorySegment lpOverlapped, MemorySegment lpCompletionRoutine) {
        try {
            return (int) WSARecv.HANDLE.invokeExact(callState, s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd,
                    lpFlags, lpOverlapped, lpCompletionRoutine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSASend {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSASend");
        static final MethodHandle HANDLE = downcall("WSASend", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
     *             DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
     *             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     */
    public static FunctionDescriptor WSASend$descriptor() {
        return WSASend.DESC;
    }

    /** Address of {@code WSASend}, NULL where ws2_32 is absent. */
    public static MemorySegment WSASend$address() {
        return WSASend.ADDR;
    }

    /** Downcall handle of {@code WSASend}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSASend$handle() {
        return WSASend.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
     *             DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
     *             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasend">WSASend</a>.
     *
     * @return zero if the send completed at once, else {@code SOCKET_ERROR} ({@code WSA_IO_PENDING}: it will complete later)
     */
    public static int WSASend(MemorySegment callState, long s, MemorySegment lpBuffers, int dwBufferCount,
            MemorySegment lpNumberOfBytesSent, int dwFlags,
            MemorySegment lpOverlapped, MemorySegment lpCompletionRoutine) {
        try {
            return (int) WSASend.HANDLE.invokeExact(callState, s, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                    dwFlags, lpOverlapped, lpCompletionRoutine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSARecvFrom {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSARecvFrom");
        static final MethodHandle HANDLE = downcall("WSARecvFrom", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSARecvFrom(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
     *                 LPDWORD lpFlags, struct sockaddr * lpFrom, LPINT lpFromlen,
     *                 LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     */
    public static FunctionDescriptor WSARecvFrom$descriptor() {
        return WSARecvFrom.DESC;
    }

    /** Address of {@code WSARecvFrom}, NULL where ws2_32 is absent. */
    public static MemorySegment WSARecvFrom$address() {
        return WSARecvFrom.ADDR;
    }

    /** Downcall handle of {@code WSARecvFrom}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSARecvFrom$handle() {
        return WSARecvFrom.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSARecvFrom(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
     *                 LPDWORD lpFlags, struct sockaddr * lpFrom, LPINT lpFromlen,
     *                 LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsarecvfrom">WSARecvFrom</a>.
     *
     * @return zero if the receive completed at once, else {@code SOCKET_ERROR} ({@code WSA_IO_PENDING}: it will complete later)
     */
    public static int WSARecvFrom(MemorySegment callState, long s, MemorySegment lpBuffers, int dwBufferCount,
            MemorySegment lpNumberOfBytesRecvd, MemorySegment lpFlags,
            MemorySegment lpFrom, MemorySegment lpFromlen,
            MemorySegment lpOverlapped, MemorySegment lpCompletionRoutine) {
        try {
            return (int) WSARecvFrom.HANDLE.invokeExact(callState, s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd,
                    lpFlags, lpFrom, lpFromlen, lpOverlapped, lpCompletionRoutine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSASendTo {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSASendTo");
        static final MethodHandle HANDLE = downcall("WSASendTo", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int WSASendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
     *               DWORD dwFlags, const struct sockaddr * lpTo, int iTolen, LPWSAOVERLAPPED lpOverlapped,
     *               LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     */
    public static FunctionDescriptor WSASendTo$descriptor() {
        return WSASendTo.DESC;
    }

    /** Address of {@code WSASendTo}, NULL where ws2_32 is absent. */
    public static MemorySegment WSASendTo$address() {
        return WSASendTo.ADDR;
    }

    /** Downcall handle of {@code WSASendTo}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSASendTo$handle() {
        return WSASendTo.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int WSASendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
     *               DWORD dwFlags, const struct sockaddr * lpTo, int iTolen, LPWSAOVERLAPPED lpOverlapped,
     *               LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasendto">WSASendTo</a>.
     *
     * @return zero if the send completed at once, else {@code SOCKET_ERROR} ({@code WSA_IO_PENDING}: it will complete later)
     */
    public static int WSASendTo(MemorySegment callState, long s, MemorySegment lpBuffers, int dwBufferCount,
            MemorySegment lpNumberOfBytesSent, int dwFlags,
            MemorySegment lpTo, int iTolen, MemorySegment lpOverlapped,
            MemorySegment lpCompletionRoutine) {
        try {
            return (int) WSASendTo.HANDLE.invokeExact(callState, s, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                    dwFlags, lpTo, iTolen, lpOverlapped, lpCompletionRoutine);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class WSAGetOverlappedResult {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "WSAGetOverlappedResult");
        static final MethodHandle HANDLE = downcall("WSAGetOverlappedResult", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
     *                             BOOL fWait, LPDWORD lpdwFlags)
     * }
     */
    public static FunctionDescriptor WSAGetOverlappedResult$descriptor() {
        return WSAGetOverlappedResult.DESC;
    }

    /** Address of {@code WSAGetOverlappedResult}, NULL where ws2_32 is absent. */
    public static MemorySegment WSAGetOverlappedResult$address() {
        return WSAGetOverlappedResult.ADDR;
    }

    /** Downcall handle of {@code WSAGetOverlappedResult}; its first parameter is the {@link CallState}. */
    public static MethodHandle WSAGetOverlappedResult$handle() {
        return WSAGetOverlappedResult.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
     *                             BOOL fWait, LPDWORD lpdwFlags)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsagetoverlappedresult">WSAGetOverlappedResult</a>.
     *
     * @return non-zero if the operation completed successfully; zero if it failed or is still pending
     */
    public static int WSAGetOverlappedResult(MemorySegment callState, long s, MemorySegment lpOverlapped,
            MemorySegment lpcbTransfer, int fWait,
            MemorySegment lpdwFlags) {
        try {
            return (int) WSAGetOverlappedResult.HANDLE.invokeExact(callState, s, lpOverlapped, lpcbTransfer, fWait,
                    lpdwFlags);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class ioctlsocket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "ioctlsocket");
        static final MethodHandle HANDLE = downcall("ioctlsocket", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int ioctlsocket(SOCKET s, long cmd, u_long * argp)
     * }
     */
    public static FunctionDescriptor ioctlsocket$descriptor() {
        return ioctlsocket.DESC;
    }

    /** Address of {@code ioctlsocket}, NULL where ws2_32 is absent. */
    public static MemorySegment ioctlsocket$address() {
        return ioctlsocket.ADDR;
    }

    /** Downcall handle of {@code ioctlsocket}; its first parameter is the {@link CallState}. */
    public static MethodHandle ioctlsocket$handle() {
        return ioctlsocket.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int ioctlsocket(SOCKET s, long cmd, u_long * argp)
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-ioctlsocket">ioctlsocket</a>.
     *
     * @return zero on success, {@code SOCKET_ERROR} on failure
     */
    public static int ioctlsocket(MemorySegment callState, long s, int cmd, MemorySegment argp) {
        try {
            return (int) ioctlsocket.HANDLE.invokeExact(callState, s, cmd, argp);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
