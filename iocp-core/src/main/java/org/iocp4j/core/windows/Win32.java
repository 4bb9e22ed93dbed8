package org.iocp4j.core.windows;

import java.lang.foreign.MemorySegment;
import org.iocp4j.core.PageAllocator;

/**
 * Every Win32 and Winsock call the IOCP backend makes, and the memory it builds its pool, operation blocks
 * and out-parameters on.
 *
 * <p>The interface is narrow so that the backend's decisions can be driven by a test double that scripts
 * each answer and records each call, and {@link Win32Direct} makes the real calls:
 * <ul>
 * <li>Parameters are primitives and {@link MemorySegment}s. Handles ({@code HANDLE}) and sockets
 *     ({@code SOCKET}) are their 64-bit values as {@code long}; every pointer is a native segment (the FFM
 *     linker refuses heap segments). No callbacks: {@code WSAIoctl}'s completion routine and
 *     {@code GetQueuedCompletionStatusEx}'s alertable waits are not part of it.</li>
 * <li>Each method returns what the C function returns ({@code BOOL} as {@code int}, {@code SOCKET_ERROR},
 *     {@code INVALID_SOCKET}, {@code NULL} handle as {@code 0}, {@code INVALID_HANDLE_VALUE} as
 *     {@code -1}). When that value reports failure, the function's error code
 *     ({@code GetLastError()} for kernel32, {@code WSAGetLastError()} for Winsock and the extension
 *     functions) is available from {@link #lastError()} on the same thread until the next failing call
 *     on that thread.</li>
 * <li>What an overlapped call leaves to Windows (the OVERLAPPED, the data buffers a WSABUF array describes,
 *     AcceptEx's output buffer) stays allocated until its completion is delivered: Windows reads and writes
 *     it until then. These live in operation blocks and pool buffers, which the engine reuses only after
 *     the completion.</li>
 * </ul>
 *
 * <p>Names and parameter order are those of the Windows headers; see the Microsoft documentation of each
 * function. Implementations are thread-safe.
 */
public interface Win32 {

    /**
     * Where the backend and its engine get native memory: page-aligned, zero-filled, read-write pages
     * ({@code VirtualAlloc} in {@link Win32Direct}), so that a buffer under overlapped I/O locks no more
     * pages than it spans.
     */
    PageAllocator memory();

    /**
     * The error code of the most recent call on this thread whose result reported failure
     * ({@code GetLastError()} or {@code WSAGetLastError()}, whichever the failing function documents).
     */
    int lastError();

    // ---- kernel32: completion ports ----

    /**
     * {@code HANDLE CreateIoCompletionPort(HANDLE FileHandle, HANDLE ExistingCompletionPort,
     * ULONG_PTR CompletionKey, DWORD NumberOfConcurrentThreads)}: creates a port ({@code fileHandle} =
     * {@code INVALID_HANDLE_VALUE}, {@code existingPort} = 0) or associates a handle or socket with one.
     *
     * @return the port handle, 0 on failure
     */
    long CreateIoCompletionPort(long fileHandle, long existingPort, long completionKey, int numberOfConcurrentThreads);

    /**
     * {@code BOOL GetQueuedCompletionStatusEx(HANDLE CompletionPort, LPOVERLAPPED_ENTRY lpCompletionPortEntries,
     * ULONG ulCount, PULONG ulNumEntriesRemoved, DWORD dwMilliseconds, FALSE)}, never alertable.
     *
     * @param entries {@code count} OVERLAPPED_ENTRY structures (32 bytes each)
     * @param numEntriesRemoved a ULONG out-parameter; meaningful only when the call returns TRUE
     * @return nonzero when at least one entry was dequeued; 0 with {@link #lastError()} = WAIT_TIMEOUT (258)
     *     when the timeout elapsed
     */
    int GetQueuedCompletionStatusEx(long completionPort, MemorySegment entries, int count,
            MemorySegment numEntriesRemoved, int milliseconds);

