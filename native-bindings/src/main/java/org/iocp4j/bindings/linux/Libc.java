package org.iocp4j.bindings.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
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
 * with {@link CallState#errno}. Loading this class never fails; on a system without the symbol a call
 * throws {@link UnsatisfiedLinkError}.
 *
 * <p>Type mapping (x86_64 Linux, LP64): pointers are {@code ADDRESS}; {@code int} is
 * {@code JAVA_INT}; {@code long}, {@code size_t}, {@code off_t} and {@code ssize_t} are {@code JAVA_LONG}.
 */
public final class Libc {
    static final String LIBRARY = "libc";
    private static final SymbolLookup SYMBOLS = Downcalls.libc();

    private Libc() {
    }

    private static MethodHandle bind(String name, MemorySegment address, FunctionDescriptor descriptor) {
        return Downcalls.downcall(LIBRARY, name, address, descriptor, CallState.ERRNO_STATE);
    }

    private static final class mmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
        static final MemorySegment ADDR = Downcalls.find(SYMBOLS, "mmap");
        static final MethodHandle HANDLE = bind("mmap", ADDR, DESC);
    }

    /** {@snippet lang=c : void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) } */
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
     * {@snippet lang=c : void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) }
     *
     * @return the mapping (a zero-length segment), or {@code MAP_FAILED} ({@code (void *) -1}) on failure
     */
    public static MemorySegment mmap(MemorySegment callState, MemorySegment addr, long length, int prot,
                                     int flags, int fd, long offset) {
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

    /** {@snippet lang=c : int munmap(void *addr, size_t length) } */
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

    /** {@snippet lang=c : int munmap(void *addr, size_t length) } @return 0, or -1 with errno set */
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

    /** {@snippet lang=c : long sysconf(int name) } */
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

    /** {@snippet lang=c : long sysconf(int name) } @return the value, or -1 (errno set if it failed) */
    public static long sysconf(MemorySegment callState, int name) {
        try {
            return (long) sysconf.HANDLE.invokeExact(callState, name);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
