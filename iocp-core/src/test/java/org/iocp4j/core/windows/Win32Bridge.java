package org.iocp4j.core.windows;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.core.PageAllocator;

/**
 * A {@link Win32} whose calls run in {@code win32bridge.exe} under Wine (src/test/c/win32bridge.c): the
 * JVM and the bridge map one {@link SharedRegion} at the same address, every JVM thread gets its own request
 * slot there and its own bridge thread, and {@link #memory()} hands out the region's pages, so pointers are
 * passed as they are. The bridge refuses any pointer outside those pages before calling Windows; that
 * refusal comes back here as an {@link IllegalArgumentException} naming the function and the parameter.
 *
 * <p>Test infrastructure for the Wine lane ({@code -Pwine}); see WINE.md next to the bridge's source.
 */
public final class Win32Bridge implements Win32, AutoCloseable {

    // Layout shared with win32bridge.c.
    private static final long MAGIC = 0x3130454744495242L; // "BRIDGE01"
    private static final long H_MAGIC = 0;
    private static final long H_SIZE = 8;
    private static final long H_SLOTS = 16;
    private static final long H_DATA = 24;
    private static final long H_READY = 32;
    private static final long SLOTS_OFFSET = 4096;
    private static final long SLOT_BYTES = 128;
    private static final long S_REQUEST = 0;
    private static final long S_RESPONSE = 4;
    private static final long S_FUNCTION = 8;
    private static final long S_STATUS = 12;
    private static final long S_DETAIL = 16;
    private static final long S_ERROR = 20;
    private static final long S_RESULT = 24;
    private static final long S_ARGS = 32;
    private static final int MAX_ARGS = 12;
    private static final int STATUS_OK = 0;
    private static final int STATUS_BAD_POINTER = 1;
    private static final int STATUS_UNKNOWN_FUNCTION = 2;
    private static final int STATUS_EXTENSION_LOAD_FAILED = 3;
    private static final int STATUS_BAD_ARGUMENT = 4;
    private static final int STATUS_BAD_BUFFER = 5;

    /** Busy-wait this many times for a reply before sleeping on the futex (a round trip is a few µs). */
    private static final int SPINS = 200;
    /** How long one futex sleep lasts before the bridge process is checked for life. */
    private static final long LIVENESS_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final VarHandle INT = JAVA_INT.varHandle();

    /** How a function reports failure, so that {@link #lastError()} keeps only failures' codes, as Win32Direct. */
    private enum Failure {
        /** BOOL FALSE or a NULL handle. */
        ZERO,
        /** SOCKET_ERROR (-1). */
        MINUS_ONE,
        /** The function has no failure result (WSAStartup returns its error; GetAcceptExSockaddrs is void). */
        NONE
    }

