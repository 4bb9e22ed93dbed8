package org.iocp4j.core.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.linux.Errno;
import org.iocp4j.bindings.linux.ErrnoException;
import org.iocp4j.bindings.linux.Libc;
import org.iocp4j.bindings.linux.LinuxConstants;
import org.iocp4j.bindings.linux.linger;
import org.iocp4j.bindings.linux.msghdr;
import org.iocp4j.bindings.linux.sockaddr_storage;
import org.iocp4j.core.IoVectorFormat;
import org.iocp4j.core.PageAllocator;
import org.iocp4j.core.SocketOptions;
import org.iocp4j.core.backend.Backend;
import org.iocp4j.core.backend.BackendConfig;
import org.iocp4j.core.backend.CompletionSink;
import org.iocp4j.core.backend.ErrorKind;
import org.iocp4j.core.backend.Operation;
import org.iocp4j.core.backend.OperationTable;
import org.iocp4j.core.backend.Poller;

/**
 * The io_uring backend: one {@link IoUringRing} per worker ({@link IoUringPoller}), every submission and
 * completion of a connection on its home worker's ring. Sockets are ordinary blocking descriptors; io_uring
 * drives them asynchronously (it polls internally for readiness), so no descriptor is ever read or written
 * outside a ring.
 *
 * <p><b>Operation block layout</b> ({@value #BLOCK_SIZE} bytes): {@code msghdr} at {@value #MSGHDR},
 * a {@code sockaddr} (connect) at {@value #SOCKADDR}, {@value #MAX_IOVECS} {@code iovec}s at
 * {@value #IOVECS}.
 */
final class IoUringBackend implements Backend {
    static final int BLOCK_SIZE = 512;
    static final int MSGHDR = 0;
    static final int SOCKADDR = 64;
    static final int IOVECS = 256;
    static final int MAX_IOVECS = (BLOCK_SIZE - IOVECS) / 16;

