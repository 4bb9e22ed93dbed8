package org.iocp4j.core.windows;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.iocp4j.core.PageAllocator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link Win32} that forwards to another one after checking that every pointer argument, over the extent
 * the function will touch, lies inside memory handed out by {@link #memory()} and not yet freed — including
 * the buffers that WSABUF arrays point to. A violation throws {@link IllegalArgumentException} naming the
 * function, the parameter and the address, before the call is made.
 *
 * <p>This is the contract a process-crossing implementation (the Wine bridge) depends on: memory outside the
 * shared region does not exist on the other side. Wrap the bridge, or {@link Win32Direct} in tests, with it.
 */
public final class CheckedWin32 implements Win32 {
    private static final long OVERLAPPED_BYTES = 32;
    private static final long OVERLAPPED_ENTRY_BYTES = 32;
    private static final long WSABUF_BYTES = 16;
    private static final long WSADATA_BYTES = 408;
    private static final long DWORD_BYTES = 4;
    private static final long POINTER_BYTES = 8;

    private final Win32 delegate;
    private final TrackingMemory memory;

    /** Checks calls made to {@code delegate}; memory is {@code delegate.memory()}, tracked. */
    public CheckedWin32(Win32 delegate) {
        this.delegate = delegate;
        this.memory = new TrackingMemory(delegate.memory());
    }

    @Override
    public PageAllocator memory() {
        return memory;
    }

    /** Whether {@code [address, address + length)} lies inside one live allocation of {@link #memory()}. */
    public boolean contains(long address, long length) {
        return memory.contains(address, length);
    }

    @Override
    public int lastError() {
        return delegate.lastError();
    }

    private void require(String function, String parameter, MemorySegment pointer, long length) {
        if (pointer == null) {
            throw new IllegalArgumentException(function + ": " + parameter + " is null (use MemorySegment.NULL)");
        }
        if (!contains(pointer.address(), Math.max(length, 1))) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s = 0x%x (%d bytes) is not inside memory from Win32.memory()",
                    function, parameter, pointer.address(), length));
        }
    }

    private void optional(String function, String parameter, MemorySegment pointer, long length) {
        if (pointer == null || pointer.address() != 0) {
            require(function, parameter, pointer, length);
        }
    }

    /** A WSABUF array and every buffer it describes (a zero-length entry may point anywhere). */
    private void wsabufs(String function, MemorySegment buffers, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException(function + ": dwBufferCount = " + count + " is not positive");
        }
        require(function, "lpBuffers", buffers, count * WSABUF_BYTES);
        MemorySegment array = buffers.reinterpret(count * WSABUF_BYTES);
        for (int i = 0; i < count; i++) {
            long len = Integer.toUnsignedLong(array.get(ValueLayout.JAVA_INT_UNALIGNED, i * WSABUF_BYTES));
            long buf = array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * WSABUF_BYTES + 8);
            if (len != 0 && !contains(buf, len)) {
                throw new IllegalArgumentException(String.format(
                        "%s: lpBuffers[%d].buf = 0x%x (%d bytes) is not inside memory from Win32.memory()",
                        function, i, buf, len));
            }
        }
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingPort, long completionKey,
            int numberOfConcurrentThreads) {
        return delegate.CreateIoCompletionPort(fileHandle, existingPort, completionKey, numberOfConcurrentThreads);
    }

    @Override
    public int GetQueuedCompletionStatusEx(long completionPort, MemorySegment entries, int count,
            MemorySegment numEntriesRemoved, int milliseconds) {
        require("GetQueuedCompletionStatusEx", "lpCompletionPortEntries", entries,
                Integer.toUnsignedLong(count) * OVERLAPPED_ENTRY_BYTES);
        require("GetQueuedCompletionStatusEx", "ulNumEntriesRemoved", numEntriesRemoved, DWORD_BYTES);
        return delegate.GetQueuedCompletionStatusEx(completionPort, entries, count, numEntriesRemoved, milliseconds);
    }

    @Override
    public int PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
            MemorySegment overlapped) {
        optional("PostQueuedCompletionStatus", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.PostQueuedCompletionStatus(completionPort, numberOfBytesTransferred, completionKey,
                overlapped);
    }

    @Override
    public int CloseHandle(long handle) {
        return delegate.CloseHandle(handle);
    }

    @Override
    public int CancelIoEx(long handle, MemorySegment overlapped) {
        optional("CancelIoEx", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.CancelIoEx(handle, overlapped);
    }

    @Override
    public int SetFileCompletionNotificationModes(long handle, int flags) {
        return delegate.SetFileCompletionNotificationModes(handle, flags);
    }

    @Override
    public long CreateFileW(MemorySegment fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes) {
        require("CreateFileW", "lpFileName", fileName, utf16Length(fileName));
        return delegate.CreateFileW(fileName, desiredAccess, shareMode, creationDisposition, flagsAndAttributes);
    }

    /** Bytes of the NUL-terminated UTF-16 string at {@code name}, terminator included, read within its allocation. */
    private long utf16Length(MemorySegment name) {
        long start = name.address();
        long end = memory.endOf(start);
        if (end < 0) {
            return 2;
        }
        MemorySegment chars = name.reinterpret(end - start);
        for (long i = 0; i + 2 <= chars.byteSize(); i += 2) {
            if (chars.get(ValueLayout.JAVA_SHORT_UNALIGNED, i) == 0) {
                return i + 2;
            }
        }
        throw new IllegalArgumentException(String.format(
                "CreateFileW: lpFileName = 0x%x has no NUL terminator inside its allocation", start));
    }

    @Override
    public int ReadFile(long file, MemorySegment buffer, int numberOfBytesToRead, MemorySegment numberOfBytesRead,
            MemorySegment overlapped) {
        require("ReadFile", "lpBuffer", buffer, Integer.toUnsignedLong(numberOfBytesToRead));
        optional("ReadFile", "lpNumberOfBytesRead", numberOfBytesRead, DWORD_BYTES);
        optional("ReadFile", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.ReadFile(file, buffer, numberOfBytesToRead, numberOfBytesRead, overlapped);
    }

    @Override
    public int GetOverlappedResult(long file, MemorySegment overlapped, MemorySegment numberOfBytesTransferred) {
        require("GetOverlappedResult", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        require("GetOverlappedResult", "lpNumberOfBytesTransferred", numberOfBytesTransferred, DWORD_BYTES);
        return delegate.GetOverlappedResult(file, overlapped, numberOfBytesTransferred);
    }

    @Override
    public int GetFileSizeEx(long file, MemorySegment fileSize) {
        require("GetFileSizeEx", "lpFileSize", fileSize, 8);
        return delegate.GetFileSizeEx(file, fileSize);
    }

    @Override
    public int WSAStartup(int versionRequested, MemorySegment wsaData) {
        require("WSAStartup", "lpWSAData", wsaData, WSADATA_BYTES);
        return delegate.WSAStartup(versionRequested, wsaData);
    }

    @Override
    public long WSASocketW(int af, int type, int protocol, int flags) {
        return delegate.WSASocketW(af, type, protocol, flags);
    }

    @Override
    public int bind(long socket, MemorySegment name, int nameLength) {
        require("bind", "name", name, nameLength);
        return delegate.bind(socket, name, nameLength);
    }

    @Override
    public int listen(long socket, int backlog) {
        return delegate.listen(socket, backlog);
    }

    @Override
    public int closesocket(long socket) {
        return delegate.closesocket(socket);
    }

    @Override
    public int shutdown(long socket, int how) {
        return delegate.shutdown(socket, how);
    }

    @Override
    public int setsockopt(long socket, int level, int optionName, MemorySegment optionValue, int optionLength) {
        optional("setsockopt", "optval", optionValue, optionLength);
        return delegate.setsockopt(socket, level, optionName, optionValue, optionLength);
    }

    @Override
    public int getsockopt(long socket, int level, int optionName, MemorySegment optionValue,
            MemorySegment optionLength) {
        require("getsockopt", "optlen", optionLength, DWORD_BYTES);
        require("getsockopt", "optval", optionValue, inOutLength(optionLength));
        return delegate.getsockopt(socket, level, optionName, optionValue, optionLength);
    }

    @Override
    public int getsockname(long socket, MemorySegment name, MemorySegment nameLength) {
        require("getsockname", "namelen", nameLength, DWORD_BYTES);
        require("getsockname", "name", name, inOutLength(nameLength));
        return delegate.getsockname(socket, name, nameLength);
    }

    @Override
    public int getpeername(long socket, MemorySegment name, MemorySegment nameLength) {
        require("getpeername", "namelen", nameLength, DWORD_BYTES);
        require("getpeername", "name", name, inOutLength(nameLength));
        return delegate.getpeername(socket, name, nameLength);
    }

    private static long inOutLength(MemorySegment length) {
        return length.reinterpret(DWORD_BYTES).get(ValueLayout.JAVA_INT_UNALIGNED, 0);
    }

    @Override
    public int WSAIoctl(long socket, int ioControlCode, MemorySegment inBuffer, int inBufferLength,
            MemorySegment outBuffer, int outBufferLength, MemorySegment bytesReturned, MemorySegment overlapped) {
        optional("WSAIoctl", "lpvInBuffer", inBuffer, Integer.toUnsignedLong(inBufferLength));
        optional("WSAIoctl", "lpvOutBuffer", outBuffer, Integer.toUnsignedLong(outBufferLength));
        require("WSAIoctl", "lpcbBytesReturned", bytesReturned, DWORD_BYTES);
        optional("WSAIoctl", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.WSAIoctl(socket, ioControlCode, inBuffer, inBufferLength, outBuffer, outBufferLength,
                bytesReturned, overlapped);
    }

    @Override
    public int WSARecv(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesRecvd,
            MemorySegment flags, MemorySegment overlapped) {
        wsabufs("WSARecv", buffers, bufferCount);
        optional("WSARecv", "lpNumberOfBytesRecvd", numberOfBytesRecvd, DWORD_BYTES);
        require("WSARecv", "lpFlags", flags, DWORD_BYTES);
        optional("WSARecv", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.WSARecv(socket, buffers, bufferCount, numberOfBytesRecvd, flags, overlapped);
    }

    @Override
    public int WSASend(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesSent,
            int flags, MemorySegment overlapped) {
        wsabufs("WSASend", buffers, bufferCount);
        optional("WSASend", "lpNumberOfBytesSent", numberOfBytesSent, DWORD_BYTES);
        optional("WSASend", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.WSASend(socket, buffers, bufferCount, numberOfBytesSent, flags, overlapped);
    }

    @Override
    public int WSAGetOverlappedResult(long socket, MemorySegment overlapped, MemorySegment transferred,
            MemorySegment flags) {
        require("WSAGetOverlappedResult", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        require("WSAGetOverlappedResult", "lpcbTransfer", transferred, DWORD_BYTES);
        require("WSAGetOverlappedResult", "lpdwFlags", flags, DWORD_BYTES);
        return delegate.WSAGetOverlappedResult(socket, overlapped, transferred, flags);
    }

    private static long acceptExBytes(int receiveDataLength, int localAddressLength, int remoteAddressLength) {
        return Integer.toUnsignedLong(receiveDataLength) + Integer.toUnsignedLong(localAddressLength)
                + Integer.toUnsignedLong(remoteAddressLength);
    }

    @Override
    public int AcceptEx(long listenSocket, long acceptSocket, MemorySegment outputBuffer, int receiveDataLength,
            int localAddressLength, int remoteAddressLength, MemorySegment bytesReceived, MemorySegment overlapped) {
        require("AcceptEx", "lpOutputBuffer", outputBuffer,
                acceptExBytes(receiveDataLength, localAddressLength, remoteAddressLength));
        require("AcceptEx", "lpdwBytesReceived", bytesReceived, DWORD_BYTES);
        require("AcceptEx", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.AcceptEx(listenSocket, acceptSocket, outputBuffer, receiveDataLength, localAddressLength,
                remoteAddressLength, bytesReceived, overlapped);
    }

    @Override
    public void GetAcceptExSockaddrs(MemorySegment outputBuffer, int receiveDataLength, int localAddressLength,
            int remoteAddressLength, MemorySegment localSockaddr, MemorySegment localSockaddrLength,
            MemorySegment remoteSockaddr, MemorySegment remoteSockaddrLength) {
        require("GetAcceptExSockaddrs", "lpOutputBuffer", outputBuffer,
                acceptExBytes(receiveDataLength, localAddressLength, remoteAddressLength));
        require("GetAcceptExSockaddrs", "LocalSockaddr", localSockaddr, POINTER_BYTES);
        require("GetAcceptExSockaddrs", "LocalSockaddrLength", localSockaddrLength, DWORD_BYTES);
        require("GetAcceptExSockaddrs", "RemoteSockaddr", remoteSockaddr, POINTER_BYTES);
        require("GetAcceptExSockaddrs", "RemoteSockaddrLength", remoteSockaddrLength, DWORD_BYTES);
        delegate.GetAcceptExSockaddrs(outputBuffer, receiveDataLength, localAddressLength, remoteAddressLength,
                localSockaddr, localSockaddrLength, remoteSockaddr, remoteSockaddrLength);
    }

    @Override
    public int ConnectEx(long socket, MemorySegment name, int nameLength, MemorySegment sendBuffer,
            int sendDataLength, MemorySegment bytesSent, MemorySegment overlapped) {
        require("ConnectEx", "name", name, nameLength);
        optional("ConnectEx", "lpSendBuffer", sendBuffer, Integer.toUnsignedLong(sendDataLength));
        optional("ConnectEx", "lpdwBytesSent", bytesSent, DWORD_BYTES);
        require("ConnectEx", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.ConnectEx(socket, name, nameLength, sendBuffer, sendDataLength, bytesSent, overlapped);
    }

    @Override
    public int DisconnectEx(long socket, MemorySegment overlapped, int flags) {
        optional("DisconnectEx", "lpOverlapped", overlapped, OVERLAPPED_BYTES);
        return delegate.DisconnectEx(socket, overlapped, flags);
    }

    /** The delegate's memory, with the live allocations remembered by start address. */
    private static final class TrackingMemory implements PageAllocator {
        private final PageAllocator delegate;
        private final ConcurrentSkipListMap<Long, Long> live = new ConcurrentSkipListMap<>();

        TrackingMemory(PageAllocator delegate) {
            this.delegate = delegate;
        }

        @Override
        public long pageSize() {
            return delegate.pageSize();
        }

        @Override
        public MemorySegment allocate(long bytes) throws IOException {
            MemorySegment pages = delegate.allocate(bytes);
            live.put(pages.address(), pages.address() + pages.byteSize());
            return pages;
        }

        @Override
        public void free(MemorySegment pages) throws IOException {
            Long end = live.get(pages.address());
            if (end == null) {
                throw new IllegalArgumentException(String.format(
                        "free of 0x%x, which is not the start of a live allocation", pages.address()));
            }
            delegate.free(pages);
            live.remove(pages.address());
        }

        /** End of the live allocation containing {@code address}, or -1. */
        long endOf(long address) {
            Map.Entry<Long, Long> region = live.floorEntry(address);
            return region != null && address < region.getValue() ? region.getValue() : -1;
        }

        boolean contains(long address, long length) {
            long end = endOf(address);
            return end >= 0 && length >= 0 && length <= end - address;
        }
    }
}
