package org.iocp4j.bindings.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iocp4j.bindings.windows.Kernel32;
import org.junit.jupiter.api.Test;

/**
 * The build runs the tests on the module path with {@code --enable-native-access} for the module's own
 * modules (surefire {@code argLine}, property {@code iocp4j.native.access}); without it every
 * downcall would warn, and fail on JDKs that deny native access by default. The windows-jvm lane runs them on
 * the class path (pom.xml, profile windows-jvm) with native access for the unnamed module.
 */
class NativeAccessTest {
    @Test
    void bindingsModuleRunsNamedWithNativeAccess() {
        Module bindings = Kernel32.class.getModule();
        boolean classPathLane = "windows-jvm".equals(System.getProperty("iocp4j.lane"));
        assertEquals(classPathLane ? null : "org.iocp4j.bindings", bindings.getName(),
                classPathLane ? "the windows-jvm lane runs on the class path" : "tests must run on the module path");
        assertTrue(bindings.isNativeAccessEnabled(), "surefire did not pass --enable-native-access="
                + (classPathLane ? "ALL-UNNAMED" : "org.iocp4j.bindings") + " (iocp4j.native.access)");
    }
}
