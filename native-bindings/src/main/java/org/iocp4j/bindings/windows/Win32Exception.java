package org.iocp4j.bindings.windows;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;
import org.iocp4j.bindings.internal.ErrorNames;

/**
 * A Windows call failed with a Win32 or Winsock error code, for example
 * {@code CancelIoEx failed: ERROR_NOT_FOUND (1168)}.
 *
 * <p>The symbolic name comes from the {@code int} fields of the error classes of this package:
 * {@link Win32Errors}, then {@link WinsockErrors}. Where two names share a value, the
 * earlier class wins: Winsock's {@code WSA_IO_PENDING}, {@code WSA_OPERATION_ABORTED},
 * {@code WSA_INVALID_HANDLE}, {@code WSA_WAIT_TIMEOUT} and the like are defined in {@code winsock2.h} as
 * the Win32 codes themselves, and the Win32 name ({@code ERROR_IO_PENDING}) is the one the completion
 * port and {@code FormatMessage} speak of. Neither class has two fields with one value.
 */
public final class Win32Exception extends NativeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param function the Windows function that failed, as Windows names it
     * @param code     the {@code GetLastError()} or {@code WSAGetLastError()} value it reported
     */
    public Win32Exception(String function, int code) {
        super(function, code, symbolOf(code));
    }

    /** The exception for {@code function}, with the {@code GetLastError()} code {@code callState} captured. */
    public static Win32Exception lastError(String function, MemorySegment callState) {
        return new Win32Exception(function, CallState.getLastError(callState));
    }

    /** The exception for {@code function}, with the {@code WSAGetLastError()} code {@code callState} captured. */
    public static Win32Exception wsaLastError(String function, MemorySegment callState) {
        return new Win32Exception(function, CallState.wsaGetLastError(callState));
    }

    /** The symbolic name of a Win32 or Winsock error code, {@code UNKNOWN} where the bindings have none. */
    public static String symbolOf(int code) {
        return Symbols.BY_CODE.getOrDefault(code, "UNKNOWN");
    }

    /** Built on first use: an exception, not class loading, pays for the reflection. */
    private static final class Symbols {
        static final Map<Integer, String> BY_CODE = ErrorNames.of(Win32Errors.class, WinsockErrors.class);
    }
}
