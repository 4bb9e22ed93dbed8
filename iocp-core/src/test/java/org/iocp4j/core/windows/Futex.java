package org.iocp4j.core.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Shared (not process-private) Linux futexes on words of a {@code MAP_SHARED} mapping, through libc's
 * {@code syscall(SYS_futex, ...)}: the Wine bridge waits and wakes on the same words from another process.
 * Results are ignored on purpose: every caller re-reads the word after a wait, whatever ended it.
 */
final class Futex {
    /** {@code SYS_futex} on x86_64 (asm/unistd_64.h). */
    private static final long SYS_futex = 202;
    /** {@code FUTEX_WAIT} / {@code FUTEX_WAKE} without {@code FUTEX_PRIVATE_FLAG} (linux/futex.h). */
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;

    /** {@code long syscall(long number, ...)}: futex's arguments are passed as longs, as glibc reads them. */
    private static final MethodHandle SYSCALL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS),
            Linker.Option.firstVariadicArg(1));

    /** A {@code struct timespec} per thread for the relative timeout of FUTEX_WAIT. */
    private static final ThreadLocal<MemorySegment> TIMESPEC =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(JAVA_LONG, 2));

    private Futex() {
    }

    /** Sleeps while the 32-bit word at {@code word} still holds {@code expected}, at most {@code nanos}. */
    static void await(MemorySegment word, int expected, long nanos) {
        MemorySegment timeout = TIMESPEC.get();
        timeout.setAtIndex(JAVA_LONG, 0, nanos / 1_000_000_000L);
        timeout.setAtIndex(JAVA_LONG, 1, nanos % 1_000_000_000L);
        invoke(word, FUTEX_WAIT, Integer.toUnsignedLong(expected), timeout);
    }

    /** Wakes every waiter on the word. */
    static void wake(MemorySegment word) {
        invoke(word, FUTEX_WAKE, Integer.MAX_VALUE, MemorySegment.NULL);
    }

    private static void invoke(MemorySegment word, long op, long value, MemorySegment timeout) {
        try {
            long ignored = (long) SYSCALL.invokeExact(SYS_futex, word, op, value, timeout);
        } catch (Throwable t) {
            throw new IllegalStateException("syscall(SYS_futex) could not be called", t);
        }
    }
}
