package org.iocp4j.bindings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/**
 * How {@link Downcalls#library} treats a library it cannot load. The tests run with native access, so
 * refusal is simulated through the loader the package-private overload takes.
 */
class DowncallsTest {
    private static final String OS = System.getProperty("os.name");

    private static void assertNotAvailable(String library, SymbolLookup lookup) {
        MemorySegment address = Downcalls.find(lookup, "SomeFunction");
        assertEquals(MemorySegment.NULL, address);
        MethodHandle handle = Downcalls.downcall(library, "SomeFunction", address, FunctionDescriptor.ofVoid(), null);
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, () -> {
            handle.invokeExact();
        });
        assertEquals(library + "!SomeFunction is not available on " + OS, e.getMessage());
    }

    @Test
    void aMissingLibraryLeavesCallsThatFailNamingTheFunction() {
        assertNotAvailable("iocp4j-no-such-library", Downcalls.library("iocp4j-no-such-library"));
        assertNotAvailable("kernel32", Downcalls.library("kernel32", () -> {
            throw new IllegalArgumentException("Cannot open library: kernel32");
        }));
    }

    @Test
    void refusedNativeAccessIsReportedWithTheFlagThatEnablesIt() {
        IllegalCallerException refused = new IllegalCallerException("Illegal native access from module org.iocp4j.bindings");
        IllegalCallerException e = assertThrows(IllegalCallerException.class,
                () -> Downcalls.library("kernel32", () -> {
                    throw refused;
                }));
        assertSame(refused, e.getCause());
        Module module = Downcalls.class.getModule();
        String flag = "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
        assertTrue(e.getMessage().contains("native access was refused"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel32"), e.getMessage());
        assertTrue(e.getMessage().contains(flag), e.getMessage());
        assertFalse(e.getMessage().contains("not available"), e.getMessage());
    }

    /** On the module path the flag names the bindings module, as the module's documentation does. */
    @Test
    void theFlagNamesTheBindingsModule() {
        IllegalCallerException e = Downcalls.nativeAccessRefused("ws2_32", new IllegalCallerException("refused"));
        // On the class path (the windows-jvm lane) the bindings are in the unnamed module.
        String module = Downcalls.class.getModule().isNamed() ? "org.iocp4j.bindings" : "ALL-UNNAMED";
        assertTrue(e.getMessage().contains("--enable-native-access=" + module), e.getMessage());
    }
}
