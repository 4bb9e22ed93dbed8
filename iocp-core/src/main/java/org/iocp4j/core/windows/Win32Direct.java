package org.iocp4j.core.windows;

import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.iocp4j.bindings.CallState;
import org.iocp4j.core.PageAllocator;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.windows.Kernel32;
import org.iocp4j.bindings.windows.Kernel32Constants;
import org.iocp4j.bindings.windows.Mswsock;
import org.iocp4j.bindings.windows.WinsockConstants;
import org.iocp4j.bindings.windows.Ws2_32;

/**
 * The production {@link Win32}: each method calls the static binding of the same name with this thread's
 * {@link CallState} and, when the result reports failure, keeps the captured error code for
 * {@link #lastError()}. Memory comes from
 * {@link PageAllocator#forCurrentOs()} ({@code VirtualAlloc} on Windows).
 *
 * <p>The extension functions (AcceptEx, GetAcceptExSockaddrs, ConnectEx, DisconnectEx) are looked up once
 * per process, on first use, through {@code WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)} on a TCP socket
 * made for the purpose: every TCP/IP socket (IPv4 and IPv6) belongs to the same Microsoft provider, whose
 * pointers they share. {@link #WSAStartup} must have succeeded before.
 */
public final class Win32Direct implements Win32 {

    /**
     * This thread's capture block and the last error it reported, shared by every instance as the thread's
     * {@code GetLastError()} is; lives as long as the thread uses it.
     */
    private static final class ThreadState {
        final MemorySegment callState = CallState.allocate(Arena.ofAuto());
        int lastError;
    }

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

    private static volatile Mswsock extensions;

    private final PageAllocator memory = PageAllocator.forCurrentOs();

    /** Creates the implementation; no native call happens until a method is used. */
    public Win32Direct() {
    }

    @Override
    public PageAllocator memory() {
        return memory;
    }

    @Override
    public int lastError() {
        return STATE.get().lastError;
    }

    private static MemorySegment state() {
        return STATE.get().callState;
    }

    /** Records {@code GetLastError()} when {@code failed}. */
    private static void kernel32(boolean failed) {
        if (failed) {
            ThreadState s = STATE.get();
            s.lastError = CallState.getLastError(s.callState);
        }
    }

    /** Records {@code WSAGetLastError()} when {@code failed}. */
    private static void winsock(boolean failed) {
        if (failed) {
            ThreadState s = STATE.get();
            s.lastError = CallState.wsaGetLastError(s.callState);
        }
    }

    private static MemorySegment handle(long value) {
        return MemorySegment.ofAddress(value);
    }

    private static Mswsock extensions() {
        Mswsock loaded = extensions;
        if (loaded == null) {
            synchronized (Win32Direct.class) {
                loaded = extensions;
                if (loaded == null) {
                    loaded = loadExtensions();
                    extensions = loaded;
                }
            }
        }
        return loaded;
    }

    private static Mswsock loadExtensions() {
        MemorySegment state = state();
        long socket = Ws2_32.WSASocketW(state, WinsockConstants.AF_INET, WinsockConstants.SOCK_STREAM,
                WinsockConstants.IPPROTO_TCP, MemorySegment.NULL, 0, WinsockConstants.WSA_FLAG_OVERLAPPED);
        if (socket == WinsockConstants.INVALID_SOCKET) {
            throw new UncheckedIOException(new NativeException("WSASocketW (to load the extension functions)",
                    CallState.wsaGetLastError(state), null));
        }
        try {
            return Mswsock.load(state, socket);
        } catch (NativeException e) {
            throw new UncheckedIOException(e);
        } finally {
            Ws2_32.closesocket(state, socket);
        }
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingPort, long completionKey,
            int numberOfConcurrentThreads) {
        long port = Kernel32.CreateIoCompletionPort(state(), handle(fileHandle), handle(existingPort),
                completionKey, numberOfConcurrentThreads).address();
        kernel32(port == 0);
        return port;
    }

