package org.iocp4j.bindings.windows;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iocp4j.bindings.CallState;
import org.iocp4j.bindings.NativeException;

/**
 * A Windows call failed with a Win32 or Winsock error code, for example
 * {@code CancelIoEx failed: ERROR_NOT_FOUND (1168)}.
 *
 * <p>The symbolic name comes from the {@code int} fields of the error classes of this package:
 * {@link Win32Errors}, then {@code WinsockErrors} where present. Where two names share a value, the
 * earlier class wins: Winsock's {@code WSA_IO_PENDING}, {@code WSA_OPERATION_ABORTED},
 * {@code WSA_INVALID_HANDLE}, {@code WSA_WAIT_TIMEOUT} and the like are defined in {@code winsock2.h} as
 * the Win32 codes themselves, and the Win32 name ({@code ERROR_IO_PENDING}) is the one the completion
 * port and {@code FormatMessage} speak of. {@link Win32Errors} has no two fields with one value; within
 * another class the alphabetically first name wins, so that the choice does not depend on reflection
 * order.
 */
public final class Win32Exception extends NativeException {
    private static final long serialVersionUID = 1L;

    /** The error classes consulted, in order of precedence; those absent at run time are skipped. */
    private static final List<String> ERROR_CLASSES = List.of(
            "org.iocp4j.bindings.windows.Win32Errors",
            "org.iocp4j.bindings.windows.WinsockErrors");

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
        static final Map<Integer, String> BY_CODE = load();

        private static Map<Integer, String> load() {
            Map<Integer, String> byCode = new HashMap<>();
            for (String className : ERROR_CLASSES) {
                Class<?> errors;
                try {
                    errors = Class.forName(className);
                } catch (ClassNotFoundException absent) {
                    continue;
                }
                Stream.of(errors.getDeclaredFields())
                        .filter(Symbols::isCode)
                        .sorted(Comparator.comparing(Field::getName))
                        .forEach(f -> byCode.putIfAbsent(value(f), f.getName()));
            }
            return Map.copyOf(byCode);
        }

        private static boolean isCode(Field f) {
            int m = f.getModifiers();
            return Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class;
        }

        private static int value(Field f) {
            try {
                return f.getInt(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("error code field not readable: " + f, e);
            }
        }
    }
}
