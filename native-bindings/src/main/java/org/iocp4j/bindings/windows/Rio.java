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
 * The Winsock Registered I/O functions, from the {@link RIO_EXTENSION_FUNCTION_TABLE} that
 * {@code WSAIoctl(SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER, WSAID_MULTIPLE_RIO)} fills (Windows 8 /
 * Server 2012 and later; Wine answers {@code WSAEOPNOTSUPP}).
 *
 * <p>The static {@code NAME$descriptor()} methods give each function's descriptor, after its
 * {@code LPFN_NAME} typedef as documented by Microsoft (mingw-w64 10 has no RIO declarations; each
 * descriptor links its documentation page). {@link #load} fetches the table for a socket and returns an
 * immutable object holding the bound handles, with {@code NAME$address()}, {@code NAME$handle()} and an
 * invoker per function. The functions that return a result report failure through
 * {@code WSAGetLastError()} and take a {@link CallState} first; {@code RIOCloseCompletionQueue} and
 * {@code RIODeregisterBuffer} return nothing and take none. Type mapping: {@code RIO_RQ},
 * {@code RIO_CQ}, {@code RIO_BUFFERID} (opaque pointers) and {@code PVOID} contexts are {@code ADDRESS};
 * {@code ULONG}, {@code DWORD}, {@code BOOL}, {@code INT} are {@code JAVA_INT}; {@code SOCKET} is
 * {@code JAVA_LONG}.
 */
public final class Rio {

    private static final class RIOReceive {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_RIORECEIVE)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
     *               DWORD Flags, PVOID RequestContext);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioreceive">RIOReceive</a>.
     */
    public static FunctionDescriptor RIOReceive$descriptor() {
        return RIOReceive.DESC;
    }

    private static final class RIOReceiveEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef int (WINAPI *LPFN_RIORECEIVEEX)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
     *              PRIO_BUF pLocalAddress, PRIO_BUF pRemoteAddress, PRIO_BUF pControlContext,
     *              PRIO_BUF pFlags, DWORD Flags, PVOID RequestContext);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioreceiveex">RIOReceiveEx</a>.
     */
    public static FunctionDescriptor RIOReceiveEx$descriptor() {
        return RIOReceiveEx.DESC;
    }

    private static final class RIOSend {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_RIOSEND)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
     *               DWORD Flags, PVOID RequestContext);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riosend">RIOSend</a>.
     */
    public static FunctionDescriptor RIOSend$descriptor() {
        return RIOSend.DESC;
    }

    private static final class RIOSendEx {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_RIOSENDEX)(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount,
     *               PRIO_BUF pLocalAddress, PRIO_BUF pRemoteAddress, PRIO_BUF pControlContext,
     *               PRIO_BUF pFlags, DWORD Flags, PVOID RequestContext);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riosendex">RIOSendEx</a>.
     */
    public static FunctionDescriptor RIOSendEx$descriptor() {
        return RIOSendEx.DESC;
    }

    private static final class RIOCloseCompletionQueue {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef VOID (WINAPI *LPFN_RIOCLOSECOMPLETIONQUEUE)(RIO_CQ CQ);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioclosecompletionqueue">RIOCloseCompletionQueue</a>.
     */
    public static FunctionDescriptor RIOCloseCompletionQueue$descriptor() {
        return RIOCloseCompletionQueue.DESC;
    }

    private static final class RIOCreateCompletionQueue {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef RIO_CQ (WINAPI *LPFN_RIOCREATECOMPLETIONQUEUE)(DWORD QueueSize,
     *                 PRIO_NOTIFICATION_COMPLETION NotificationCompletion);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riocreatecompletionqueue">RIOCreateCompletionQueue</a>.
     */
    public static FunctionDescriptor RIOCreateCompletionQueue$descriptor() {
        return RIOCreateCompletionQueue.DESC;
    }

    private static final class RIOCreateRequestQueue {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef RIO_RQ (WINAPI *LPFN_RIOCREATEREQUESTQUEUE)(SOCKET Socket, ULONG MaxOutstandingReceive,
     *                 ULONG MaxReceiveDataBuffers, ULONG MaxOutstandingSend, ULONG MaxSendDataBuffers,
     *                 RIO_CQ ReceiveCQ, RIO_CQ SendCQ, PVOID SocketContext);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riocreaterequestqueue">RIOCreateRequestQueue</a>.
     */
    public static FunctionDescriptor RIOCreateRequestQueue$descriptor() {
        return RIOCreateRequestQueue.DESC;
    }

    private static final class RIODequeueCompletion {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef ULONG (WINAPI *LPFN_RIODEQUEUECOMPLETION)(RIO_CQ CQ, PRIORESULT Array, ULONG ArraySize);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_riodequeuecompletion">RIODequeueCompletion</a>.
     */
    public static FunctionDescriptor RIODequeueCompletion$descriptor() {
        return RIODequeueCompletion.DESC;
    }

    private static final class RIODeregisterBuffer {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef VOID (WINAPI *LPFN_RIODEREGISTERBUFFER)(RIO_BUFFERID BufferId);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioderegisterbuffer">RIODeregisterBuffer</a>.
     */
    public static FunctionDescriptor RIODeregisterBuffer$descriptor() {
        return RIODeregisterBuffer.DESC;
    }

    private static final class RIONotify {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    }

    /**
     * {@snippet lang=c :
     * typedef INT (WINAPI *LPFN_RIONOTIFY)(RIO_CQ CQ);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rionotify">RIONotify</a>.
     */
    public static FunctionDescriptor RIONotify$descriptor() {
        return RIONotify.DESC;
    }

    private static final class RIORegisterBuffer {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef RIO_BUFFERID (WINAPI *LPFN_RIOREGISTERBUFFER)(PCHAR DataBuffer, DWORD DataLength);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioregisterbuffer">RIORegisterBuffer</a>.
     */
    public static FunctionDescriptor RIORegisterBuffer$descriptor() {
        return RIORegisterBuffer.DESC;
    }

    private static final class RIOResizeCompletionQueue {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_RIORESIZECOMPLETIONQUEUE)(RIO_CQ CQ, DWORD QueueSize);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioresizecompletionqueue">RIOResizeCompletionQueue</a>.
     */
    public static FunctionDescriptor RIOResizeCompletionQueue$descriptor() {
        return RIOResizeCompletionQueue.DESC;
    }

    private static final class RIOResizeRequestQueue {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    }

    /**
     * {@snippet lang=c :
     * typedef BOOL (WINAPI *LPFN_RIORESIZEREQUESTQUEUE)(RIO_RQ RQ, DWORD MaxOutstandingReceive,
     *               DWORD MaxOutstandingSend);
     * }
     * See <a href="https://learn.microsoft.com/en-us/windows/win32/api/mswsock/nc-mswsock-lpfn_rioresizerequestqueue">RIOResizeRequestQueue</a>.
     */
    public static FunctionDescriptor RIOResizeRequestQueue$descriptor() {
        return RIOResizeRequestQueue.DESC;
    }

    private final MemorySegment RIOReceive$ADDR;
    private final MethodHandle RIOReceive$HANDLE;
    private final MemorySegment RIOReceiveEx$ADDR;
    private final MethodHandle RIOReceiveEx$HANDLE;
    private final MemorySegment RIOSend$ADDR;
    private final MethodHandle RIOSend$HANDLE;
    private final MemorySegment RIOSendEx$ADDR;
    private final MethodHandle RIOSendEx$HANDLE;
    private final MemorySegment RIOCloseCompletionQueue$ADDR;
    private final MethodHandle RIOCloseCompletionQueue$HANDLE;
    private final MemorySegment RIOCreateCompletionQueue$ADDR;
    private final MethodHandle RIOCreateCompletionQueue$HANDLE;
    private final MemorySegment RIOCreateRequestQueue$ADDR;
    private final MethodHandle RIOCreateRequestQueue$HANDLE;
    private final MemorySegment RIODequeueCompletion$ADDR;
    private final MethodHandle RIODequeueCompletion$HANDLE;
    private final MemorySegment RIODeregisterBuffer$ADDR;
    private final MethodHandle RIODeregisterBuffer$HANDLE;
    private final MemorySegment RIONotify$ADDR;
    private final MethodHandle RIONotify$HANDLE;
    private final MemorySegment RIORegisterBuffer$ADDR;
    private final MethodHandle RIORegisterBuffer$HANDLE;
    private final MemorySegment RIOResizeCompletionQueue$ADDR;
    private final MethodHandle RIOResizeCompletionQueue$HANDLE;
    private final MemorySegment RIOResizeRequestQueue$ADDR;
    private final MethodHandle RIOResizeRequestQueue$HANDLE;

    private Rio(
            MemorySegment rioReceiveAddress,
            MemorySegment rioReceiveExAddress,
            MemorySegment rioSendAddress,
            MemorySegment rioSendExAddress,
            MemorySegment rioCloseCompletionQueueAddress,
            MemorySegment rioCreateCompletionQueueAddress,
            MemorySegment rioCreateRequestQueueAddress,
            MemorySegment rioDequeueCompletionAddress,
            MemorySegment rioDeregisterBufferAddress,
            MemorySegment rioNotifyAddress,
            MemorySegment rioRegisterBufferAddress,
            MemorySegment rioResizeCompletionQueueAddress,
            MemorySegment rioResizeRequestQueueAddress) {
        Mswsock.requireNonNull("RIOReceive", rioReceiveAddress);
        Mswsock.requireNonNull("RIOReceiveEx", rioReceiveExAddress);
        Mswsock.requireNonNull("RIOSend", rioSendAddress);
        Mswsock.requireNonNull("RIOSendEx", rioSendExAddress);
        Mswsock.requireNonNull("RIOCloseCompletionQueue", rioCloseCompletionQueueAddress);
        Mswsock.requireNonNull("RIOCreateCompletionQueue", rioCreateCompletionQueueAddress);
        Mswsock.requireNonNull("RIOCreateRequestQueue", rioCreateRequestQueueAddress);
        Mswsock.requireNonNull("RIODequeueCompletion", rioDequeueCompletionAddress);
        Mswsock.requireNonNull("RIODeregisterBuffer", rioDeregisterBufferAddress);
        Mswsock.requireNonNull("RIONotify", rioNotifyAddress);
        Mswsock.requireNonNull("RIORegisterBuffer", rioRegisterBufferAddress);
        Mswsock.requireNonNull("RIOResizeCompletionQueue", rioResizeCompletionQueueAddress);
        Mswsock.requireNonNull("RIOResizeRequestQueue", rioResizeRequestQueueAddress);
        this.RIOReceive$ADDR = rioReceiveAddress;
        this.RIOReceive$HANDLE =
                Downcalls.downcall(rioReceiveAddress, RIOReceive.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOReceiveEx$ADDR = rioReceiveExAddress;
        this.RIOReceiveEx$HANDLE =
                Downcalls.downcall(rioReceiveExAddress, RIOReceiveEx.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOSend$ADDR = rioSendAddress;
        this.RIOSend$HANDLE =
                Downcalls.downcall(rioSendAddress, RIOSend.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOSendEx$ADDR = rioSendExAddress;
        this.RIOSendEx$HANDLE =
                Downcalls.downcall(rioSendExAddress, RIOSendEx.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOCloseCompletionQueue$ADDR = rioCloseCompletionQueueAddress;
        this.RIOCloseCompletionQueue$HANDLE =
                Downcalls.downcall(rioCloseCompletionQueueAddress, RIOCloseCompletionQueue.DESC, null);
        this.RIOCreateCompletionQueue$ADDR = rioCreateCompletionQueueAddress;
        this.RIOCreateCompletionQueue$HANDLE =
                Downcalls.downcall(rioCreateCompletionQueueAddress, RIOCreateCompletionQueue.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOCreateRequestQueue$ADDR = rioCreateRequestQueueAddress;
        this.RIOCreateRequestQueue$HANDLE =
                Downcalls.downcall(rioCreateRequestQueueAddress, RIOCreateRequestQueue.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIODequeueCompletion$ADDR = rioDequeueCompletionAddress;
        this.RIODequeueCompletion$HANDLE =
                Downcalls.downcall(rioDequeueCompletionAddress, RIODequeueCompletion.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIODeregisterBuffer$ADDR = rioDeregisterBufferAddress;
        this.RIODeregisterBuffer$HANDLE =
                Downcalls.downcall(rioDeregisterBufferAddress, RIODeregisterBuffer.DESC, null);
        this.RIONotify$ADDR = rioNotifyAddress;
        this.RIONotify$HANDLE =
                Downcalls.downcall(rioNotifyAddress, RIONotify.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIORegisterBuffer$ADDR = rioRegisterBufferAddress;
        this.RIORegisterBuffer$HANDLE =
                Downcalls.downcall(rioRegisterBufferAddress, RIORegisterBuffer.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOResizeCompletionQueue$ADDR = rioResizeCompletionQueueAddress;
        this.RIOResizeCompletionQueue$HANDLE =
                Downcalls.downcall(rioResizeCompletionQueueAddress, RIOResizeCompletionQueue.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
        this.RIOResizeRequestQueue$ADDR = rioResizeRequestQueueAddress;
        this.RIOResizeRequestQueue$HANDLE =
                Downcalls.downcall(rioResizeRequestQueueAddress, RIOResizeRequestQueue.DESC, CallState.WSA_GET_LAST_ERROR_STATE);
    }

    /**
     * Fetches the RIO function table for {@code socket} (a socket created with
     * {@code WSA_FLAG_REGISTERED_IO}) and binds its functions.
     *
     * @param callState a {@link CallState} segment the {@code WSAIoctl} call captures into
     * @throws NativeException      if {@code WSAIoctl} fails (e.g. {@code WSAEOPNOTSUPP} where RIO is absent)
     * @throws UnsatisfiedLinkError where ws2_32 is absent (not Windows)
     */
    public static Rio load(MemorySegment callState, long socket) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment guid = WinsockGuids.allocate(WinsockGuids.WSAID_MULTIPLE_RIO, arena);
            MemorySegment table = RIO_EXTENSION_FUNCTION_TABLE.allocate(arena);
            RIO_EXTENSION_FUNCTION_TABLE.cbSize(table, (int) table.byteSize());
            MemorySegment bytes = arena.allocate(JAVA_INT);
            int result = Ws2_32.WSAIoctl(callState, socket,
                    WinsockConstants.SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER, guid, (int) guid.byteSize(),
                    table, (int) table.byteSize(), bytes, MemorySegment.NULL, MemorySegment.NULL);
            if (result == WinsockConstants.SOCKET_ERROR) {
                int code = CallState.wsaGetLastError(callState);
                throw new NativeException("WSAIoctl(SIO_GET_MULTIPLE_EXTENSION_FUNCTION_POINTER, WSAID_MULTIPLE_RIO)",
                        code, WinsockErrors.nameOf(code));
            }
            return bind(table);
        }
    }

    /**
     * Binds the functions of a filled {@link RIO_EXTENSION_FUNCTION_TABLE}.
     *
     * @throws IllegalArgumentException if {@code table} is smaller than the structure, or naming the first
     *                                  function whose entry is NULL
     */
    public static Rio bind(MemorySegment table) {
        if (table.byteSize() < RIO_EXTENSION_FUNCTION_TABLE.sizeof()) {
            throw new IllegalArgumentException("RIO_EXTENSION_FUNCTION_TABLE needs "
                    + RIO_EXTENSION_FUNCTION_TABLE.sizeof() + " bytes, the segment has " + table.byteSize());
        }
        return new Rio(
                RIO_EXTENSION_FUNCTION_TABLE.RIOReceive(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOReceiveEx(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOSend(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOSendEx(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOCloseCompletionQueue(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOCreateCompletionQueue(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOCreateRequestQueue(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIODequeueCompletion(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIODeregisterBuffer(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIONotify(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIORegisterBuffer(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOResizeCompletionQueue(table),
                RIO_EXTENSION_FUNCTION_TABLE.RIOResizeRequestQueue(table));
    }

    /** The address of {@code RIOReceive} this Rio was bound to. */
    public MemorySegment RIOReceive$address() {
        return RIOReceive$ADDR;
    }

    /** Downcall handle of {@code RIOReceive}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOReceive$handle() {
        return RIOReceive$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL RIOReceive(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount, DWORD Flags,
     *                 PVOID RequestContext)
     * }
     *
     * @return non-zero if the request was queued
     */
    public int RIOReceive(MemorySegment callState, MemorySegment SocketQueue, MemorySegment pData,
            int DataBufferCount, int Flags, MemorySegment RequestContext) {
        try {
            return (int) RIOReceive$HANDLE.invokeExact(callState, SocketQueue, pData, DataBufferCount, Flags,
                    RequestContext);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOReceiveEx} this Rio was bound to. */
    public MemorySegment RIOReceiveEx$address() {
        return RIOReceiveEx$ADDR;
    }

    /** Downcall handle of {@code RIOReceiveEx}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOReceiveEx$handle() {
        return RIOReceiveEx$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int RIOReceiveEx(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount, PRIO_BUF pLocalAddress,
     *                  PRIO_BUF pRemoteAddress, PRIO_BUF pControlContext, PRIO_BUF pFlags, DWORD Flags,
     *                  PVOID RequestContext)
     * }
     *
     * @return non-zero if the request was queued, {@code SOCKET_ERROR} on failure
     */
    public int RIOReceiveEx(MemorySegment callState, MemorySegment SocketQueue, MemorySegment pData,
            int DataBufferCount, MemorySegment pLocalAddress,
            MemorySegment pRemoteAddress, MemorySegment pControlContext,
            MemorySegment pFlags, int Flags, MemorySegment RequestContext) {
        try {
            return (int) RIOReceiveEx$HANDLE.invokeExact(callState, SocketQueue, pData, DataBufferCount, pLocalAddress,
                    pRemoteAddress, pControlContext, pFlags, Flags, RequestContext);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOSend} this Rio was bound to. */
    public MemorySegment RIOSend$address() {
        return RIOSend$ADDR;
    }

    /** Downcall handle of {@code RIOSend}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOSend$handle() {
        return RIOSend$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL RIOSend(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount, DWORD Flags, PVOID RequestContext)
     * }
     *
     * @return non-zero if the request was queued
     */
    public int RIOSend(MemorySegment callState, MemorySegment SocketQueue, MemorySegment pData,
            int DataBufferCount, int Flags, MemorySegment RequestContext) {
        try {
            return (int) RIOSend$HANDLE.invokeExact(callState, SocketQueue, pData, DataBufferCount, Flags,
                    RequestContext);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOSendEx} this Rio was bound to. */
    public MemorySegment RIOSendEx$address() {
        return RIOSendEx$ADDR;
    }

    /** Downcall handle of {@code RIOSendEx}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOSendEx$handle() {
        return RIOSendEx$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL RIOSendEx(RIO_RQ SocketQueue, PRIO_BUF pData, ULONG DataBufferCount, PRIO_BUF pLocalAddress,
     *                PRIO_BUF pRemoteAddress, PRIO_BUF pControlContext, PRIO_BUF pFlags, DWORD Flags,
     *                PVOID RequestContext)
     * }
     *
     * @return non-zero if the request was queued
     */
    public int RIOSendEx(MemorySegment callState, MemorySegment SocketQueue, MemorySegment pData,
            int DataBufferCount, MemorySegment pLocalAddress,
            MemorySegment pRemoteAddress, MemorySegment pControlContext,
            MemorySegment pFlags, int Flags, MemorySegment RequestContext) {
        try {
            return (int) RIOSendEx$HANDLE.invokeExact(callState, SocketQueue, pData, DataBufferCount, pLocalAddress,
                    pRemoteAddress, pControlContext, pFlags, Flags, RequestContext);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOCloseCompletionQueue} this Rio was bound to. */
    public MemorySegment RIOCloseCompletionQueue$address() {
        return RIOCloseCompletionQueue$ADDR;
    }

    /** Downcall handle of {@code RIOCloseCompletionQueue}; no call state: it cannot fail. */
    public MethodHandle RIOCloseCompletionQueue$handle() {
        return RIOCloseCompletionQueue$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * VOID RIOCloseCompletionQueue(RIO_CQ CQ)
     * }
     */
    public void RIOCloseCompletionQueue(MemorySegment CQ) {
        try {
            RIOCloseCompletionQueue$HANDLE.invokeExact(CQ);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOCreateCompletionQueue} this Rio was bound to. */
    public MemorySegment RIOCreateCompletionQueue$address() {
        return RIOCreateCompletionQueue$ADDR;
    }

    /** Downcall handle of {@code RIOCreateCompletionQueue}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOCreateCompletionQueue$handle() {
        return RIOCreateCompletionQueue$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * RIO_CQ RIOCreateCompletionQueue(DWORD QueueSize, PRIO_NOTIFICATION_COMPLETION NotificationCompletion)
     * }
     *
     * @return the completion queue, or {@code RIO_INVALID_CQ} (NULL) on failure
     */
    public MemorySegment RIOCreateCompletionQueue(MemorySegment callState, int QueueSize,
            MemorySegment NotificationCompletion) {
        try {
            return (MemorySegment) RIOCreateCompletionQueue$HANDLE.invokeExact(callState, QueueSize, NotificationCompletion);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOCreateRequestQueue} this Rio was bound to. */
    public MemorySegment RIOCreateRequestQueue$address() {
        return RIOCreateRequestQueue$ADDR;
    }

    /** Downcall handle of {@code RIOCreateRequestQueue}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOCreateRequestQueue$handle() {
        return RIOCreateRequestQueue$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * RIO_RQ RIOCreateRequestQueue(SOCKET Socket, ULONG MaxOutstandingReceive,
     *                              ULONG MaxReceiveDataBuffers, ULONG MaxOutstandingSend,
     *                              ULONG MaxSendDataBuffers, RIO_CQ ReceiveCQ, RIO_CQ SendCQ,
     *                              PVOID SocketContext)
     * }
     *
     * @return the request queue, or {@code RIO_INVALID_RQ} (NULL) on failure
     */
    public MemorySegment RIOCreateRequestQueue(MemorySegment callState, long Socket,
            int MaxOutstandingReceive,
            int MaxReceiveDataBuffers,
            int MaxOutstandingSend,
            int MaxSendDataBuffers,
            MemorySegment ReceiveCQ,
            MemorySegment SendCQ,
            MemorySegment SocketContext) {
        try {
            return (MemorySegment) RIOCreateRequestQueue$HANDLE.invokeExact(callState, Socket, MaxOutstandingReceive,
                    MaxReceiveDataBuffers, MaxOutstandingSend, MaxSendDataBuffers, ReceiveCQ,
                    SendCQ, SocketContext);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIODequeueCompletion} this Rio was bound to. */
    public MemorySegment RIODequeueCompletion$address() {
        return RIODequeueCompletion$ADDR;
    }

    /** Downcall handle of {@code RIODequeueCompletion}; its first parameter is the {@link CallState}. */
    public MethodHandle RIODequeueCompletion$handle() {
        return RIODequeueCompletion$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * ULONG RIODequeueCompletion(RIO_CQ CQ, PRIORESULT Array, ULONG ArraySize)
     * }
     *
     * @return the number of results written, or {@code RIO_CORRUPT_CQ}
     */
    public int RIODequeueCompletion(MemorySegment callState, MemorySegment CQ, MemorySegment Array,
            int ArraySize) {
        try {
            return (int) RIODequeueCompletion$HANDLE.invokeExact(callState, CQ, Array, ArraySize);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIODeregisterBuffer} this Rio was bound to. */
    public MemorySegment RIODeregisterBuffer$address() {
        return RIODeregisterBuffer$ADDR;
    }

    /** Downcall handle of {@code RIODeregisterBuffer}; no call state: it cannot fail. */
    public MethodHandle RIODeregisterBuffer$handle() {
        return RIODeregisterBuffer$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * VOID RIODeregisterBuffer(RIO_BUFFERID BufferId)
     * }
     */
    public void RIODeregisterBuffer(MemorySegment BufferId) {
        try {
            RIODeregisterBuffer$HANDLE.invokeExact(BufferId);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIONotify} this Rio was bound to. */
    public MemorySegment RIONotify$address() {
        return RIONotify$ADDR;
    }

    /** Downcall handle of {@code RIONotify}; its first parameter is the {@link CallState}. */
    public MethodHandle RIONotify$handle() {
        return RIONotify$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * INT RIONotify(RIO_CQ CQ)
     * }
     *
     * @return {@code ERROR_SUCCESS} (0) on success, else an error code
     */
    public int RIONotify(MemorySegment callState, MemorySegment CQ) {
        try {
            return (int) RIONotify$HANDLE.invokeExact(callState, CQ);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIORegisterBuffer} this Rio was bound to. */
    public MemorySegment RIORegisterBuffer$address() {
        return RIORegisterBuffer$ADDR;
    }

    /** Downcall handle of {@code RIORegisterBuffer}; its first parameter is the {@link CallState}. */
    public MethodHandle RIORegisterBuffer$handle() {
        return RIORegisterBuffer$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * RIO_BUFFERID RIORegisterBuffer(PCHAR DataBuffer, DWORD DataLength)
     * }
     *
     * @return the buffer id, or {@code RIO_INVALID_BUFFERID} on failure
     */
    public MemorySegment RIORegisterBuffer(MemorySegment callState, MemorySegment DataBuffer,
            int DataLength) {
        try {
            return (MemorySegment) RIORegisterBuffer$HANDLE.invokeExact(callState, DataBuffer, DataLength);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOResizeCompletionQueue} this Rio was bound to. */
    public MemorySegment RIOResizeCompletionQueue$address() {
        return RIOResizeCompletionQueue$ADDR;
    }

    /** Downcall handle of {@code RIOResizeCompletionQueue}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOResizeCompletionQueue$handle() {
        return RIOResizeCompletionQueue$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL RIOResizeCompletionQueue(RIO_CQ CQ, DWORD QueueSize)
     * }
     *
     * @return non-zero on success
     */
    public int RIOResizeCompletionQueue(MemorySegment callState, MemorySegment CQ, int QueueSize) {
        try {
            return (int) RIOResizeCompletionQueue$HANDLE.invokeExact(callState, CQ, QueueSize);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The address of {@code RIOResizeRequestQueue} this Rio was bound to. */
    public MemorySegment RIOResizeRequestQueue$address() {
        return RIOResizeRequestQueue$ADDR;
    }

    /** Downcall handle of {@code RIOResizeRequestQueue}; its first parameter is the {@link CallState}. */
    public MethodHandle RIOResizeRequestQueue$handle() {
        return RIOResizeRequestQueue$HANDLE;
    }

    /**
     * {@snippet lang=c :
     * BOOL RIOResizeRequestQueue(RIO_RQ RQ, DWORD MaxOutstandingReceive, DWORD MaxOutstandingSend)
     * }
     *
     * @return non-zero on success
     */
    public int RIOResizeRequestQueue(MemorySegment callState, MemorySegment RQ,
            int MaxOutstandingReceive, int MaxOutstandingSend) {
        try {
            return (int) RIOResizeRequestQueue$HANDLE.invokeExact(callState, RQ, MaxOutstandingReceive,
                    MaxOutstandingSend);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
