package org.iocp4j.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * The block a downcall made with {@link Linker.Option#captureCallState} writes its error code into.
 *
 * <p>Every binding whose C function reports failure through {@code GetLastError()},
 * {@code WSAGetLastError()} or {@code errno} takes such a segment as its first argument; the code is read
 * from it right after the call, before any other native call on the thread can overwrite it. A segment is
 * owned by one thread at a time: allocate one per thread (a worker keeps its own for its whole life) so
 * that no I/O allocates.
 *
 * <p>The layout is the platform's ({@link Linker.Option#captureStateLayout()}): on Windows it holds
 * {@code GetLastError} and {@code WSAGetLastError}, on Linux {@code errno}.
 */
public final class CallState {
    /** Layout of the capture block on this platform. */
    public static final StructLayout LAYOUT = Linker.Option.captureStateLayout();

    /** Capture name for kernel32 functions, which report through {@code GetLastError()}. */
    public static final String GET_LAST_ERROR_STATE = "GetLastError";
    /** Capture name for Winsock functions, which report through {@code WSAGetLastError()}. */
    public static final String WSA_GET_LAST_ERROR_STATE = "WSAGetLastError";
    /** Capture name for libc functions and system calls, which report through {@code errno}. */
    public static final String ERRNO_STATE = "errno";

    /** Whether this platform's capture block has the named field. */
    private static boolean has(String name) {
        return LAYOUT.memberLayouts().stream().anyMatch(m -> m.name().orElse("").equals(name));
    }

    private static VarHandle handle(String name) {
        return has(name) ? LAYOUT.varHandle(MemoryLayout.PathElement.groupElement(name)) : null;
    }

    private static final VarHandle GET_LAST_ERROR = handle(GET_LAST_ERROR_STATE);
    private static final VarHandle WSA_GET_LAST_ERROR = handle(WSA_GET_LAST_ERROR_STATE);
    private static final VarHandle ERRNO = handle(ERRNO_STATE);

    private CallState() {
    }

    /** A new capture block from {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }

    /** The {@code GetLastError()} value the last call through {@code state} captured. */
    public static int getLastError(MemorySegment state) {
        return read(GET_LAST_ERROR, "GetLastError", state);
    }

    /** The {@code WSAGetLastError()} value the last call through {@code state} captured. */
    public static int wsaGetLastError(MemorySegment state) {
        return read(WSA_GET_LAST_ERROR, "WSAGetLastError", state);
    }

    /** The {@code errno} value the last call through {@code state} captured. */
    public static int errno(MemorySegment state) {
        return read(ERRNO, "errno", state);
    }

    private static int read(VarHandle handle, String name, MemorySegment state) {
        if (handle == null) {
            throw new UnsupportedOperationException(name + " is not captured on this platform ("
                    + System.getProperty("os.name") + "); capture layout is " + LAYOUT);
        }
        return (int) handle.get(state, 0L);
    }
}
