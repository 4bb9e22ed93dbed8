package org.iocp4j.bindings.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * Bindings to the C library on Linux (glibc), in the shape jextract generates: per function a lazy
 * holder with its descriptor, address and handle, the accessors {@code NAME$descriptor()},
 * {@code NAME$address()}, {@code NAME$handle()}, and an invoker named after the function.
 *
 * <p>Every function takes a {@link CallState} segment first and captures {@code errno} into it; read it
 * with {@link CallState#errno} (or turn it into an {@link ErrnoException}). Loading this class never
 * fails; on a system without the symbol a call throws {@link UnsatisfiedLinkError}.
 *
 * <p>Type mapping (x86_64 Linux, LP64): pointers are {@code ADDRESS}; {@code int}, {@code unsigned int}
 * and {@code socklen_t} are {@code JAVA_INT}; {@code long}, {@code size_t}, {@code off_t} and
 * {@code ssize_t} are {@code JAVA_LONG}. Socket addresses are {@link sockaddr_in}, {@link sockaddr_in6}
 * or {@link sockaddr_storage} segments passed as {@code struct sockaddr *}.
 */
public final class Libc {
    static final String LIBRARY = "libc";
    private static final SymbolLookup SYMBOLS = Downcalls.libc();

    private Libc() {
    }

    private static MethodHandle bind(String name, MemorySegment address, FunctionDescriptor descriptor) {
        return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.ERRNO_STATE);
    }

    /**
     * A handle for a variadic C function that captures {@code errno}; {@code descriptor} lists the fixed
     * parameters and then the variadic arguments this binding passes, starting at {@code firstVariadic}.
     */
    static MethodHandle variadic(String name, MemorySegment address, FunctionDescriptor descriptor,
                                 int firstVariadic) {
        if (address.equals(MemorySegment.NULL)) {
            return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.ERRNO_STATE);
        }
        return Downcalls.linker().downcallHandle(address, descriptor,
                Linker.Option.firstVariadicArg(firstVariadic),
                Linker.Option.captureCallState(CallState.ERRNO_STATE));
    }

    private static final class mmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "mmap");
        static final MethodHandle HANDLE = bind("mmap", ADDR, DESC);
    }

    /**
     * {@code void * mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}
     */
    public static FunctionDescriptor mmap$descriptor() {
        return mmap.DESC;
    }

    /** Address of {@code mmap}. */
    public static MemorySegment mmap$address() {
        return mmap.ADDR;
    }

    /** Downcall handle of {@code mmap}; its first parameter is the {@link CallState}. */
    public static MethodHandle mmap$handle() {
        return mmap.HANDLE;
    }

    /**
     * {@code void * mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}
     *
     * @return the mapping (a zero-length segment), or {@code MAP_FAILED} ({@code (void *) -1}) on failure
     */
    public static MemorySegment mmap(MemorySegment callState, MemorySegment addr, long length, int prot, int flags,
            int fd, long offset) {
        try {
            return (MemorySegment) mmap.HANDLE.invokeExact(callState, addr, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class munmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "munmap");
        static final MethodHandle HANDLE = bind("munmap", ADDR, DESC);
    }

    /**
     * {@code int munmap(void *addr, size_t length)}
     */
    public static FunctionDescriptor munmap$descriptor() {
        return munmap.DESC;
    }

    /** Address of {@code munmap}. */
    public static MemorySegment munmap$address() {
        return munmap.ADDR;
    }

    /** Downcall handle of {@code munmap}; its first parameter is the {@link CallState}. */
    public static MethodHandle munmap$handle() {
        return munmap.HANDLE;
    }

    /**
     * {@code int munmap(void *addr, size_t length)}
     *
     * @return 0, or -1 with errno set
     */
    public static int munmap(MemorySegment callState, MemorySegment addr, long length) {
        try {
            return (int) munmap.HANDLE.invokeExact(callState, addr, length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class sysconf {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "sysconf");
        static final MethodHandle HANDLE = bind("sysconf", ADDR, DESC);
    }

    /**
     * {@code long sysconf(int name)}
     */
    public static FunctionDescriptor sysconf$descriptor() {
        return sysconf.DESC;
    }

    /** Address of {@code sysconf}. */
    public static MemorySegment sysconf$address() {
        return sysconf.ADDR;
    }

    /** Downcall handle of {@code sysconf}; its first parameter is the {@link CallState}. */
    public static MethodHandle sysconf$handle() {
        return sysconf.HANDLE;
    }

    /**
     * {@code long sysconf(int name)}
     *
     * @return the value, or -1 (errno set if it failed)
     */
    public static long sysconf(MemorySegment callState, int name) {
        try {
            return (long) sysconf.HANDLE.invokeExact(callState, name);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class socket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "socket");
        static final MethodHandle HANDLE = bind("socket", ADDR, DESC);
    }

    /**
     * {@code int socket(int domain, int type, int protocol)}
     */
    public static FunctionDescriptor socket$descriptor() {
        return socket.DESC;
    }

    /** Address of {@code socket}. */
    public static MemorySegment socket$address() {
        return socket.ADDR;
    }

    /** Downcall handle of {@code socket}; its first parameter is the {@link CallState}. */
    public static MethodHandle socket$handle() {
        return socket.HANDLE;
    }

    /**
     * {@code int socket(int domain, int type, int protocol)}
     *
     * @return the new file descriptor, or -1 with errno set
     */
    public static int socket(MemorySegment callState, int domain, int type, int protocol) {
        try {
            return (int) socket.HANDLE.invokeExact(callState, domain, type, protocol);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class bind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "bind");
        static final MethodHandle HANDLE = bind("bind", ADDR, DESC);
    }

    /**
     * {@code int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen)}
     */
    public static FunctionDescriptor bind$descriptor() {
        return bind.DESC;
    }

    /** Address of {@code bind}. */
    public static MemorySegment bind$address() {
        return bind.ADDR;
    }

    /** Downcall handle of {@code bind}; its first parameter is the {@link CallState}. */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /**
     * {@code int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen)}
     *
     * @return 0, or -1 with errno set
     */
    public static int bind(MemorySegment callState, int sockfd, MemorySegment addr, int addrlen) {
        try {
            return (int) bind.HANDLE.invokeExact(callState, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class listen {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "listen");
        static final MethodHandle HANDLE = bind("listen", ADDR, DESC);
    }

    /**
     * {@code int listen(int sockfd, int backlog)}
     */
    public static FunctionDescriptor listen$descriptor() {
        return listen.DESC;
    }

    /** Address of {@code listen}. */
    public static MemorySegment listen$address() {
        return listen.ADDR;
    }

    /** Downcall handle of {@code listen}; its first parameter is the {@link CallState}. */
    public static MethodHandle listen$handle() {
        return listen.HANDLE;
    }

    /**
     * {@code int listen(int sockfd, int backlog)}
     *
     * @return 0, or -1 with errno set
     */
    public static int listen(MemorySegment callState, int sockfd, int backlog) {
        try {
            return (int) listen.HANDLE.invokeExact(callState, sockfd, backlog);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class accept4 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "accept4");
        static final MethodHandle HANDLE = bind("accept4", ADDR, DESC);
    }

    /**
     * {@code int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags)}
     */
    public static FunctionDescriptor accept4$descriptor() {
        return accept4.DESC;
    }

    /** Address of {@code accept4}. */
    public static MemorySegment accept4$address() {
        return accept4.ADDR;
    }

    /** Downcall handle of {@code accept4}; its first parameter is the {@link CallState}. */
    public static MethodHandle accept4$handle() {
        return accept4.HANDLE;
    }

    /**
     * {@code int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags)}
     *
     * @return the accepted socket, or -1 with errno set
     */
    public static int accept4(MemorySegment callState, int sockfd, MemorySegment addr, MemorySegment addrlen,
            int flags) {
        try {
            return (int) accept4.HANDLE.invokeExact(callState, sockfd, addr, addrlen, flags);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class connect {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "connect");
        static final MethodHandle HANDLE = bind("connect", ADDR, DESC);
    }

    /**
     * {@code int connect(int sockfd, const struct sockaddr *addr, socklen_t addrlen)}
     */
    public static FunctionDescriptor connect$descriptor() {
        return connect.DESC;
    }

    /** Address of {@code connect}. */
    public static MemorySegment connect$address() {
        return connect.ADDR;
    }

    /** Downcall handle of {@code connect}; its first parameter is the {@link CallState}. */
    public static MethodHandle connect$handle() {
        return connect.HANDLE;
    }

    /**
     * {@code int connect(int sockfd, const struct sockaddr *addr, socklen_t addrlen)}
     *
     * @return 0, or -1 with errno set ({@code EINPROGRESS} for a non-blocking socket still connecting)
     */
    public static int connect(MemorySegment callState, int sockfd, MemorySegment addr, int addrlen) {
        try {
            return (int) connect.HANDLE.invokeExact(callState, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class setsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "setsockopt");
        static final MethodHandle HANDLE = bind("setsockopt", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int setsockopt(int sockfd, int level, int optname, const void *optval,
     *         socklen_t optlen)
     * }
     */
    public static FunctionDescriptor setsockopt$descriptor() {
        return setsockopt.DESC;
    }

    /** Address of {@code setsockopt}. */
    public static MemorySegment setsockopt$address() {
        return setsockopt.ADDR;
    }

    /** Downcall handle of {@code setsockopt}; its first parameter is the {@link CallState}. */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int setsockopt(int sockfd, int level, int optname, const void *optval,
     *         socklen_t optlen)
     * }
     *
     * @return 0, or -1 with errno set
     */
    public static int setsockopt(MemorySegment callState, int sockfd, int level, int optname, MemorySegment optval,
            int optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(callState, sockfd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getsockopt");
        static final MethodHandle HANDLE = bind("getsockopt", ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int getsockopt(int sockfd, int level, int optname, void *optval,
     *         socklen_t *optlen)
     * }
     */
    public static FunctionDescriptor getsockopt$descriptor() {
        return getsockopt.DESC;
    }

    /** Address of {@code getsockopt}. */
    public static MemorySegment getsockopt$address() {
        return getsockopt.ADDR;
    }

    /** Downcall handle of {@code getsockopt}; its first parameter is the {@link CallState}. */
    public static MethodHandle getsockopt$handle() {
        return getsockopt.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int getsockopt(int sockfd, int level, int optname, void *optval,
     *         socklen_t *optlen)
     * }
     *
     * @return 0, or -1 with errno set
     */
    public static int getsockopt(MemorySegment callState, int sockfd, int level, int optname, MemorySegment optval,
            MemorySegment optlen) {
        try {
            return (int) getsockopt.HANDLE.invokeExact(callState, sockfd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getsockname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getsockname");
        static final MethodHandle HANDLE = bind("getsockname", ADDR, DESC);
    }

    /**
     * {@code int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen)}
     */
    public static FunctionDescriptor getsockname$descriptor() {
        return getsockname.DESC;
    }

    /** Address of {@code getsockname}. */
    public static MemorySegment getsockname$address() {
        return getsockname.ADDR;
    }

    /** Downcall handle of {@code getsockname}; its first parameter is the {@link CallState}. */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /**
     * {@code int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen)}
     *
     * @return 0, or -1 with errno set
     */
    public static int getsockname(MemorySegment callState, int sockfd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getsockname.HANDLE.invokeExact(callState, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class getpeername {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "getpeername");
        static final MethodHandle HANDLE = bind("getpeername", ADDR, DESC);
    }

    /**
     * {@code int getpeername(int sockfd, struct sockaddr *addr, socklen_t *addrlen)}
     */
    public static FunctionDescriptor getpeername$descriptor() {
        return getpeername.DESC;
    }

    /** Address of {@code getpeername}. */
    public static MemorySegment getpeername$address() {
        return getpeername.ADDR;
    }

    /** Downcall handle of {@code getpeername}; its first parameter is the {@link CallState}. */
    public static MethodHandle getpeername$handle() {
        return getpeername.HANDLE;
    }

    /**
     * {@code int getpeername(int sockfd, struct sockaddr *addr, socklen_t *addrlen)}
     *
     * @return 0, or -1 with errno set
     */
    public static int getpeername(MemorySegment callState, int sockfd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getpeername.HANDLE.invokeExact(callState, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class shutdown {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "shutdown");
        static final MethodHandle HANDLE = bind("shutdown", ADDR, DESC);
    }

    /**
     * {@code int shutdown(int sockfd, int how)}
     */
    public static FunctionDescriptor shutdown$descriptor() {
        return shutdown.DESC;
    }

    /** Address of {@code shutdown}. */
    public static MemorySegment shutdown$address() {
        return shutdown.ADDR;
    }

    /** Downcall handle of {@code shutdown}; its first parameter is the {@link CallState}. */
    public static MethodHandle shutdown$handle() {
        return shutdown.HANDLE;
    }

    /**
     * {@code int shutdown(int sockfd, int how)}
     *
     * @return 0, or -1 with errno set
     */
    public static int shutdown(MemorySegment callState, int sockfd, int how) {
        try {
            return (int) shutdown.HANDLE.invokeExact(callState, sockfd, how);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class close {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "close");
        static final MethodHandle HANDLE = bind("close", ADDR, DESC);
    }

    /**
     * {@code int close(int fd)}
     */
    public static FunctionDescriptor close$descriptor() {
        return close.DESC;
    }

    /** Address of {@code close}. */
    public static MemorySegment close$address() {
        return close.ADDR;
    }

    /** Downcall handle of {@code close}; its first parameter is the {@link CallState}. */
    public static MethodHandle close$handle() {
        return close.HANDLE;
    }

    /**
     * {@code int close(int fd)}
     *
     * @return 0, or -1 with errno set
     */
    public static int close(MemorySegment callState, int fd) {
        try {
            return (int) close.HANDLE.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class open {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "open");
        static final MethodHandle HANDLE = variadic("open", ADDR, DESC, 2);
    }

    /**
     * {@code int open(const char *pathname, int flags, ...)}
     * <p>Bound with {@code mode} as the first variadic argument ({@code mode_t} is {@code unsigned int}).
     */
    public static FunctionDescriptor open$descriptor() {
        return open.DESC;
    }

    /** Address of {@code open}. */
    public static MemorySegment open$address() {
        return open.ADDR;
    }

    /** Downcall handle of {@code open}; its first parameter is the {@link CallState}. */
    public static MethodHandle open$handle() {
        return open.HANDLE;
    }

    /**
     * {@code int open(const char *pathname, int flags, ...)}
     * <p>{@code mode} is read only with {@code O_CREAT} or {@code O_TMPFILE}; pass 0 otherwise.
     *
     * @return the new file descriptor, or -1 with errno set
     */
    public static int open(MemorySegment callState, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) open.HANDLE.invokeExact(callState, pathname, flags, mode);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class read {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "read");
        static final MethodHandle HANDLE = bind("read", ADDR, DESC);
    }

    /**
     * {@code ssize_t read(int fd, void *buf, size_t count)}
     */
    public static FunctionDescriptor read$descriptor() {
        return read.DESC;
    }

    /** Address of {@code read}. */
    public static MemorySegment read$address() {
        return read.ADDR;
    }

    /** Downcall handle of {@code read}; its first parameter is the {@link CallState}. */
    public static MethodHandle read$handle() {
        return read.HANDLE;
    }

    /**
     * {@code ssize_t read(int fd, void *buf, size_t count)}
     *
     * @return the number of bytes read (0 at end of file), or -1 with errno set
     */
    public static long read(MemorySegment callState, int fd, MemorySegment buf, long count) {
        try {
            return (long) read.HANDLE.invokeExact(callState, fd, buf, count);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class write {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "write");
        static final MethodHandle HANDLE = bind("write", ADDR, DESC);
    }

    /**
     * {@code ssize_t write(int fd, const void *buf, size_t count)}
     */
    public static FunctionDescriptor write$descriptor() {
        return write.DESC;
    }

    /** Address of {@code write}. */
    public static MemorySegment write$address() {
        return write.ADDR;
    }

    /** Downcall handle of {@code write}; its first parameter is the {@link CallState}. */
    public static MethodHandle write$handle() {
        return write.HANDLE;
    }

    /**
     * {@code ssize_t write(int fd, const void *buf, size_t count)}
     *
     * @return the number of bytes written, or -1 with errno set
     */
    public static long write(MemorySegment callState, int fd, MemorySegment buf, long count) {
        try {
            return (long) write.HANDLE.invokeExact(callState, fd, buf, count);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class eventfd {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "eventfd");
        static final MethodHandle HANDLE = bind("eventfd", ADDR, DESC);
    }

    /**
     * {@code int eventfd(unsigned int initval, int flags)}
     */
    public static FunctionDescriptor eventfd$descriptor() {
        return eventfd.DESC;
    }

    /** Address of {@code eventfd}. */
    public static MemorySegment eventfd$address() {
        return eventfd.ADDR;
    }

    /** Downcall handle of {@code eventfd}; its first parameter is the {@link CallState}. */
    public static MethodHandle eventfd$handle() {
        return eventfd.HANDLE;
    }

    /**
     * {@code int eventfd(unsigned int initval, int flags)}
     *
     * @return the new file descriptor, or -1 with errno set
     */
    public static int eventfd(MemorySegment callState, int initval, int flags) {
        try {
            return (int) eventfd.HANDLE.invokeExact(callState, initval, flags);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
