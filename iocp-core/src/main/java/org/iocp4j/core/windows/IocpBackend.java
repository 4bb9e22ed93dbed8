package org.iocp4j.core.windows;

import static org.iocp4j.bindings.windows.Win32Errors.ERROR_CONNECTION_ABORTED;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_HANDLES_CLOSED;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_HANDLE_EOF;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_IO_PENDING;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_NETNAME_DELETED;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_NOT_FOUND;
import static org.iocp4j.bindings.windows.Win32Errors.ERROR_OPERATION_ABORTED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.iocp4j.bindings.windows.Kernel32Constants;
import org.iocp4j.bindings.windows.LINGER;
import org.iocp4j.bindings.windows.Sockaddrs;
import org.iocp4j.bindings.windows.Win32Exception;
import org.iocp4j.bindings.windows.WinsockConstants;
import org.iocp4j.bindings.windows.WinsockErrors;
import org.iocp4j.core.IoVectorFormat;
import org.iocp4j.core.PageAllocator;
import org.iocp4j.core.SocketOptions;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.ErrorKind;
import org.iocp4j.core.backend.OpKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IOCP backend: one completion port shared by all workers (concurrency = workers), every call through
 * a {@link Win32}, every page it allocates from {@link Win32#memory()}.
 *
 * <p><b>Issuing.</b> Sockets and files are associated with the port and put in skip-on-success mode
 * ({@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE}). An operation that
 * succeeds at once then queues no packet, so the issuing thread completes it itself: inline while its
 * inline depth, and the inline completions since its last packet from the port, are below
 * {@link BackendConfig#inlineLimit()} (the second keeps a peer that always has data from starving the port's
 * other completions, found by the Wine lane), else by posting the operation's OVERLAPPED to
 * the port with the result stored in the block (seed 004: unbounded recursion otherwise). An operation that
 * fails at once (anything but ERROR_IO_PENDING) never queues a packet and is completed the same way. Where
 * Windows refuses skip-on-success for a handle, immediate successes wait for their packet.
 *
 * <p><b>Completions.</b> A packet's NTSTATUS ({@code OVERLAPPED_ENTRY.Internal}) is not guessed into an
 * error code: a failed one is looked up with {@code WSAGetOverlappedResult} (sockets, Winsock codes such as
 * 10054) or {@code GetOverlappedResult} (files, e.g. ERROR_HANDLE_EOF 38, reported as result 0).
 *
 * <p><b>Closing.</b> {@link #closeHandle} cancels the handle's pending operations with
 * {@code CancelIoEx(handle, NULL)} and closes the handle once the last of them has completed (see
 * {@link HandleState}); their errors (995; 64 and 676 where Windows or Wine report those) classify as
 * {@link ErrorKind#CANCELLED}.
 *
 * <p><b>Listening sockets</b> get no {@code SO_REUSEADDR}: on Windows it lets another socket bind the same
 * port (Microsoft, "Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE"), and a Windows listener can be re-bound
 * while its old connections sit in TIME_WAIT without it.
 */
public final class IocpBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(IocpBackend.class);

    /** Completion key of every associated handle. */
    static final long KEY_IO = 1;
    /** Completion key of an immediate completion posted beyond the inline limit; result in the block. */
    static final long KEY_POSTED = 2;
    /** Completion key of a wake-up packet (NULL OVERLAPPED); the byte count names the poller. */
    static final long KEY_WAKE = 3;

    /** MAKEWORD(2, 2). */
    private static final int WINSOCK_2_2 = 0x0202;
    private static final int WSADATA_BYTES = 408;
    private static final int SOCKADDR_STORAGE_BYTES = 128;

    /** Where Winsock keeps each of {@link SocketOptions#supported()}. */
    private static final Map<SocketOption<?>, Sockopt> SOCKOPTS = Map.of(
            StandardSocketOptions.TCP_NODELAY, new Sockopt(WinsockConstants.IPPROTO_TCP, WinsockConstants.TCP_NODELAY),
            StandardSocketOptions.SO_KEEPALIVE, new Sockopt(WinsockConstants.SOL_SOCKET, WinsockConstants.SO_KEEPALIVE),
            StandardSocketOptions.SO_RCVBUF, new Sockopt(WinsockConstants.SOL_SOCKET, WinsockConstants.SO_RCVBUF),
            StandardSocketOptions.SO_SNDBUF, new Sockopt(WinsockConstants.SOL_SOCKET, WinsockConstants.SO_SNDBUF),
            StandardSocketOptions.SO_LINGER, new Sockopt(WinsockConstants.SOL_SOCKET, WinsockConstants.SO_LINGER),
            SocketOptions.IPV6_V6ONLY, new Sockopt(WinsockConstants.IPPROTO_IPV6, WinsockConstants.IPV6_V6ONLY));

    /** setsockopt's level and option name. */
    private record Sockopt(int level, int name) {
    }

    private static final Set<Win32> STARTED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Win32 win32;
    private final BackendConfig config;
    private final long port;
    private final HandleTable handles = new HandleTable();
    /** Read by every worker (wake packets name their poller); written when a worker opens or closes its poller. */
    private final AtomicReferenceArray<IocpPoller> pollers;
    private final ThreadLocal<IocpPoller> current = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<MemorySegment> scratchPages = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MemorySegment> allScratch = new ConcurrentLinkedQueue<>();

    final LongAdder inlineCompletions = new LongAdder();
    final LongAdder postedBeyondLimit = new LongAdder();
    final LongAdder dequeues = new LongAdder();

    /**
     * Starts Winsock on {@code win32} (once per instance) and creates the completion port.
     *
     * @throws IOException naming the failing call
     */
    public IocpBackend(Win32 win32, BackendConfig config) throws IOException {
        this.win32 = win32;
        this.config = config;
        this.pollers = new AtomicReferenceArray<>(config.workers());
        startWinsock();
        long p = win32.CreateIoCompletionPort(Kernel32Constants.INVALID_HANDLE_VALUE, 0, 0, config.workers());
        if (p == 0) {
            throw new Win32Exception("CreateIoCompletionPort", win32.lastError());
        }
        this.port = p;
    }

    private void startWinsock() throws IOException {
        synchronized (STARTED) {
            if (STARTED.contains(win32)) {
                return;
            }
            MemorySegment scratch = scratch();
            try {
                int r = win32.WSAStartup(WINSOCK_2_2, scratch.asSlice(0, WSADATA_BYTES));
                if (r != 0) {
                    throw new Win32Exception("WSAStartup", r);
                }
            } finally {
                release(scratch);
            }
            STARTED.add(win32);
        }
    }

    @Override
    public String name() {
        return "iocp";
    }

    @Override
    public PageAllocator memory() {
        return win32.memory();
    }

    @Override
    public int operationBlockSize() {
        return OpBlock.SIZE;
    }

    @Override
    public IoVectorFormat ioVectorFormat() {
        return IoVectorFormat.WSABUF;
    }

    @Override
    public int maxSendVectors() {
        return OpBlock.MAX_SEND_VECTORS;
    }

    @Override
    public MemorySegment sendVectors(Operation op) {
        return op.block().asSlice(OpBlock.UNION, OpBlock.MAX_SEND_VECTORS * OpBlock.WSABUF_BYTES);
    }

    @Override
    public boolean sharedCompletionQueue() {
        return true;
    }

    @Override
    public Poller openPoller(int workerIndex, OperationTable operations, CompletionSink sink) throws IOException {
        if (workerIndex < 0 || workerIndex >= pollers.length()) {
            throw new IllegalArgumentException("worker index " + workerIndex + " is not in 0.." + (pollers.length() - 1));
        }
        if (operations.blockSize() < OpBlock.SIZE) {
            throw new IllegalArgumentException("operation blocks of " + operations.blockSize()
                    + " bytes are smaller than the " + OpBlock.SIZE + " the IOCP backend needs");
        }
        IocpPoller poller = new IocpPoller(this, workerIndex, operations, sink);
        pollers.set(workerIndex, poller);
        current.set(poller);
        return poller;
    }

    /** The poller of the calling worker thread, or null on any other thread. */
    IocpPoller currentPoller() {
        return current.get();
    }

    void pollerClosed(IocpPoller poller) {
        pollers.compareAndSet(poller.index(), poller, null);
        if (current.get() == poller) {
            current.remove();
        }
    }

    IocpPoller poller(int index) {
        return index >= 0 && index < pollers.length() ? pollers.get(index) : null;
    }

    Win32 win32() {
        return win32;
    }

    long port() {
        return port;
    }

    BackendConfig config() {
        return config;
    }

    // ---- scratch memory for synchronous calls ----

    /** A page of {@link Win32#memory()} for the out-parameters of a synchronous call; give it back with {@link #release}. */
    private MemorySegment scratch() throws IOException {
        MemorySegment page = scratchPages.poll();
        if (page == null) {
            page = win32.memory().allocate(win32.memory().pageSize());
            allScratch.add(page);
        }
        return page;
    }

    private void release(MemorySegment page) {
        scratchPages.add(page);
    }

    // ---- handles ----

    private long newSocket(int family) throws IOException {
        long s = win32.WSASocketW(family, WinsockConstants.SOCK_STREAM, WinsockConstants.IPPROTO_TCP,
                WinsockConstants.WSA_FLAG_OVERLAPPED | WinsockConstants.WSA_FLAG_NO_HANDLE_INHERIT);
        if (s == WinsockConstants.INVALID_SOCKET) {
            throw new Win32Exception("WSASocketW", win32.lastError());
        }
        return s;
    }

    /** SIO_LOOPBACK_FAST_PATH where asked for: a hint only (Wine and newer Windows refuse it with 10045). */
    private void loopbackFastPath(long socket, MemorySegment scratch) {
        if (!config.loopbackFastPath()) {
            return;
        }
        MemorySegment enable = scratch.asSlice(0, 4);
        enable.set(ValueLayout.JAVA_INT, 0, 1);
        if (win32.WSAIoctl(socket, WinsockConstants.SIO_LOOPBACK_FAST_PATH, enable, 4, MemorySegment.NULL, 0,
                scratch.asSlice(4, 4), MemorySegment.NULL) != 0) {
            LOG.debug("SIO_LOOPBACK_FAST_PATH refused ({}); continuing without it", win32.lastError());
        }
    }

    private static int family(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        return address.getAddress() instanceof java.net.Inet6Address
                ? WinsockConstants.AF_INET6 : WinsockConstants.AF_INET;
    }

    @Override
    public long listen(InetSocketAddress address, int backlog, SocketOptions options) throws IOException {
        int family = family(address);
        long s = newSocket(family);
        MemorySegment scratch = scratch();
        try {
            loopbackFastPath(s, scratch);
            setOptions(s, options, family == WinsockConstants.AF_INET6);
            MemorySegment name = scratch.asSlice(64, SOCKADDR_STORAGE_BYTES);
            int length = Sockaddrs.write(name, address);
            if (win32.bind(s, name, length) != 0) {
                throw new Win32Exception("bind(" + address + ")", win32.lastError());
            }
            if (win32.listen(s, backlog) != 0) {
                throw new Win32Exception("listen(" + address + ")", win32.lastError());
            }
        } catch (IOException | RuntimeException e) {
            win32.closesocket(s);
            throw e;
        } finally {
            release(scratch);
        }
        handles.put(s, new HandleState(s, true, family));
        // The accepts on it may be issued through any worker: associate it with the one port right away.
        try {
            register(s);
        } catch (IOException | RuntimeException e) {
            handles.remove(s);
            win32.closesocket(s);
            throw e;
        }
        return s;
    }

    @Override
    public long openStreamSocket(boolean ipv6, SocketOptions options) throws IOException {
        int family = ipv6 ? WinsockConstants.AF_INET6 : WinsockConstants.AF_INET;
        long s = newSocket(family);
        MemorySegment scratch = scratch();
        try {
            loopbackFastPath(s, scratch);
            setOptions(s, options, ipv6);
        } catch (IOException | RuntimeException e) {
            win32.closesocket(s);
            throw e;
        } finally {
            release(scratch);
        }
        handles.put(s, new HandleState(s, true, family));
        return s;
    }

    @Override
    public <T> void setOption(long socket, SocketOption<T> option, T value) throws IOException {
        Sockopt sockopt = sockopt(option);
        MemorySegment scratch = scratch();
        try {
            int length;
            if (option == StandardSocketOptions.SO_LINGER) {
                int seconds = (Integer) value;
                LINGER.l_onoff(scratch, (short) (seconds >= 0 ? 1 : 0));
                LINGER.l_linger(scratch, (short) Math.max(seconds, 0));
                length = (int) LINGER.sizeof();
            } else {
                scratch.set(ValueLayout.JAVA_INT, 0, value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value);
                length = 4;
            }
            if (win32.setsockopt(socket, sockopt.level(), sockopt.name(), scratch, length) != 0) {
                throw new Win32Exception("setsockopt(" + option.name() + ", " + value + ")", win32.lastError());
            }
        } finally {
            release(scratch);
        }
    }

    @Override
    public <T> T getOption(long socket, SocketOption<T> option) throws IOException {
        Sockopt sockopt = sockopt(option);
        MemorySegment scratch = scratch();
        try {
            // Zeroed and 4 bytes long: a BOOL Windows answers with one byte still reads right.
            scratch.set(ValueLayout.JAVA_INT, 0, 0);
            MemorySegment length = scratch.asSlice(8, 4);
            length.set(ValueLayout.JAVA_INT, 0, 4);
            if (win32.getsockopt(socket, sockopt.level(), sockopt.name(), scratch, length) != 0) {
                throw new Win32Exception("getsockopt(" + option.name() + ")", win32.lastError());
            }
            Object value;
            if (option == StandardSocketOptions.SO_LINGER) {
                value = LINGER.l_onoff(scratch) != 0 ? Short.toUnsignedInt(LINGER.l_linger(scratch)) : -1;
            } else if (option.type() == Boolean.class) {
                value = scratch.get(ValueLayout.JAVA_INT, 0) != 0;
            } else {
                value = scratch.get(ValueLayout.JAVA_INT, 0);
            }
            return option.type().cast(value);
        } finally {
            release(scratch);
        }
    }

    private static Sockopt sockopt(SocketOption<?> option) {
        Sockopt sockopt = SOCKOPTS.get(option);
        if (sockopt == null) {
            throw new UnsupportedOperationException("socket option " + option.name() + " is not supported");
        }
        return sockopt;
    }

    @Override
    public long openFile(Path path) throws IOException {
        long file;
        // CreateFileW reads the name only during the call: a confined arena, not the backend's pages.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(path.toAbsolutePath().toString(), StandardCharsets.UTF_16LE);
            // Every sharing flag, as the JDK's own file channels and nginx open files on Windows: a file being
            // served may still be replaced, renamed or deleted (a site deployed while it is downloaded).
            file = win32.CreateFileW(name, Kernel32Constants.GENERIC_READ, Kernel32Constants.FILE_SHARE_READ
                    | Kernel32Constants.FILE_SHARE_WRITE | Kernel32Constants.FILE_SHARE_DELETE,
                    Kernel32Constants.OPEN_EXISTING,
                    Kernel32Constants.FILE_ATTRIBUTE_NORMAL | Kernel32Constants.FILE_FLAG_OVERLAPPED);
        }
        if (file == Kernel32Constants.INVALID_HANDLE_VALUE) {
            throw new Win32Exception("CreateFileW(" + path + ")", win32.lastError());
        }
        handles.put(file, new HandleState(file, false, 0));
        return file;
    }

    @Override
    public long fileSize(long file) throws IOException {
        MemorySegment scratch = scratch();
        try {
            MemorySegment size = scratch.asSlice(0, 8);
            if (win32.GetFileSizeEx(file, size) == 0) {
                throw new Win32Exception("GetFileSizeEx", win32.lastError());
            }
            return size.get(ValueLayout.JAVA_LONG, 0);
        } finally {
            release(scratch);
        }
    }

    @Override
    public InetSocketAddress localAddress(long socket) throws IOException {
        HandleState state = handles.get(socket);
        if (state != null && state.local != null) {
            return state.local;
        }
        return socketName(socket, false);
    }

    @Override
    public InetSocketAddress remoteAddress(long socket) throws IOException {
        HandleState state = handles.get(socket);
        if (state != null && state.remote != null) {
            return state.remote;
        }
        return socketName(socket, true);
    }

    private InetSocketAddress socketName(long socket, boolean peer) throws IOException {
        MemorySegment scratch = scratch();
        try {
            MemorySegment length = scratch.asSlice(0, 4);
            MemorySegment name = scratch.asSlice(64, SOCKADDR_STORAGE_BYTES);
            length.set(ValueLayout.JAVA_INT, 0, SOCKADDR_STORAGE_BYTES);
            int r = peer ? win32.getpeername(socket, name, length) : win32.getsockname(socket, name, length);
            if (r != 0) {
                throw new Win32Exception(peer ? "getpeername" : "getsockname", win32.lastError());
            }
            return Sockaddrs.read(name);
        } finally {
            release(scratch);
        }
    }

    @Override
    public void shutdownOutput(long socket) throws IOException {
        if (win32.shutdown(socket, WinsockConstants.SD_SEND) != 0) {
            throw new Win32Exception("shutdown(SD_SEND)", win32.lastError());
        }
    }

    @Override
    public void closeHandle(long handle) throws IOException {
        HandleState state = handles.get(handle);
        if (state == null) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(handle)
                    + " was not opened by this backend or is already closed");
        }
        state.closing = true;
        if (state.pending.get() > 0 && win32.CancelIoEx(handle, MemorySegment.NULL) == 0) {
            int error = win32.lastError();
            if (error != ERROR_NOT_FOUND) {
                LOG.debug("CancelIoEx(0x{}, NULL) on close: {}", Long.toHexString(handle), error);
            }
        }
        finishCloseIfIdle(state);
    }

    /** Closes the handle for real once it is closing and nothing is in flight on it; exactly once. */
    private void finishCloseIfIdle(HandleState state) {
        if (!state.closing || state.pending.get() != 0 || !state.closed.compareAndSet(false, true)) {
            return;
        }
        handles.remove(state.handle, state);
        boolean ok = state.socket ? win32.closesocket(state.handle) == 0 : win32.CloseHandle(state.handle) != 0;
        if (!ok) {
            LOG.warn("{}(0x{}) failed: {}", state.socket ? "closesocket" : "CloseHandle",
                    Long.toHexString(state.handle), win32.lastError());
        }
    }

    /**
     * Associates {@code handle} with the port and turns skip-on-success on where Windows allows it; once
     * per handle (the engine registers a connecting socket before ConnectEx and again when it opens).
     */
    void register(long handle) throws IOException {
        HandleState state = handles.get(handle);
        if (state == null) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(handle)
                    + " was not opened by this backend");
        }
        if (!state.associated.compareAndSet(false, true)) {
            return;
        }
        if (win32.CreateIoCompletionPort(handle, port, KEY_IO, 0) == 0) {
            state.associated.set(false);
            throw new Win32Exception("CreateIoCompletionPort(associate)", win32.lastError());
        }
        int modes = Kernel32Constants.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
                | Kernel32Constants.FILE_SKIP_SET_EVENT_ON_HANDLE;
        if (win32.SetFileCompletionNotificationModes(handle, modes) != 0) {
            state.skipOnSuccess = true;
        } else {
            LOG.debug("SetFileCompletionNotificationModes(0x{}) refused ({}): immediate successes will wait "
                    + "for their packet", Long.toHexString(handle), win32.lastError());
        }
    }

    // ---- issuing ----

    /**
     * Counts {@code op} as in flight on {@code handle}; null (and {@code op} completed with
     * ERROR_OPERATION_ABORTED) when the handle is closing.
     */
    HandleState begin(Operation op, long handle) {
        HandleState state = handles.get(handle);
        if (state == null) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(handle)
                    + " was not opened by this backend or is already closed");
        }
        OpBlock.setLong(op.block(), OpBlock.HANDLE, handle);
        op.handle(handle);
        op.stage(Operation.Stage.ISSUED);
        state.pending.incrementAndGet();
        if (state.closing) {
            completeNow(op, -ERROR_OPERATION_ABORTED);
            return null;
        }
        return state;
    }

    /** Undoes {@link #begin} for an operation that was refused before reaching Windows. */
    void abandon(HandleState state) {
        state.pending.decrementAndGet();
        finishCloseIfIdle(state);
    }

    /**
     * Acts on what an issuing call returned: {@code succeeded} with {@code bytes}, or failed with {@code error}.
     */
    void issued(Operation op, HandleState state, boolean succeeded, int bytes, int error) {
        if (succeeded) {
            if (state.skipOnSuccess) {
                completeNow(op, finish(op, bytes));
            }
            // Without skip-on-success the port still gets a packet for this success.
        } else if (error == ERROR_IO_PENDING) {
            if (state.closing) {
                // Issued after closeHandle's CancelIoEx(NULL) ran: cancel this one too.
                win32.CancelIoEx(state.handle, op.block());
            }
        } else {
            completeNow(op, finish(op, -error));
        }
    }

    /** Delivers an operation that completed on the issuing thread: inline up to the limit, else via the port. */
    void completeNow(Operation op, long result) {
        op.completedAtOnce();
        IocpPoller poller = current.get();
        if (poller != null && poller.depth < config.inlineLimit()
                && poller.inlineSinceDequeue < config.inlineLimit()) {
            poller.depth++;
            poller.inlineSinceDequeue++;
            try {
                inlineCompletions.increment();
                deliver(op, result, poller.sink());
            } finally {
                poller.depth--;
            }
            return;
        }
        OpBlock.setLong(op.block(), OpBlock.POSTED_RESULT, result);
        op.stage(Operation.Stage.POSTED);
        if (win32.PostQueuedCompletionStatus(port, 0, KEY_POSTED, op.block()) == 0) {
            throw new IllegalStateException("PostQueuedCompletionStatus failed with " + win32.lastError()
                    + "; the completion port is unusable");
        }
        postedBeyondLimit.increment();
    }

    /** The final completion of {@code op}: no longer in flight on its handle, then to the engine. */
    void deliver(Operation op, long result, CompletionSink sink) {
        HandleState state = handles.get(OpBlock.getLong(op.block(), OpBlock.HANDLE));
        op.stage(Operation.Stage.DELIVERED);
        if (state != null) {
            state.pending.decrementAndGet();
            finishCloseIfIdle(state);
        }
        sink.onCompletion(op, result, 0);
    }

    /**
     * The result of a packet for {@code op}: its byte count when {@code ntStatus} is 0, else the error code
     * Windows maps the status to, asked from {@code WSAGetOverlappedResult} / {@code GetOverlappedResult}.
     */
    long completed(Operation op, int ntStatus, int bytes) {
        if (ntStatus == 0) {
            return finish(op, Integer.toUnsignedLong(bytes));
        }
        MemorySegment block = op.block();
        long handle = OpBlock.getLong(block, OpBlock.HANDLE);
        MemorySegment transferred = block.asSlice(OpBlock.BYTES, 4);
        int ok = op.kind() == OpKind.READ
                ? win32.GetOverlappedResult(handle, block.asSlice(0, 32), transferred)
                : win32.WSAGetOverlappedResult(handle, block.asSlice(0, 32), transferred,
                        block.asSlice(OpBlock.FLAGS, 4));
        if (ok != 0) {
            // An informational or warning status that is still a success.
            return finish(op, Integer.toUnsignedLong(bytes));
        }
        return finish(op, -win32.lastError());
    }

    /** What the engine sees for a raw result: EOF as 0, the accepted socket, the updated connect context. */
    long finish(Operation op, long result) {
        MemorySegment block = op.block();
        return switch (op.kind()) {
            case READ -> result == -ERROR_HANDLE_EOF ? 0 : result;
            case ACCEPT -> result >= 0 ? accepted(op) : acceptFailed(block, result);
            case CONNECT -> result >= 0 ? connected(block) : result;
            case RECV, SEND -> result;
        };
    }

    private long acceptFailed(MemorySegment block, long result) {
        win32.closesocket(OpBlock.getLong(block, OpBlock.ACCEPT_SOCKET));
        return result;
    }

    private long accepted(Operation op) {
        MemorySegment block = op.block();
        long socket = OpBlock.getLong(block, OpBlock.ACCEPT_SOCKET);
        long listener = OpBlock.getLong(block, OpBlock.HANDLE);
        OpBlock.setLong(block, OpBlock.LISTEN_SOCKET, listener);
        if (win32.setsockopt(socket, WinsockConstants.SOL_SOCKET, WinsockConstants.SO_UPDATE_ACCEPT_CONTEXT,
                block.asSlice(OpBlock.LISTEN_SOCKET, 8), 8) != 0) {
            return acceptFailed(block, -win32.lastError());
        }
        MemorySegment output = block.asSlice(OpBlock.UNION, OpBlock.ACCEPT_OUTPUT_BYTES);
        win32.GetAcceptExSockaddrs(output, 0, OpBlock.ACCEPT_ADDRESS_LENGTH, OpBlock.ACCEPT_ADDRESS_LENGTH,
                block.asSlice(OpBlock.LOCAL_SOCKADDR, 8), block.asSlice(OpBlock.LOCAL_LENGTH, 4),
                block.asSlice(OpBlock.REMOTE_SOCKADDR, 8), block.asSlice(OpBlock.REMOTE_LENGTH, 4));
        HandleState listenerState = handles.get(listener);
        HandleState state = new HandleState(socket, true,
                listenerState != null ? listenerState.family : WinsockConstants.AF_INET);
        state.local = acceptAddress(output, OpBlock.getLong(block, OpBlock.LOCAL_SOCKADDR),
                OpBlock.getInt(block, OpBlock.LOCAL_LENGTH));
        state.remote = acceptAddress(output, OpBlock.getLong(block, OpBlock.REMOTE_SOCKADDR),
                OpBlock.getInt(block, OpBlock.REMOTE_LENGTH));
        handles.put(socket, state);
        return socket;
    }

    /** A sockaddr GetAcceptExSockaddrs pointed to inside {@code output}, or null if it points elsewhere. */
    private static InetSocketAddress acceptAddress(MemorySegment output, long pointer, int length) {
        long offset = pointer - output.address();
        if (offset < 0 || length <= 0 || offset + length > output.byteSize()) {
            return null;
        }
        return Sockaddrs.read(output.asSlice(offset, length));
    }

    private long connected(MemorySegment block) {
        long socket = OpBlock.getLong(block, OpBlock.HANDLE);
        if (win32.setsockopt(socket, WinsockConstants.SOL_SOCKET, WinsockConstants.SO_UPDATE_CONNECT_CONTEXT,
                MemorySegment.NULL, 0) != 0) {
            return -win32.lastError();
        }
        return 0;
    }

    /** Creates the accept socket for an AcceptEx on {@code listener}. */
    long acceptSocketFor(long listener) throws IOException {
        HandleState state = handles.get(listener);
        if (state == null || !state.socket) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(listener)
                    + " is not a listening socket of this backend");
        }
        return newSocket(state.family);
    }

    /** Binds {@code socket} to the wildcard address of its family, as ConnectEx requires; already bound is fine. */
    void bindWildcard(long socket, MemorySegment sockaddr) throws IOException {
        HandleState state = handles.get(socket);
        int family = state != null ? state.family : WinsockConstants.AF_INET;
        int length = family == WinsockConstants.AF_INET6
                ? Sockaddrs.writeIPv6(sockaddr, new byte[16], 0, 0)
                : Sockaddrs.writeIPv4(sockaddr, new byte[4], 0);
        if (win32.bind(socket, sockaddr, length) != 0) {
            int error = win32.lastError();
            if (error != WinsockErrors.WSAEINVAL) {
                throw new Win32Exception("bind (before ConnectEx)", error);
            }
        }
    }

    @Override
    public ErrorKind classify(long result) {
        return switch ((int) -result) {
            case ERROR_OPERATION_ABORTED, ERROR_NETNAME_DELETED, ERROR_HANDLES_CLOSED, ERROR_CONNECTION_ABORTED,
                    WinsockErrors.WSAENOTSOCK -> ErrorKind.CANCELLED;
            case WinsockErrors.WSAECONNRESET, WinsockErrors.WSAECONNABORTED, WinsockErrors.WSAENETRESET,
                    WinsockErrors.WSAESHUTDOWN, WinsockErrors.WSAETIMEDOUT, WinsockErrors.WSAEDISCON ->
                    ErrorKind.RESET;
            default -> ErrorKind.OTHER;
        };
    }

    @Override
    public IOException exception(String what, long result) {
        return new Win32Exception(what, (int) -result);
    }

    @Override
    public long inlineCompletions() {
        return inlineCompletions.sum();
    }

    @Override
    public long postedBeyondInlineLimit() {
        return postedBeyondLimit.sum();
    }

    /** Successful GetQueuedCompletionStatusEx calls. */
    public long dequeues() {
        return dequeues.sum();
    }

    @Override
    public void close() throws IOException {
        if (win32.CloseHandle(port) == 0) {
            throw new Win32Exception("CloseHandle(completion port)", win32.lastError());
        }
        for (MemorySegment page; (page = allScratch.poll()) != null; ) {
            win32.memory().free(page);
        }
        scratchPages.clear();
    }
}
