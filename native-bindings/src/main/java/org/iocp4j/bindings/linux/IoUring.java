package org.iocp4j.bindings.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.internal.Downcalls;

/**
 * The io_uring system calls, in the shape jextract generates. glibc has no wrappers for them and liburing
 * is not used, so each is a call of glibc's variadic {@code long syscall(long number, ...)} with its
 * number from {@link IoUringConstants} ({@code __NR_io_uring_setup} and so on). Each system call has its
 * own holder and descriptor: the {@code number} as the fixed parameter and then the arguments of that
 * call, bound with {@link java.lang.foreign.Linker.Option#firstVariadicArg} at 1. The {@code unsigned int}
 * arguments travel as {@code int}: the kernel's system call entry truncates every argument register to
 * its declared type.
 *
 * <p>Every invoker takes a {@link CallState} first and captures {@code errno}: the calls return -1 and set
 * errno on failure (read it with {@link CallState#errno}, or {@link ErrnoException#of(String,
 * MemorySegment)}). Loading this class never fails; where {@code syscall} is missing a call throws
 * {@link UnsatisfiedLinkError}.
 */
public final class IoUring {
    /** Address of glibc's {@code syscall}, shared by every holder. */
    static final MemorySegment SYSCALL = Downcalls.find(Downcalls.libc(), "syscall");

    private IoUring() {
    }

    private static MethodHandle syscall(String name, MemorySegment address, FunctionDescriptor descriptor,
                                        int firstVariadic) {
        return Libc.variadic(name, address, descriptor, firstVariadic);
    }

    private static final class io_uring_setup {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = SYSCALL;
        static final MethodHandle HANDLE = syscall("io_uring_setup", ADDR, DESC, 1);
    }

    /**
     * {@code int io_uring_setup(u32 entries, struct io_uring_params *p)}
     * <p>The descriptor is that of {@code long syscall(long number, ...)} with the arguments this call passes: {@code
     * (__NR_io_uring_setup, entries, p)}.
     */
    public static FunctionDescriptor io_uring_setup$descriptor() {
        return io_uring_setup.DESC;
    }

    /** Address of {@code syscall}. */
    public static MemorySegment io_uring_setup$address() {
        return io_uring_setup.ADDR;
    }

    /** Downcall handle of {@code io_uring_setup}; its first parameter is the {@link CallState}. */
    public static MethodHandle io_uring_setup$handle() {
        return io_uring_setup.HANDLE;
    }

    /**
     * {@code int io_uring_setup(u32 entries, struct io_uring_params *p)}
     *
     * @return the ring file descriptor, or -1 with errno set
     */
    public static int io_uring_setup(MemorySegment callState, int entries, MemorySegment p) {
        try {
            return (int) (long) io_uring_setup.HANDLE.invokeExact(
                    callState, IoUringConstants.__NR_io_uring_setup, entries, p);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class io_uring_enter {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG,
                JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG);
        static final MemorySegment ADDR = SYSCALL;
        static final MethodHandle HANDLE = syscall("io_uring_enter", ADDR, DESC, 1);
    }

    /**
     * {@snippet lang=c :
     * int io_uring_enter(unsigned int fd, unsigned int to_submit,
     *         unsigned int min_complete, unsigned int flags, const void *arg,
     *         size_t argsz)
     * }
     * <p>The descriptor is that of {@code long syscall(long number, ...)} with the arguments this call passes: {@code
     * (__NR_io_uring_enter, fd, to_submit, min_complete, flags, arg, argsz)}.
     */
    public static FunctionDescriptor io_uring_enter$descriptor() {
        return io_uring_enter.DESC;
    }

    /** Address of {@code syscall}. */
    public static MemorySegment io_uring_enter$address() {
        return io_uring_enter.ADDR;
    }

    /** Downcall handle of {@code io_uring_enter}; its first parameter is the {@link CallState}. */
    public static MethodHandle io_uring_enter$handle() {
        return io_uring_enter.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int io_uring_enter(unsigned int fd, unsigned int to_submit,
     *         unsigned int min_complete, unsigned int flags, const void *arg,
     *         size_t argsz)
     * }
     * <p>{@code arg} is a signal mask ({@code argsz} = {@code _NSIG / 8}) or, with {@code IORING_ENTER_EXT_ARG},
     * an {@link io_uring_getevents_arg} ({@code argsz} = its size); {@code NULL} and 0 for neither.
     *
     * @return the number of SQEs consumed, or -1 with errno set
     */
    public static int io_uring_enter(MemorySegment callState, int fd, int to_submit, int min_complete, int flags,
            MemorySegment arg, long argsz) {
        try {
            return (int) (long) io_uring_enter.HANDLE.invokeExact(
                    callState, IoUringConstants.__NR_io_uring_enter, fd, to_submit, min_complete, flags, arg, argsz);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class io_uring_register {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG,
                JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MemorySegment ADDR = SYSCALL;
        static final MethodHandle HANDLE = syscall("io_uring_register", ADDR, DESC, 1);
    }

    /**
     * {@snippet lang=c :
     * int io_uring_register(unsigned int fd, unsigned int opcode, void *arg,
     *         unsigned int nr_args)
     * }
     * <p>The descriptor is that of {@code long syscall(long number, ...)} with the arguments this call passes: {@code
     * (__NR_io_uring_register, fd, opcode, arg, nr_args)}.
     */
    public static FunctionDescriptor io_uring_register$descriptor() {
        return io_uring_register.DESC;
    }

    /** Address of {@code syscall}. */
    public static MemorySegment io_uring_register$address() {
        return io_uring_register.ADDR;
    }

    /** Downcall handle of {@code io_uring_register}; its first parameter is the {@link CallState}. */
    public static MethodHandle io_uring_register$handle() {
        return io_uring_register.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * int io_uring_register(unsigned int fd, unsigned int opcode, void *arg,
     *         unsigned int nr_args)
     * }
     *
     * @return an opcode-specific value (0 for most), or -1 with errno set
     */
    public static int io_uring_register(MemorySegment callState, int fd, int opcode, MemorySegment arg, int nr_args) {
        try {
            return (int) (long) io_uring_register.HANDLE.invokeExact(
                    callState, IoUringConstants.__NR_io_uring_register, fd, opcode, arg, nr_args);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
