package org.iocp4j.bindings;

import java.io.IOException;

/**
 * A native call failed with an operating-system error code.
 *
 * <p>The message names the call, the code's symbolic name and its number, for example
 * {@code WSARecv failed: WSAECONNRESET (10054)}, so that a reader can look the code up in the
 * platform's documentation.
 */
public class NativeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int code;
    private final String symbol;

    /**
     * @param function the native function that failed, as the platform names it
     * @param code     the error code it reported
     * @param symbol   the code's symbolic name, or {@code null} if the bindings do not know it
     */
    public NativeException(String function, int code, String symbol) {
        super(function + " failed: " + describe(code, symbol));
        this.function = function;
        this.code = code;
        this.symbol = symbol == null ? "UNKNOWN" : symbol;
    }

    /** {@code NAME (code)} for a code and its symbolic name. */
    public static String describe(int code, String symbol) {
        return (symbol == null ? "UNKNOWN" : symbol) + " (" + Integer.toUnsignedString(code) + ")";
    }

    /** The native function that failed. */
    public String function() {
        return function;
    }

    /** The operating system's error code. */
    public int code() {
        return code;
    }

    /** The code's symbolic name, {@code UNKNOWN} where the bindings do not know it. */
    public String symbol() {
        return symbol;
    }
}
