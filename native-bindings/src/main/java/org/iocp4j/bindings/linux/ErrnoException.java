package org.iocp4j.bindings.linux;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.internal.ErrorNames;

/**
 * A libc function or system call failed with an {@code errno} code, or an io_uring request completed with
 * {@code -errno} in {@code cqe->res}. The message names the function, the code's symbolic name from
 * {@link Errno} and its number, for example {@code io_uring_setup failed: EINVAL (22)}.
 */
public final class ErrnoException extends NativeException {
    private static final long serialVersionUID = 1L;

    /**
     * Code to name, from the fields of {@link Errno}. Where two names share a code
     * ({@code EAGAIN}/{@code EWOULDBLOCK}, {@code EOPNOTSUPP}/{@code ENOTSUP}) the one declared first, the
     * kernel's primary name, wins.
     */
    private static final Map<Integer, String> NAMES = ErrorNames.of(Errno.class);

    private ErrnoException(String function, int errno) {
        super(function, errno, NAMES.get(errno));
    }

    /** The symbolic name of {@code errno} ({@code "ECONNRESET"}), or {@code null} if {@link Errno} has none. */
    public static String name(int errno) {
        return NAMES.get(errno);
    }

    /** The exception for {@code function} failing with {@code errno} (a positive code). */
    public static ErrnoException of(String function, int errno) {
        return new ErrnoException(function, errno);
    }

    /**
     * The exception for {@code function} failing, with the {@code errno} that the call through
     * {@code callState} captured.
     */
    public static ErrnoException of(String function, MemorySegment callState) {
        return new ErrnoException(function, CallState.errno(callState));
    }

    /** The {@code errno} code; the same as {@link #code()}. */
    public int errno() {
        return code();
    }
}