    private final BackendConfig config;
    private final PageAllocator memory = PageAllocator.forCurrentOs();
    /** For synchronous calls from any thread; each thread its own errno capture. */
    private static final ThreadLocal<MemorySegment> CALL_STATE =
            ThreadLocal.withInitial(() -> CallState.allocate(Arena.ofAuto()));
    /**
     * A socket option's value and length, per thread: options are set on every accepted socket, where an
     * arena per call would cost more than the setsockopt.
     */
    private static final ThreadLocal<MemorySegment> OPTION_VALUE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16, 8));
    private static final long OPTION_LENGTH = 8;

    /** Where the kernel keeps each of {@link SocketOptions#supported()}. */
    private static final Map<SocketOption<?>, Sockopt> SOCKOPTS = Map.of(
            StandardSocketOptions.TCP_NODELAY, new Sockopt(LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_NODELAY),
            StandardSocketOptions.SO_KEEPALIVE, new Sockopt(LinuxConstants.SOL_SOCKET, LinuxConstants.SO_KEEPALIVE),
            StandardSocketOptions.SO_RCVBUF, new Sockopt(LinuxConstants.SOL_SOCKET, LinuxConstants.SO_RCVBUF),
            StandardSocketOptions.SO_SNDBUF, new Sockopt(LinuxConstants.SOL_SOCKET, LinuxConstants.SO_SNDBUF),
            StandardSocketOptions.SO_LINGER, new Sockopt(LinuxConstants.SOL_SOCKET, LinuxConstants.SO_LINGER),
            SocketOptions.IPV6_V6ONLY, new Sockopt(LinuxConstants.IPPROTO_IPV6, LinuxConstants.IPV6_V6ONLY));

    /** setsockopt's level and option name. */
    private record Sockopt(int level, int name) {
    }

    IoUringBackend(BackendConfig config) throws IOException {
        this.config = config;
        // Fail here, with the reason, rather than in the first worker: a probe ring, opened and closed on
        // the constructing thread.
        IoUringRing.open(8, 16).close();
    }

    @Override
    public String name() {
        return "io_uring";
    }

    @Override
    public PageAllocator memory() {
        return memory;
    }

    @Override
    public int operationBlockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public IoVectorFormat ioVectorFormat() {
        return IoVectorFormat.IOVEC;
    }

    @Override
    public int maxSendVectors() {
        return MAX_IOVECS;
    }

    @Override
    public MemorySegment sendVectors(Operation op) {
        return op.block().asSlice(IOVECS, (long) MAX_IOVECS * 16);
    }

    /** The op's {@code msghdr}, pointing at its iovecs. */
    static MemorySegment msghdrFor(Operation op, int iovecs) {
        MemorySegment msg = op.block().asSlice(MSGHDR, msghdr.sizeof());
        msghdr.msg_iov(msg, op.block().asSlice(IOVECS));
        msghdr.msg_iovlen(msg, iovecs);
        return msg;
    }

    @Override
    public boolean sharedCompletionQueue() {
        return false;
    }

    @Override
    public Poller openPoller(int workerIndex, OperationTable operations, CompletionSink sink) throws IOException {
        int depth = config.queueDepth();
        return new IoUringPoller(IoUringRing.open(depth, depth * 2), operations, sink, memory);
    }

    @Override
    public long listen(InetSocketAddress address, int backlog, SocketOptions options) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        int fd = socket(ipv6);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CALL_STATE.get();
            MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
            check(Libc.setsockopt(state, fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEADDR, one, 4),
                    "setsockopt(SO_REUSEADDR)", state);
            setOptions(fd, options, ipv6);
            MemorySegment addr = arena.allocate(sockaddr_storage.sizeof(), 8);
            int len = LinuxSockaddrs.write(address, addr);
            check(Libc.bind(state, fd, addr, len), "bind(" + address + ")", state);
            check(Libc.listen(state, fd, backlog), "listen", state);
            return fd;
        } catch (IOException | RuntimeException e) {
            Libc.close(CALL_STATE.get(), fd);
            throw e;
        }
    }

    @Override
    public long openStreamSocket(boolean ipv6, SocketOptions options) throws IOException {
        int fd = socket(ipv6);
        try {
            setOptions(fd, options, ipv6);
        } catch (IOException | RuntimeException e) {
            Libc.close(CALL_STATE.get(), fd);
            throw e;
        }
        return fd;
    }

    @Override
    public <T> void setOption(long socket, SocketOption<T> option, T value) throws IOException {
        Sockopt sockopt = sockopt(option);
        MemorySegment v = OPTION_VALUE.get();
        int length;
        if (option == StandardSocketOptions.SO_LINGER) {
            int seconds = (Integer) value;
            linger.l_onoff(v, seconds >= 0 ? 1 : 0);
            linger.l_linger(v, Math.max(seconds, 0));
            length = (int) linger.sizeof();
        } else {
            v.set(JAVA_INT, 0, value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value);
            length = 4;
        }
        MemorySegment state = CALL_STATE.get();
        if (Libc.setsockopt(state, (int) socket, sockopt.level(), sockopt.name(), v, length) < 0) {
            throw ErrnoException.of("setsockopt(" + option.name() + ", " + value + ")", state);
        }
    }

    @Override
    public <T> T getOption(long socket, SocketOption<T> option) throws IOException {
        Sockopt sockopt = sockopt(option);
        MemorySegment v = OPTION_VALUE.get();
        MemorySegment length = v.asSlice(OPTION_LENGTH, 4);
        length.set(JAVA_INT, 0, (int) linger.sizeof());
        MemorySegment state = CALL_STATE.get();
        check(Libc.getsockopt(state, (int) socket, sockopt.level(), sockopt.name(), v, length),
                "getsockopt(" + option.name() + ")", state);
        Object value;
        if (option == StandardSocketOptions.SO_LINGER) {
            value = linger.l_onoff(v) != 0 ? linger.l_linger(v) : -1;
        } else if (option.type() == Boolean.class) {
            value = v.get(JAVA_INT, 0) != 0;
        } else {
            value = v.get(JAVA_INT, 0);
        }
        return option.type().cast(value);
    }

    private static Sockopt sockopt(SocketOption<?> option) {
        Sockopt sockopt = SOCKOPTS.get(option);
        if (sockopt == null) {
            throw new UnsupportedOperationException("socket option " + option.name() + " is not supported");
        }
        return sockopt;
    }

    private static int socket(boolean ipv6) throws ErrnoException {
        MemorySegment state = CALL_STATE.get();
        int fd = Libc.socket(state, ipv6 ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET,
                LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw ErrnoException.of("socket", state);
        }
        return fd;
    }

    @Override
    public long openFile(Path path) throws IOException {
        MemorySegment state = CALL_STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            int fd = Libc.open(state, arena.allocateFrom(path.toString()),
                    LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC, 0);
            if (fd < 0) {
                throw new IOException("cannot open " + path, ErrnoException.of("open", state));
            }
            return fd;
        }
    }

    @Override
    public long fileSize(long file) throws IOException {
        // No fstat binding: the kernel's /proc link names the open file itself, whatever its path became.
        return Files.size(Path.of("/proc/self/fd/" + file));
    }

    @Override
    public InetSocketAddress localAddress(long socket) throws IOException {
        return name(socket, true);
    }

    @Override
    public InetSocketAddress remoteAddress(long socket) throws IOException {
        return name(socket, false);
    }

    private static InetSocketAddress name(long socket, boolean local) throws IOException {
        MemorySegment state = CALL_STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(sockaddr_storage.sizeof(), 8);
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) sockaddr_storage.sizeof());
            int r = local ? Libc.getsockname(state, (int) socket, addr, len)
                    : Libc.getpeername(state, (int) socket, addr, len);
            check(r, local ? "getsockname" : "getpeername", state);
            return LinuxSockaddrs.read(addr);
        }
    }

    @Override
    public void shutdownOutput(long socket) throws IOException {
        MemorySegment state = CALL_STATE.get();
        check(Libc.shutdown(state, (int) socket, LinuxConstants.SHUT_WR), "shutdown(SHUT_WR)", state);
    }

    @Override
    public void closeHandle(long handle) throws IOException {
        MemorySegment state = CALL_STATE.get();
        check(Libc.close(state, (int) handle), "close", state);
    }

    @Override
    public ErrorKind classify(long result) {
        int errno = (int) -result;
        return switch (errno) {
            case Errno.ECANCELED, Errno.EBADF, Errno.EINTR -> ErrorKind.CANCELLED;
            case Errno.ECONNRESET, Errno.EPIPE, Errno.ECONNABORTED, Errno.ETIMEDOUT -> ErrorKind.RESET;
            case Errno.ENOBUFS -> ErrorKind.NO_BUFFERS;
            default -> ErrorKind.OTHER;
        };
    }

    @Override
    public IOException exception(String what, long result) {
        return ErrnoException.of(what, (int) -result);
    }

    @Override
    public void close() {
        // Nothing of its own: rings belong to the pollers.
    }

    private static void check(int result, String what, MemorySegment state) throws ErrnoException {
        if (result < 0) {
            throw ErrnoException.of(what, state);
        }
    }
}