    /** The bridge's function ids (win32bridge.c enum function) and the parameter names used in errors. */
    private enum Call {
        ATTACH(1, Failure.ZERO, "slot"),
        EXIT(2, Failure.NONE),
        PING(3, Failure.NONE, "value"),
        CreateIoCompletionPort(10, Failure.ZERO, "FileHandle", "ExistingCompletionPort", "CompletionKey",
                "NumberOfConcurrentThreads"),
        GetQueuedCompletionStatusEx(11, Failure.ZERO, "CompletionPort", "lpCompletionPortEntries", "ulCount",
                "ulNumEntriesRemoved", "dwMilliseconds"),
        PostQueuedCompletionStatus(12, Failure.ZERO, "CompletionPort", "dwNumberOfBytesTransferred",
                "dwCompletionKey", "lpOverlapped"),
        CloseHandle(13, Failure.ZERO, "hObject"),
        CancelIoEx(14, Failure.ZERO, "hFile", "lpOverlapped"),
        SetFileCompletionNotificationModes(15, Failure.ZERO, "FileHandle", "Flags"),
        CreateFileW(16, Failure.MINUS_ONE, "lpFileName", "dwDesiredAccess", "dwShareMode",
                "dwCreationDisposition", "dwFlagsAndAttributes"),
        ReadFile(17, Failure.ZERO, "hFile", "lpBuffer", "nNumberOfBytesToRead", "lpNumberOfBytesRead",
                "lpOverlapped"),
        GetOverlappedResult(18, Failure.ZERO, "hFile", "lpOverlapped", "lpNumberOfBytesTransferred"),
        GetFileSizeEx(19, Failure.ZERO, "hFile", "lpFileSize"),
        WSAStartup(30, Failure.NONE, "wVersionRequested", "lpWSAData"),
        WSASocketW(31, Failure.MINUS_ONE, "af", "type", "protocol", "dwFlags"),
        bind(32, Failure.MINUS_ONE, "s", "name", "namelen"),
        listen(33, Failure.MINUS_ONE, "s", "backlog"),
        closesocket(34, Failure.MINUS_ONE, "s"),
        shutdown(35, Failure.MINUS_ONE, "s", "how"),
        setsockopt(36, Failure.MINUS_ONE, "s", "level", "optname", "optval", "optlen"),
        getsockopt(37, Failure.MINUS_ONE, "s", "level", "optname", "optval", "optlen"),
        getsockname(38, Failure.MINUS_ONE, "s", "name", "namelen"),
        getpeername(39, Failure.MINUS_ONE, "s", "name", "namelen"),
        WSAIoctl(40, Failure.MINUS_ONE, "s", "dwIoControlCode", "lpvInBuffer", "cbInBuffer", "lpvOutBuffer",
                "cbOutBuffer", "lpcbBytesReturned", "lpOverlapped"),
        WSARecv(41, Failure.MINUS_ONE, "s", "lpBuffers", "dwBufferCount", "lpNumberOfBytesRecvd", "lpFlags",
                "lpOverlapped"),
        WSASend(42, Failure.MINUS_ONE, "s", "lpBuffers", "dwBufferCount", "lpNumberOfBytesSent", "dwFlags",
                "lpOverlapped"),
        WSAGetOverlappedResult(43, Failure.ZERO, "s", "lpOverlapped", "lpcbTransfer", "lpdwFlags"),
        AcceptEx(50, Failure.ZERO, "sListenSocket", "sAcceptSocket", "lpOutputBuffer", "dwReceiveDataLength",
                "dwLocalAddressLength", "dwRemoteAddressLength", "lpdwBytesReceived", "lpOverlapped"),
        GetAcceptExSockaddrs(51, Failure.NONE, "lpOutputBuffer", "dwReceiveDataLength", "dwLocalAddressLength",
                "dwRemoteAddressLength", "LocalSockaddr", "LocalSockaddrLength", "RemoteSockaddr",
                "RemoteSockaddrLength"),
        ConnectEx(52, Failure.ZERO, "s", "name", "namelen", "lpSendBuffer", "dwSendDataLength", "lpdwBytesSent",
                "lpOverlapped"),
        DisconnectEx(53, Failure.ZERO, "s", "lpOverlapped", "dwFlags");

        final int id;
        final Failure failure;
        final List<String> parameters;

        Call(int id, Failure failure, String... parameters) {
            this.id = id;
            this.failure = failure;
            this.parameters = List.of(parameters);
        }

        boolean failed(long result) {
            return switch (failure) {
                case ZERO -> result == 0;
                case MINUS_ONE -> result == -1;
                case NONE -> false;
            };
        }
    }

    /**
     * One JVM thread's request slot, served by one bridge thread; or, {@link #lent}, one of the slots that
     * virtual threads borrow for a single call.
     */
    private static final class Slot {
        final MemorySegment memory;
        Thread owner;
        int lastError;
        boolean lent;

        Slot(MemorySegment memory) {
            this.memory = memory;
        }
    }

    private final SharedRegion region;
    private final Process process;
    private final Path log;
    private final Slot[] slots;
    private final ThreadLocal<Slot> current = ThreadLocal.withInitial(this::attach);
    /**
     * Slots virtual threads borrow for one call each: a virtual thread may be one of thousands alive at once
     * (the façade's clients), more than the bridge has threads, so it cannot own a slot as a platform thread
     * does. A downcall pins the virtual thread to its carrier, so borrowed slots in use never exceed the
     * carriers.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Slot> lendable = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** A virtual thread's last error, since its slot is returned after each call. */
    private final ThreadLocal<int[]> virtualLastError = ThreadLocal.withInitial(() -> new int[1]);
    private volatile boolean closed;

    private Win32Bridge(SharedRegion region, Process process, Path log, int slotCount) {
        this.region = region;
        this.process = process;
        this.log = log;
        this.slots = new Slot[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = new Slot(region.all().asSlice(SLOTS_OFFSET + i * SLOT_BYTES, SLOT_BYTES));
        }
    }

