package org.iocp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.iocp4j.core.windows.IocpBackend;
import org.iocp4j.core.windows.Win32Direct;
import org.iocp4j.core.windows.WindowsTesting;
import org.junit.jupiter.api.Test;

/**
 * The engines every engine test builds run on the operating system's default backend: IOCP through
 * {@link Win32Direct}'s FFM downcalls in a Windows JVM (windows-latest, and the windows-jvm lane under Wine),
 * io_uring on Linux. Without this, a test setup that picked a backend of its own would leave the IOCP backend
 * untested on Windows while every test still passed - or fail there for a reason unrelated to the engine.
 */
class EngineBackendTest {
    /** Set by the windows-jvm profile (pom.xml): the lane exists to run a Windows JVM. */
    private static final boolean WINDOWS_JVM_LANE = "windows-jvm".equals(System.getProperty("iocp4j.lane"));

    @Test
    void theWindowsJvmLaneRunsAWindowsJvm() {
        org.junit.jupiter.api.Assumptions.assumeTrue(WINDOWS_JVM_LANE, "not the windows-jvm lane");
        assertTrue(EngineTesting.WINDOWS, "the windows-jvm lane runs on " + System.getProperty("os.name"));
        assertTrue(EngineTesting.WINE, "the windows-jvm lane runs under Wine, but ntdll has no wine_get_version");
        System.out.printf("windows-jvm lane: %s %s (%s) under %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name"), WindowsTesting.wineVersion());
    }

    @Test
    void theTestsEnginesRunOnTheOperatingSystemsBackendAndEchoThroughIt() throws Exception {
        IoEngine engine = EngineTesting.engine(b -> {
        });
        try {
            assertEquals(EngineTesting.BACKEND, engine.backend().name());
            if (EngineTesting.WINDOWS) {
                assertInstanceOf(IocpBackend.class, engine.backend());
                assertEquals(Win32Direct.class, WindowsTesting.win32(engine.backend()).getClass(),
                        "the IOCP backend calls Windows through Win32Direct's downcalls");
            }
            Server server = engine.listen(EngineTesting.LOOPBACK, EngineTesting.Echo::new);
            byte[] hello = ("hello through " + engine.backend().name()).getBytes(StandardCharsets.US_ASCII);
            try (Socket client = new Socket(server.localAddress().getAddress(), server.localAddress().getPort())) {
                client.getOutputStream().write(hello);
                byte[] echoed = new byte[hello.length];
                new DataInputStream(client.getInputStream()).readFully(echoed);
                assertArrayEquals(hello, echoed);
            }
            // A listening server keeps its accepts in flight (io_uring: one multishot accept per worker).
            server.close();
            server.closedFuture().get(5, TimeUnit.SECONDS);
            EngineTesting.awaitQuiet(engine, java.time.Duration.ofSeconds(10));
        } finally {
            EngineTesting.shutdownClean(engine);
        }
    }
}