    /**
     * {@code BOOL PostQueuedCompletionStatus(HANDLE CompletionPort, DWORD dwNumberOfBytesTransferred,
     * ULONG_PTR dwCompletionKey, LPOVERLAPPED lpOverlapped)}.
     *
     * @param overlapped delivered as-is in the dequeued entry; may be NULL
     * @return nonzero on success
     */
    int PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
            MemorySegment overlapped);

    /** {@code BOOL CloseHandle(HANDLE hObject)}; nonzero on success. */
    int CloseHandle(long handle);

    /**
     * {@code BOOL CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)}: cancels one operation, or all of
     * the process's operations on the handle when {@code overlapped} is NULL.
     *
     * @return nonzero when a cancellation was requested; 0 with ERROR_NOT_FOUND (1168) when nothing was pending
     */
    int CancelIoEx(long handle, MemorySegment overlapped);

    /**
     * {@code BOOL SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags)}.
     *
     * @param flags FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE (a UCHAR)
     * @return nonzero on success
     */
    int SetFileCompletionNotificationModes(long handle, int flags);

    // ---- kernel32: files ----

    /**
     * {@code HANDLE CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
     * NULL, DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes, NULL)}: security attributes and the
     * template handle are always NULL.
     *
     * @param fileName a NUL-terminated UTF-16LE path
     * @return the handle, INVALID_HANDLE_VALUE (-1) on failure
     */
    long CreateFileW(MemorySegment fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes);

    /**
     * {@code BOOL ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
     * LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped)}.
     *
     * @return nonzero when the read completed at once; 0 with ERROR_IO_PENDING (997) when it is in flight,
     *     ERROR_HANDLE_EOF (38) at end of file, another code on failure
     */
    int ReadFile(long file, MemorySegment buffer, int numberOfBytesToRead, MemorySegment numberOfBytesRead,
            MemorySegment overlapped);

    /**
     * {@code BOOL GetOverlappedResult(HANDLE hFile, LPOVERLAPPED lpOverlapped,
     * LPDWORD lpNumberOfBytesTransferred, FALSE)}: never waits. The backend uses it to turn a file
     * completion's NTSTATUS into a Win32 error code.
     *
     * @return nonzero when the operation succeeded; 0 with its Win32 error code otherwise
     */
    int GetOverlappedResult(long file, MemorySegment overlapped, MemorySegment numberOfBytesTransferred);

    /** {@code BOOL GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize)}; nonzero on success. */
    int GetFileSizeEx(long file, MemorySegment fileSize);

    // ---- Winsock ----

    /**
     * {@code int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData)}.
     *
     * @param wsaData a WSADATA (408 bytes)
     * @return 0 on success, else the error code itself ({@link #lastError()} is not involved)
     */
    int WSAStartup(int versionRequested, MemorySegment wsaData);

    /**
     * {@code SOCKET WSASocketW(int af, int type, int protocol, NULL, 0, DWORD dwFlags)}.
     *
     * @return the socket, INVALID_SOCKET (~0) on failure
     */
    long WSASocketW(int af, int type, int protocol, int flags);

    /** {@code int bind(SOCKET s, const sockaddr *name, int namelen)}; 0 or SOCKET_ERROR. */
    int bind(long socket, MemorySegment name, int nameLength);

    /** {@code int listen(SOCKET s, int backlog)}; 0 or SOCKET_ERROR. */
    int listen(long socket, int backlog);

    /** {@code int closesocket(SOCKET s)}; 0 or SOCKET_ERROR. */
    int closesocket(long socket);

    /** {@code int shutdown(SOCKET s, int how)}; 0 or SOCKET_ERROR. */
    int shutdown(long socket, int how);

    /** {@code int setsockopt(SOCKET s, int level, int optname, const char *optval, int optlen)}; 0 or SOCKET_ERROR. */
    int setsockopt(long socket, int level, int optionName, MemorySegment optionValue, int optionLength);

    /**
     * {@code int getsockopt(SOCKET s, int level, int optname, char *optval, int *optlen)}; 0 or SOCKET_ERROR.
     *
     * @param optionLength an int in/out-parameter: the size of {@code optionValue}, then the size written
     */
    int getsockopt(long socket, int level, int optionName, MemorySegment optionValue, MemorySegment optionLength);

    /** {@code int getsockname(SOCKET s, sockaddr *name, int *namelen)}; 0 or SOCKET_ERROR. */
    int getsockname(long socket, MemorySegment name, MemorySegment nameLength);

    /** {@code int getpeername(SOCKET s, sockaddr *name, int *namelen)}; 0 or SOCKET_ERROR. */
    int getpeername(long socket, MemorySegment name, MemorySegment nameLength);

    /**
     * {@code int WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
     * LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned, LPWSAOVERLAPPED lpOverlapped, NULL)}.
     *
     * @return 0 or SOCKET_ERROR
     */
    int WSAIoctl(long socket, int ioControlCode, MemorySegment inBuffer, int inBufferLength,
            MemorySegment outBuffer, int outBufferLength, MemorySegment bytesReturned, MemorySegment overlapped);

    /**
     * {@code int WSARecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
     * LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped, NULL)}.
     *
     * @param buffers {@code bufferCount} WSABUFs
     * @return 0 when the receive completed at once; SOCKET_ERROR with WSA_IO_PENDING (997) when in flight
     */
    int WSARecv(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesRecvd,
            MemorySegment flags, MemorySegment overlapped);

    /**
     * {@code int WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
     * DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped, NULL)}.
     *
     * @return 0 when the send completed at once; SOCKET_ERROR with WSA_IO_PENDING (997) when in flight
     */
    int WSASend(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesSent, int flags,
            MemorySegment overlapped);

    /**
     * {@code BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
     * FALSE, LPDWORD lpdwFlags)}: never waits. The backend uses it to turn a socket completion's NTSTATUS
     * into a Winsock error code.
     *
     * @return nonzero when the operation succeeded; 0 with its Winsock error code otherwise
     */
    int WSAGetOverlappedResult(long socket, MemorySegment overlapped, MemorySegment transferred, MemorySegment flags);

    // ---- Microsoft extension functions (mswsock) ----

    /**
     * {@code BOOL AcceptEx(SOCKET sListenSocket, SOCKET sAcceptSocket, PVOID lpOutputBuffer,
     * DWORD dwReceiveDataLength, DWORD dwLocalAddressLength, DWORD dwRemoteAddressLength,
     * LPDWORD lpdwBytesReceived, LPOVERLAPPED lpOverlapped)}.
     *
     * @return nonzero when a connection was accepted at once; 0 with ERROR_IO_PENDING (997) when pending
     */
    int AcceptEx(long listenSocket, long acceptSocket, MemorySegment outputBuffer, int receiveDataLength,
            int localAddressLength, int remoteAddressLength, MemorySegment bytesReceived, MemorySegment overlapped);

    /**
     * {@code VOID GetAcceptExSockaddrs(PVOID lpOutputBuffer, DWORD dwReceiveDataLength,
     * DWORD dwLocalAddressLength, DWORD dwRemoteAddressLength, sockaddr **LocalSockaddr,
     * LPINT LocalSockaddrLength, sockaddr **RemoteSockaddr, LPINT RemoteSockaddrLength)}. The two
     * {@code sockaddr*} written point into {@code outputBuffer}.
     */
    void GetAcceptExSockaddrs(MemorySegment outputBuffer, int receiveDataLength, int localAddressLength,
            int remoteAddressLength, MemorySegment localSockaddr, MemorySegment localSockaddrLength,
            MemorySegment remoteSockaddr, MemorySegment remoteSockaddrLength);

    /**
     * {@code BOOL ConnectEx(SOCKET s, const sockaddr *name, int namelen, PVOID lpSendBuffer,
     * DWORD dwSendDataLength, LPDWORD lpdwBytesSent, LPOVERLAPPED lpOverlapped)}; the socket must be bound.
     *
     * @return nonzero when connected at once; 0 with ERROR_IO_PENDING (997) when pending
     */
    int ConnectEx(long socket, MemorySegment name, int nameLength, MemorySegment sendBuffer, int sendDataLength,
            MemorySegment bytesSent, MemorySegment overlapped);

    /**
     * {@code BOOL DisconnectEx(SOCKET s, LPOVERLAPPED lpOverlapped, DWORD dwFlags, 0)}.
     *
     * @return nonzero when disconnected at once; 0 with ERROR_IO_PENDING (997) when pending
     */
    int DisconnectEx(long socket, MemorySegment overlapped, int flags);
}