    @Override
    public int GetQueuedCompletionStatusEx(long completionPort, MemorySegment entries, int count,
            MemorySegment numEntriesRemoved, int milliseconds) {
        int r = Kernel32.GetQueuedCompletionStatusEx(state(), handle(completionPort), entries, count,
                numEntriesRemoved, milliseconds, 0);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
            MemorySegment overlapped) {
        int r = Kernel32.PostQueuedCompletionStatus(state(), handle(completionPort), numberOfBytesTransferred,
                completionKey, overlapped);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int CloseHandle(long handle) {
        int r = Kernel32.CloseHandle(state(), handle(handle));
        kernel32(r == 0);
        return r;
    }

    @Override
    public int CancelIoEx(long handle, MemorySegment overlapped) {
        int r = Kernel32.CancelIoEx(state(), handle(handle), overlapped);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int SetFileCompletionNotificationModes(long handle, int flags) {
        int r = Kernel32.SetFileCompletionNotificationModes(state(), handle(handle), (byte) flags);
        kernel32(r == 0);
        return r;
    }

    @Override
    public long CreateFileW(MemorySegment fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes) {
        long file = Kernel32.CreateFileW(state(), fileName, desiredAccess, shareMode, MemorySegment.NULL,
                creationDisposition, flagsAndAttributes, MemorySegment.NULL).address();
        kernel32(file == Kernel32Constants.INVALID_HANDLE_VALUE);
        return file;
    }

    @Override
    public int ReadFile(long file, MemorySegment buffer, int numberOfBytesToRead, MemorySegment numberOfBytesRead,
            MemorySegment overlapped) {
        int r = Kernel32.ReadFile(state(), handle(file), buffer, numberOfBytesToRead, numberOfBytesRead, overlapped);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int GetOverlappedResult(long file, MemorySegment overlapped, MemorySegment numberOfBytesTransferred) {
        int r = Kernel32.GetOverlappedResult(state(), handle(file), overlapped, numberOfBytesTransferred, 0);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int GetFileSizeEx(long file, MemorySegment fileSize) {
        int r = Kernel32.GetFileSizeEx(state(), handle(file), fileSize);
        kernel32(r == 0);
        return r;
    }

    @Override
    public int WSAStartup(int versionRequested, MemorySegment wsaData) {
        return Ws2_32.WSAStartup((short) versionRequested, wsaData);
    }

    @Override
    public long WSASocketW(int af, int type, int protocol, int flags) {
        long s = Ws2_32.WSASocketW(state(), af, type, protocol, MemorySegment.NULL, 0, flags);
        winsock(s == WinsockConstants.INVALID_SOCKET);
        return s;
    }

    @Override
    public int bind(long socket, MemorySegment name, int nameLength) {
        int r = Ws2_32.bind(state(), socket, name, nameLength);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int listen(long socket, int backlog) {
        int r = Ws2_32.listen(state(), socket, backlog);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int closesocket(long socket) {
        int r = Ws2_32.closesocket(state(), socket);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int shutdown(long socket, int how) {
        int r = Ws2_32.shutdown(state(), socket, how);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int setsockopt(long socket, int level, int optionName, MemorySegment optionValue, int optionLength) {
        int r = Ws2_32.setsockopt(state(), socket, level, optionName, optionValue, optionLength);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int getsockopt(long socket, int level, int optionName, MemorySegment optionValue,
            MemorySegment optionLength) {
        int r = Ws2_32.getsockopt(state(), socket, level, optionName, optionValue, optionLength);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int getsockname(long socket, MemorySegment name, MemorySegment nameLength) {
        int r = Ws2_32.getsockname(state(), socket, name, nameLength);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int getpeername(long socket, MemorySegment name, MemorySegment nameLength) {
        int r = Ws2_32.getpeername(state(), socket, name, nameLength);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int WSAIoctl(long socket, int ioControlCode, MemorySegment inBuffer, int inBufferLength,
            MemorySegment outBuffer, int outBufferLength, MemorySegment bytesReturned, MemorySegment overlapped) {
        int r = Ws2_32.WSAIoctl(state(), socket, ioControlCode, inBuffer, inBufferLength, outBuffer,
                outBufferLength, bytesReturned, overlapped, MemorySegment.NULL);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int WSARecv(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesRecvd,
            MemorySegment flags, MemorySegment overlapped) {
        int r = Ws2_32.WSARecv(state(), socket, buffers, bufferCount, numberOfBytesRecvd, flags, overlapped,
                MemorySegment.NULL);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int WSASend(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesSent,
            int flags, MemorySegment overlapped) {
        int r = Ws2_32.WSASend(state(), socket, buffers, bufferCount, numberOfBytesSent, flags, overlapped,
                MemorySegment.NULL);
        winsock(r == WinsockConstants.SOCKET_ERROR);
        return r;
    }

    @Override
    public int WSAGetOverlappedResult(long socket, MemorySegment overlapped, MemorySegment transferred,
            MemorySegment flags) {
        int r = Ws2_32.WSAGetOverlappedResult(state(), socket, overlapped, transferred, 0, flags);
        winsock(r == 0);
        return r;
    }

    @Override
    public int AcceptEx(long listenSocket, long acceptSocket, MemorySegment outputBuffer, int receiveDataLength,
            int localAddressLength, int remoteAddressLength, MemorySegment bytesReceived, MemorySegment overlapped) {
        int r = extensions().AcceptEx(state(), listenSocket, acceptSocket, outputBuffer, receiveDataLength,
                localAddressLength, remoteAddressLength, bytesReceived, overlapped);
        winsock(r == 0);
        return r;
    }

    @Override
    public void GetAcceptExSockaddrs(MemorySegment outputBuffer, int receiveDataLength, int localAddressLength,
            int remoteAddressLength, MemorySegment localSockaddr, MemorySegment localSockaddrLength,
            MemorySegment remoteSockaddr, MemorySegment remoteSockaddrLength) {
        extensions().GetAcceptExSockaddrs(outputBuffer, receiveDataLength, localAddressLength, remoteAddressLength,
                localSockaddr, localSockaddrLength, remoteSockaddr, remoteSockaddrLength);
    }

    @Override
    public int ConnectEx(long socket, MemorySegment name, int nameLength, MemorySegment sendBuffer,
            int sendDataLength, MemorySegment bytesSent, MemorySegment overlapped) {
        int r = extensions().ConnectEx(state(), socket, name, nameLength, sendBuffer, sendDataLength, bytesSent,
                overlapped);
        winsock(r == 0);
        return r;
    }

    @Override
    public int DisconnectEx(long socket, MemorySegment overlapped, int flags) {
        int r = extensions().DisconnectEx(state(), socket, overlapped, flags, 0);
        winsock(r == 0);
        return r;
    }
}
