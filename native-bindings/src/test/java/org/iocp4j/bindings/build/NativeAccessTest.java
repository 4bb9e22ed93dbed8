package org.iocp4j.bindings.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iocp4j.bindings.windows.Kernel32;
import org.junit.jupiter.api.Test;

/**
 * The build runs the tests on the module path with {@code --enable-native-access} for the module's own
 * modules (surefire {@code argLine}, property {@code iocp4j.native.access}); without it every
 * downcall would warn, and fail on JDKs that deny native access by default.
 */
class NativeAccessTest {
    @Test
    void bindingsModuleRunsNamedWithNativeAccess() {
        Module bindings = Kernel32.class.getModule();
        assertEquals("org.iocp4j.bindings", bindings.getName(), "tests must run on the module path");
        assertTrue(bindings.isNativeAccessEnabled(),
                "surefire did not pass --enable-native-access=org.iocp4j.bindings (iocp4j.native.access)");
    }
}
