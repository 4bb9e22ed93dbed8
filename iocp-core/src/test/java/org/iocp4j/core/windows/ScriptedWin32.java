package org.iocp4j.core.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.iocp4j.core.PageAllocator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test double of {@link Win32}: records every call, answers from scripts the test queues per function,
 * and simulates one completion port's queue (posts, and kernel completions the test injects with
 * {@link #complete}). No real Windows is involved; the point is to drive the backend's decisions.
 *
 * <p>A function without a queued script answers like Windows when an overlapped operation goes pending
 * ({@code SOCKET_ERROR}/{@code FALSE} with 997) for the I/O calls, and with success for the others.
 */
final class ScriptedWin32 implements Win32 {
    static final int ERROR_IO_PENDING = 997;
    static final int WAIT_TIMEOUT = 258;

    /** One recorded call: the function and its arguments (segments as addresses). */
    record Call(String function, List<Long> args) {
        long arg(int i) {
            return args.get(i);
        }
    }

    /** What a scripted call does: its return value and, when it fails, the error it reports. */
    @FunctionalInterface
    interface Script {
        long answer(ScriptedWin32 win32, Object[] args);
    }

    private final Arena arena = Arena.ofShared();
    private final Set<Long> live = ConcurrentHashMap.newKeySet();
    private final PageAllocator memory = new PageAllocator() {
        @Override
        public long pageSize() {
            return 4096;
        }

        @Override
        public MemorySegment allocate(long bytes) {
            MemorySegment pages = arena.allocate(bytes, 4096);
            live.add(pages.address());
            return pages;
        }

        /**
         * Returns nothing to the arena (closing it frees everything) but holds the backend to what Windows
         * needs: VirtualFree(MEM_RELEASE) takes only an allocation's start, and a second free may release
         * memory handed out at that address since.
         */
        @Override
        public void free(MemorySegment pages) {
            if (!live.remove(pages.address())) {
                throw new IllegalArgumentException(String.format(
                        "free of 0x%x, which is not the start of a live allocation", pages.address()));
            }
        }
    };
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Script>> scripts = new HashMap<>();
    private final ThreadLocal<int[]> lastError = ThreadLocal.withInitial(() -> new int[1]);
    private final LinkedBlockingDeque<long[]> port = new LinkedBlockingDeque<>();
    /** Win32 / WSA error that *GetOverlappedResult report for an OVERLAPPED address, set by {@link #complete}. */
    private final Map<Long, int[]> results = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(0x100);

    @Override
    public PageAllocator memory() {
        return memory;
    }

    @Override
    public int lastError() {
        return lastError.get()[0];
    }

    /** Sets this thread's last error and returns {@code result}, for scripts of failing calls. */
    long fail(long result, int error) {
        lastError.get()[0] = error;
        return result;
    }

    /** Queues the answers to the next calls of {@code function}, one script per call. */
    synchronized ScriptedWin32 script(String function, Script... answers) {
        Deque<Script> queue = scripts.computeIfAbsent(function, f -> new ArrayDeque<>());
        for (Script s : answers) {
            queue.add(s);
        }
        return this;
    }

    /** Every call so far, in order. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of {@code function} so far. */
    synchronized List<Call> calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
    }

    /**
     * Simulates the kernel finishing an overlapped operation: writes Internal/InternalHigh into the OVERLAPPED
     * and queues an entry on the port, as Windows does; *GetOverlappedResult will then report {@code error}.
     */
    void complete(long completionKey, long overlapped, int ntStatus, int bytes, int error) {
        MemorySegment ov = MemorySegment.ofAddress(overlapped).reinterpret(32);
        ov.set(ValueLayout.JAVA_LONG, 0, Integer.toUnsignedLong(ntStatus));
        ov.set(ValueLayout.JAVA_LONG, 8, bytes);
        results.put(overlapped, new int[] {error, bytes});
        port.add(new long[] {completionKey, overlapped, Integer.toUnsignedLong(ntStatus), bytes});
    }

    /** Entries waiting in the simulated port. */
    int queued() {
        return port.size();
    }

    private long call(String function, long defaultResult, Object... args) {
        Script script;
        synchronized (this) {
            List<Long> recorded = new ArrayList<>(args.length);
            for (Object a : args) {
                recorded.add(a instanceof MemorySegment m ? m.address() : ((Number) a).longValue());
            }
            calls.add(new Call(function, recorded));
            Deque<Script> queue = scripts.get(function);
            script = queue == null ? null : queue.poll();
        }
        return script != null ? script.answer(this, args) : defaultResult;
    }

    private long pending() {
        return fail(0, ERROR_IO_PENDING);
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingPort, long completionKey, int threads) {
        long dflt = existingPort == 0 ? nextHandle.incrementAndGet() : existingPort;
        return call("CreateIoCompletionPort", dflt, fileHandle, existingPort, completionKey, threads);
    }

    @Override
    public int GetQueuedCompletionStatusEx(long completionPort, MemorySegment entries, int count,
            MemorySegment numEntriesRemoved, int milliseconds) {
        Script script;
        synchronized (this) {
            calls.add(new Call("GetQueuedCompletionStatusEx", List.of(completionPort, entries.address(),
                    (long) count, numEntriesRemoved.address(), (long) milliseconds)));
            Deque<Script> queue = scripts.get("GetQueuedCompletionStatusEx");
            script = queue == null ? null : queue.poll();
        }
        if (script != null) {
            return (int) script.answer(this, new Object[] {completionPort, entries, count, numEntriesRemoved,
                    milliseconds});
        }
        long[] first;
        try {
            first = milliseconds == 0 ? port.poll() : port.poll(milliseconds, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            first = null;
        }
        if (first == null) {
            return (int) fail(0, WAIT_TIMEOUT);
        }
        MemorySegment out = entries.reinterpret(32L * count);
        int n = 0;
        for (long[] e = first; e != null && n < count; e = n < count ? port.poll() : null) {
            out.set(ValueLayout.JAVA_LONG, 32L * n, e[0]);
            out.set(ValueLayout.JAVA_LONG, 32L * n + 8, e[1]);
            out.set(ValueLayout.JAVA_LONG, 32L * n + 16, e[2]);
            out.set(ValueLayout.JAVA_INT, 32L * n + 24, (int) e[3]);
            n++;
        }
        numEntriesRemoved.reinterpret(4).set(ValueLayout.JAVA_INT, 0, n);
        return 1;
    }

    @Override
    public int PostQueuedCompletionStatus(long completionPort, int bytes, long completionKey,
            MemorySegment overlapped) {
        long r = call("PostQueuedCompletionStatus", 1, completionPort, bytes, completionKey, overlapped);
        if (r != 0) {
            port.add(new long[] {completionKey, overlapped.address(), 0, bytes});
        }
        return (int) r;
    }

    @Override
    public int CloseHandle(long handle) {
        return (int) call("CloseHandle", 1, handle);
    }

    @Override
    public int CancelIoEx(long handle, MemorySegment overlapped) {
        return (int) call("CancelIoEx", 1, handle, overlapped);
    }

    @Override
    public int SetFileCompletionNotificationModes(long handle, int flags) {
        return (int) call("SetFileCompletionNotificationModes", 1, handle, flags);
    }

    @Override
    public long CreateFileW(MemorySegment fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes) {
        return call("CreateFileW", nextHandle.incrementAndGet(), fileName, desiredAccess, shareMode,
                creationDisposition, flagsAndAttributes);
    }

    @Override
    public int ReadFile(long file, MemorySegment buffer, int n, MemorySegment read, MemorySegment overlapped) {
        long r = call("ReadFile", -1, file, buffer, n, read, overlapped);
        return (int) (r == -1 ? pending() : r);
    }

    @Override
    public int GetOverlappedResult(long file, MemorySegment overlapped, MemorySegment transferred) {
        long r = call("GetOverlappedResult", -1, file, overlapped, transferred);
        return (int) (r == -1 ? overlappedResult(overlapped, transferred) : r);
    }

    @Override
    public int GetFileSizeEx(long file, MemorySegment fileSize) {
        return (int) call("GetFileSizeEx", 1, file, fileSize);
    }

    @Override
    public int WSAStartup(int versionRequested, MemorySegment wsaData) {
        return (int) call("WSAStartup", 0, versionRequested, wsaData);
    }

    @Override
    public long WSASocketW(int af, int type, int protocol, int flags) {
        return call("WSASocketW", nextHandle.incrementAndGet(), af, type, protocol, flags);
    }

    @Override
    public int bind(long socket, MemorySegment name, int nameLength) {
        return (int) call("bind", 0, socket, name, nameLength);
    }

    @Override
    public int listen(long socket, int backlog) {
        return (int) call("listen", 0, socket, backlog);
    }

    @Override
    public int closesocket(long socket) {
        return (int) call("closesocket", 0, socket);
    }

    @Override
    public int shutdown(long socket, int how) {
        return (int) call("shutdown", 0, socket, how);
    }

    @Override
    public int setsockopt(long socket, int level, int name, MemorySegment value, int length) {
        return (int) call("setsockopt", 0, socket, level, name, value, length);
    }

    @Override
    public int getsockopt(long socket, int level, int name, MemorySegment value, MemorySegment length) {
        return (int) call("getsockopt", 0, socket, level, name, value, length);
    }

    @Override
    public int getsockname(long socket, MemorySegment name, MemorySegment nameLength) {
        return (int) call("getsockname", 0, socket, name, nameLength);
    }

    @Override
    public int getpeername(long socket, MemorySegment name, MemorySegment nameLength) {
        return (int) call("getpeername", 0, socket, name, nameLength);
    }

    @Override
    public int WSAIoctl(long socket, int code, MemorySegment in, int inLength, MemorySegment out, int outLength,
            MemorySegment bytesReturned, MemorySegment overlapped) {
        return (int) call("WSAIoctl", 0, socket, code, in, inLength, out, outLength, bytesReturned, overlapped);
    }

    @Override
    public int WSARecv(long socket, MemorySegment buffers, int count, MemorySegment received, MemorySegment flags,
            MemorySegment overlapped) {
        long r = call("WSARecv", 1, socket, buffers, count, received, flags, overlapped);
        return (int) (r == 1 ? fail(-1, ERROR_IO_PENDING) : r);
    }

    @Override
    public int WSASend(long socket, MemorySegment buffers, int count, MemorySegment sent, int flags,
            MemorySegment overlapped) {
        long r = call("WSASend", 1, socket, buffers, count, sent, flags, overlapped);
        return (int) (r == 1 ? fail(-1, ERROR_IO_PENDING) : r);
    }

    @Override
    public int WSAGetOverlappedResult(long socket, MemorySegment overlapped, MemorySegment transferred,
            MemorySegment flags) {
        long r = call("WSAGetOverlappedResult", -1, socket, overlapped, transferred, flags);
        return (int) (r == -1 ? overlappedResult(overlapped, transferred) : r);
    }

    private long overlappedResult(MemorySegment overlapped, MemorySegment transferred) {
        int[] result = results.get(overlapped.address());
        if (result == null) {
            throw new AssertionError("*GetOverlappedResult on an OVERLAPPED the test never completed: "
                    + Long.toHexString(overlapped.address()));
        }
        transferred.reinterpret(4).set(ValueLayout.JAVA_INT, 0, result[1]);
        return result[0] == 0 ? 1 : fail(0, result[0]);
    }

    @Override
    public int AcceptEx(long listenSocket, long acceptSocket, MemorySegment output, int receiveLength,
            int localLength, int remoteLength, MemorySegment bytesReceived, MemorySegment overlapped) {
        long r = call("AcceptEx", -1, listenSocket, acceptSocket, output, receiveLength, localLength, remoteLength,
                bytesReceived, overlapped);
        return (int) (r == -1 ? pending() : r);
    }

    @Override
    public void GetAcceptExSockaddrs(MemorySegment output, int receiveLength, int localLength, int remoteLength,
            MemorySegment localSockaddr, MemorySegment localSockaddrLength, MemorySegment remoteSockaddr,
            MemorySegment remoteSockaddrLength) {
        call("GetAcceptExSockaddrs", 0, output, receiveLength, localLength, remoteLength, localSockaddr,
                localSockaddrLength, remoteSockaddr, remoteSockaddrLength);
    }

    @Override
    public int ConnectEx(long socket, MemorySegment name, int nameLength, MemorySegment sendBuffer, int sendLength,
            MemorySegment bytesSent, MemorySegment overlapped) {
        long r = call("ConnectEx", -1, socket, name, nameLength, sendBuffer, sendLength, bytesSent, overlapped);
        return (int) (r == -1 ? pending() : r);
    }

    @Override
    public int DisconnectEx(long socket, MemorySegment overlapped, int flags) {
        long r = call("DisconnectEx", -1, socket, overlapped, flags);
        return (int) (r == -1 ? pending() : r);
    }

    /** Frees the simulated memory. */
    void close() {
        arena.close();
    }
}