    /**
     * Maps a fresh region and starts the bridge in it under Wine; returns once the bridge has mapped it too.
     *
     * @param command the launcher and its fixed arguments, e.g. {@code [wine, /path/win32bridge.exe]}; the
     *     region's Windows path and size are appended
     * @param environment added to the launcher's environment (WINEPREFIX, WINEDEBUG, ...)
     * @param shmFile a file under {@code /dev/shm} that does not exist yet
     * @param regionBytes the size of the region, a multiple of 4096
     * @param threads how many JVM threads may use the bridge at once (dead threads' slots are reused)
     * @param log where the launcher's output goes
     * @param startTimeout how long the bridge may take to map the region (the first Wine start creates the prefix)
     */
    public static Win32Bridge start(List<String> command, Map<String, String> environment, Path shmFile,
            long regionBytes, int threads, Path log, long startTimeout, TimeUnit unit) throws IOException {
        int slotCount = threads + 1;
        long dataOffset = roundUpToPage(SLOTS_OFFSET + slotCount * SLOT_BYTES);
        SharedRegion region = SharedRegion.create(shmFile, SharedRegion.BASE, regionBytes, dataOffset);
        MemorySegment header = region.all();
        header.set(JAVA_LONG, H_MAGIC, MAGIC);
        header.set(JAVA_LONG, H_SIZE, regionBytes);
        header.set(JAVA_INT, H_SLOTS, slotCount);
        header.set(JAVA_LONG, H_DATA, dataOffset);
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
            builder.command().add("Z:" + shmFile.toAbsolutePath().toString().replace('/', '\\'));
            builder.command().add(Long.toString(regionBytes));
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            process = builder.start();
            Win32Bridge bridge = new Win32Bridge(region, process, log, slotCount);
            bridge.awaitReady(unit.toNanos(startTimeout));
            return bridge;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            region.close();
            throw e;
        }
    }

    private static long roundUpToPage(long bytes) {
        return (bytes + SharedRegion.PAGE - 1) & -SharedRegion.PAGE;
    }

    private void awaitReady(long nanos) throws IOException {
        MemorySegment ready = region.all().asSlice(H_READY, 4);
        long deadline = System.nanoTime() + nanos;
        while ((int) INT.getAcquire(ready, 0L) == 0) {
            if (!process.isAlive()) {
                throw new IOException("win32bridge exited with " + process.exitValue() + " before mapping the region: "
                        + logText());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("win32bridge did not map the region within " + nanos / 1_000_000 + " ms: "
                        + logText());
            }
            Futex.await(ready, 0, LIVENESS_NANOS);
        }
    }

    /** What the bridge and Wine printed so far. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    /** The lowest address a pointer argument may have: the first page {@link #memory()} hands out. */
    public long dataStart() {
        return SharedRegion.BASE + region.dataOffset();
    }

    /** The end (exclusive) of the addresses pointer arguments may have: the end of the region. */
    public long dataEnd() {
        return SharedRegion.BASE + region.all().byteSize();
    }

    @Override
    public PageAllocator memory() {
        return region;
    }

    @Override
    public int lastError() {
        return Thread.currentThread().isVirtual() ? virtualLastError.get()[0] : current.get().lastError;
    }

    /** Gives the calling thread a slot: a free one gets a new bridge thread, a dead thread's is taken over. */
    private Slot attach() {
        synchronized (slots) {
            Slot reusable = null;
            for (int i = 1; i < slots.length; i++) {
                Slot s = slots[i];
                if (s.owner == null) {
                    Slot control = slots[0];
                    control.owner = Thread.currentThread();
                    try {
                        long started = exchange(control, Call.ATTACH, i);
                        if (started == 0) {
                            throw new IllegalStateException("win32bridge: CreateThread for slot " + i
                                    + " failed with " + control.memory.get(JAVA_INT, S_ERROR));
                        }
                    } finally {
                        control.owner = null;
                    }
                    s.owner = Thread.currentThread();
                    return s;
                }
                if (reusable == null && !s.lent && !s.owner.isAlive()) {
                    reusable = s;
                }
            }
            if (reusable == null) {
                throw new IllegalStateException("all " + (slots.length - 1) + " bridge slots are taken by live threads");
            }
            reusable.owner = Thread.currentThread();
            reusable.lastError = 0;
            return reusable;
        }
    }

    /** Runs one call on this thread's bridge thread and returns its result. */
    private long call(Call call, long... args) {
        if (Thread.currentThread().isVirtual()) {
            return callBorrowed(call, args);
        }
        Slot slot = current.get();
        long result = exchange(slot, call, args);
        if (call.failed(result)) {
            slot.lastError = slot.memory.get(JAVA_INT, S_ERROR);
        }
        return result;
    }

    /** A virtual thread's call: on a borrowed slot (a new one, attached for lending, when none is free). */
    private long callBorrowed(Call call, long... args) {
        Slot slot = lendable.poll();
        if (slot == null) {
            slot = attach();
            slot.lent = true;
        }
        try {
            long result = exchange(slot, call, args);
            if (call.failed(result)) {
                virtualLastError.get()[0] = slot.memory.get(JAVA_INT, S_ERROR);
            }
            return result;
        } finally {
            lendable.add(slot);
        }
    }

    private long exchange(Slot slot, Call call, long... args) {
        if (closed) {
            throw new IllegalStateException("the Wine bridge is closed; " + call + " was not called");
        }
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException(call + " has " + args.length + " arguments; a slot holds " + MAX_ARGS);
        }
        MemorySegment m = slot.memory;
        m.set(JAVA_INT, S_FUNCTION, call.id);
        for (int i = 0; i < args.length; i++) {
            m.set(JAVA_LONG, S_ARGS + 8L * i, args[i]);
        }
        int request = m.get(JAVA_INT, S_REQUEST) + 1;
        INT.setRelease(m, S_REQUEST, request);
        Futex.wake(m.asSlice(S_REQUEST, 4));
        awaitResponse(slot, call, request);
        int status = m.get(JAVA_INT, S_STATUS);
        int detail = m.get(JAVA_INT, S_DETAIL);
        return switch (status) {
            case STATUS_OK -> m.get(JAVA_LONG, S_RESULT);
            case STATUS_BAD_POINTER -> throw new IllegalArgumentException(String.format(
                    "%s: %s = 0x%x is outside the Wine bridge's shared memory [0x%x, 0x%x) "
                            + "(refused by win32bridge, not called)",
                    call, call.parameters.get(detail), args[detail], dataStart(), dataEnd()));
            case STATUS_BAD_BUFFER -> throw new IllegalArgumentException(String.format(
                    "%s: lpBuffers[%d].buf = 0x%x (%d bytes) is outside the Wine bridge's shared memory [0x%x, 0x%x) "
                            + "(refused by win32bridge, not called)",
                    call, detail, wsabuf(args[1], detail).get(JAVA_LONG, 8),
                    Integer.toUnsignedLong(wsabuf(args[1], detail).get(JAVA_INT, 0)),
                    dataStart(), dataEnd()));
            case STATUS_EXTENSION_LOAD_FAILED -> throw new UncheckedIOException(new NativeException(
                    "WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) in win32bridge for " + call, detail, null));
            case STATUS_BAD_ARGUMENT -> throw new IllegalArgumentException(
                    call + ": win32bridge refused " + call.parameters.get(detail) + " = " + args[detail]);
            case STATUS_UNKNOWN_FUNCTION -> throw new IllegalStateException(
                    "win32bridge does not know function " + call.id + " (" + call + "); rebuild it");
            default -> throw new IllegalStateException("win32bridge replied status " + status + " to " + call);
        };
    }

    /** WSABUF {@code index} of the array at {@code array}, which the bridge found inside the region. */
    private static MemorySegment wsabuf(long array, int index) {
        return MemorySegment.ofAddress(array + 16L * index).reinterpret(16);
    }

    private void awaitResponse(Slot slot, Call call, int request) {
        MemorySegment response = slot.memory.asSlice(S_RESPONSE, 4);
        for (int i = 0; i < SPINS; i++) {
            if ((int) INT.getAcquire(response, 0L) == request) {
                return;
            }
            Thread.onSpinWait();
        }
        int seen;
        while ((seen = (int) INT.getAcquire(response, 0L)) != request) {
            if (!process.isAlive()) {
                throw new IllegalStateException("win32bridge exited with " + process.exitValue() + " during " + call
                        + ": " + logText());
            }
            Futex.await(response, seen, LIVENESS_NANOS);
        }
    }

    /**
     * A round trip that calls nothing in the bridge: the transport's own cost.
     *
     * @return {@code value}, as the bridge echoed it
     */
    public long ping(long value) {
        return call(Call.PING, value);
    }

    private static long address(MemorySegment pointer) {
        return Objects.requireNonNull(pointer, "a pointer argument is null (use MemorySegment.NULL)").address();
    }

    /** Ends the bridge process, unmaps the region and deletes its file. */
    @Override
    public void close() throws IOException {
        synchronized (slots) {
            if (closed) {
                return;
            }
            try {
                if (process.isAlive()) {
                    exchange(slots[0], Call.EXIT);
                }
                closed = true;
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } finally {
                closed = true;
                region.close();
            }
        }
    }

    @Override
    public long CreateIoCompletionPort(long fileHandle, long existingPort, long completionKey,
            int numberOfConcurrentThreads) {
        return call(Call.CreateIoCompletionPort, fileHandle, existingPort, completionKey, numberOfConcurrentThreads);
    }

    @Override
    public int GetQueuedCompletionStatusEx(long completionPort, MemorySegment entries, int count,
            MemorySegment numEntriesRemoved, int milliseconds) {
        return (int) call(Call.GetQueuedCompletionStatusEx, completionPort, address(entries),
                Integer.toUnsignedLong(count), address(numEntriesRemoved), Integer.toUnsignedLong(milliseconds));
    }

    @Override
    public int PostQueuedCompletionStatus(long completionPort, int numberOfBytesTransferred, long completionKey,
            MemorySegment overlapped) {
        return (int) call(Call.PostQueuedCompletionStatus, completionPort,
                Integer.toUnsignedLong(numberOfBytesTransferred), completionKey, address(overlapped));
    }

    @Override
    public int CloseHandle(long handle) {
        return (int) call(Call.CloseHandle, handle);
    }

    @Override
    public int CancelIoEx(long handle, MemorySegment overlapped) {
        return (int) call(Call.CancelIoEx, handle, address(overlapped));
    }

    @Override
    public int SetFileCompletionNotificationModes(long handle, int flags) {
        return (int) call(Call.SetFileCompletionNotificationModes, handle, flags & 0xFF);
    }

    @Override
    public long CreateFileW(MemorySegment fileName, int desiredAccess, int shareMode, int creationDisposition,
            int flagsAndAttributes) {
        return call(Call.CreateFileW, address(fileName), Integer.toUnsignedLong(desiredAccess),
                Integer.toUnsignedLong(shareMode), Integer.toUnsignedLong(creationDisposition),
                Integer.toUnsignedLong(flagsAndAttributes));
    }

    @Override
    public int ReadFile(long file, MemorySegment buffer, int numberOfBytesToRead, MemorySegment numberOfBytesRead,
            MemorySegment overlapped) {
        return (int) call(Call.ReadFile, file, address(buffer), Integer.toUnsignedLong(numberOfBytesToRead),
                address(numberOfBytesRead), address(overlapped));
    }

    @Override
    public int GetOverlappedResult(long file, MemorySegment overlapped, MemorySegment numberOfBytesTransferred) {
        return (int) call(Call.GetOverlappedResult, file, address(overlapped), address(numberOfBytesTransferred));
    }

    @Override
    public int GetFileSizeEx(long file, MemorySegment fileSize) {
        return (int) call(Call.GetFileSizeEx, file, address(fileSize));
    }

    @Override
    public int WSAStartup(int versionRequested, MemorySegment wsaData) {
        return (int) call(Call.WSAStartup, versionRequested & 0xFFFF, address(wsaData));
    }

    @Override
    public long WSASocketW(int af, int type, int protocol, int flags) {
        return call(Call.WSASocketW, af, type, protocol, Integer.toUnsignedLong(flags));
    }

    @Override
    public int bind(long socket, MemorySegment name, int nameLength) {
        return (int) call(Call.bind, socket, address(name), nameLength);
    }

    @Override
    public int listen(long socket, int backlog) {
        return (int) call(Call.listen, socket, backlog);
    }

    @Override
    public int closesocket(long socket) {
        return (int) call(Call.closesocket, socket);
    }

    @Override
    public int shutdown(long socket, int how) {
        return (int) call(Call.shutdown, socket, how);
    }

    @Override
    public int setsockopt(long socket, int level, int optionName, MemorySegment optionValue, int optionLength) {
        return (int) call(Call.setsockopt, socket, level, optionName, address(optionValue), optionLength);
    }

    @Override
    public int getsockopt(long socket, int level, int optionName, MemorySegment optionValue,
            MemorySegment optionLength) {
        return (int) call(Call.getsockopt, socket, level, optionName, address(optionValue), address(optionLength));
    }

    @Override
    public int getsockname(long socket, MemorySegment name, MemorySegment nameLength) {
        return (int) call(Call.getsockname, socket, address(name), address(nameLength));
    }

    @Override
    public int getpeername(long socket, MemorySegment name, MemorySegment nameLength) {
        return (int) call(Call.getpeername, socket, address(name), address(nameLength));
    }

    @Override
    public int WSAIoctl(long socket, int ioControlCode, MemorySegment inBuffer, int inBufferLength,
            MemorySegment outBuffer, int outBufferLength, MemorySegment bytesReturned, MemorySegment overlapped) {
        return (int) call(Call.WSAIoctl, socket, Integer.toUnsignedLong(ioControlCode), address(inBuffer),
                Integer.toUnsignedLong(inBufferLength), address(outBuffer), Integer.toUnsignedLong(outBufferLength),
                address(bytesReturned), address(overlapped));
    }

    @Override
    public int WSARecv(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesRecvd,
            MemorySegment flags, MemorySegment overlapped) {
        return (int) call(Call.WSARecv, socket, address(buffers), Integer.toUnsignedLong(bufferCount),
                address(numberOfBytesRecvd), address(flags), address(overlapped));
    }

    @Override
    public int WSASend(long socket, MemorySegment buffers, int bufferCount, MemorySegment numberOfBytesSent,
            int flags, MemorySegment overlapped) {
        return (int) call(Call.WSASend, socket, address(buffers), Integer.toUnsignedLong(bufferCount),
                address(numberOfBytesSent), Integer.toUnsignedLong(flags), address(overlapped));
    }

    @Override
    public int WSAGetOverlappedResult(long socket, MemorySegment overlapped, MemorySegment transferred,
            MemorySegment flags) {
        return (int) call(Call.WSAGetOverlappedResult, socket, address(overlapped), address(transferred),
                address(flags));
    }

    @Override
    public int AcceptEx(long listenSocket, long acceptSocket, MemorySegment outputBuffer, int receiveDataLength,
            int localAddressLength, int remoteAddressLength, MemorySegment bytesReceived, MemorySegment overlapped) {
        return (int) call(Call.AcceptEx, listenSocket, acceptSocket, address(outputBuffer),
                Integer.toUnsignedLong(receiveDataLength), Integer.toUnsignedLong(localAddressLength),
                Integer.toUnsignedLong(remoteAddressLength), address(bytesReceived), address(overlapped));
    }

    @Override
    public void GetAcceptExSockaddrs(MemorySegment outputBuffer, int receiveDataLength, int localAddressLength,
            int remoteAddressLength, MemorySegment localSockaddr, MemorySegment localSockaddrLength,
            MemorySegment remoteSockaddr, MemorySegment remoteSockaddrLength) {
        call(Call.GetAcceptExSockaddrs, address(outputBuffer), Integer.toUnsignedLong(receiveDataLength),
                Integer.toUnsignedLong(localAddressLength), Integer.toUnsignedLong(remoteAddressLength),
                address(localSockaddr), address(localSockaddrLength), address(remoteSockaddr),
                address(remoteSockaddrLength));
    }

    @Override
    public int ConnectEx(long socket, MemorySegment name, int nameLength, MemorySegment sendBuffer,
            int sendDataLength, MemorySegment bytesSent, MemorySegment overlapped) {
        return (int) call(Call.ConnectEx, socket, address(name), nameLength, address(sendBuffer),
                Integer.toUnsignedLong(sendDataLength), address(bytesSent), address(overlapped));
    }

    @Override
    public int DisconnectEx(long socket, MemorySegment overlapped, int flags) {
        return (int) call(Call.DisconnectEx, socket, address(overlapped), Integer.toUnsignedLong(flags));
    }
}
