package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import org.iocp4j.core.backend.Backend;

/**
 * What the tests of every package need to know about the Windows they run on, and may see of the IOCP
 * backend's insides.
 */
public final class WindowsTesting {
    /** Whether this JVM is a Windows one (on Windows, or a Windows JDK under Wine). */
    public static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private static final String WINE_VERSION = WINDOWS ? readWineVersion() : null;

    /**
     * Whether this Windows JVM runs under Wine. Tests adapt only where Wine measurably differs from Windows
     * (ci/windows-jvm/WINE.md), naming the difference.
     */
    public static final boolean WINE = WINE_VERSION != null;

    private WindowsTesting() {
    }

    /** Wine's version, or null on Windows itself and off Windows. */
    public static String wineVersion() {
        return WINE_VERSION;
    }

    /** Skips the calling test off Windows, saying what of Windows it {@code needs}. */
    public static void assumeWindows(String needs) {
        assumeTrue(WINDOWS, () -> "needs Windows: " + needs + " (this is " + System.getProperty("os.name") + ")");
    }

    /** Wine's ntdll exports {@code wine_get_version}; Windows' does not. */
    private static String readWineVersion() {
        SymbolLookup ntdll = SymbolLookup.libraryLookup("ntdll", Arena.global());
        return ntdll.find("wine_get_version").map(address -> {
            try {
                MemorySegment version = (MemorySegment) Linker.nativeLinker()
                        .downcallHandle(address, FunctionDescriptor.of(ValueLayout.ADDRESS))
                        .invokeExact();
                return version.reinterpret(64).getString(0);
            } catch (Throwable t) {
                throw new IllegalStateException("ntdll!wine_get_version failed", t);
            }
        }).orElse(null);
    }

    /** The Win32 implementation an IOCP backend makes its calls through. */
    public static Win32 win32(Backend iocp) {
        return ((IocpBackend) iocp).win32();
    }
}
