package org.iocp4j.core.windows;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Wine lane of the core's tests: decides whether it runs, builds {@code win32bridge.exe} with mingw-w64
 * and starts one {@link Win32Bridge} per JVM (the region's fixed address allows only one), shared by every
 * test that asks for it and closed when the JVM exits.
 *
 * <p>Selected by the system property {@value #PROPERTY} ({@code mvn -Pwine}, {@code ci/test -Pwine}); a test
 * that asks for the bridge otherwise is skipped with the reason, as it is when {@value #COMPILER} or
 * {@value #WINE} is missing. The Wine prefix is {@code target/wine-bridge/prefix} unless the system property
 * {@code iocp4j.wine.prefix} names another directory.
 */
public final class WineLane {
    /** The system property that selects the lane. */
    public static final String PROPERTY = "iocp4j.wine";
    static final String COMPILER = "x86_64-w64-mingw32-gcc";
    static final String WINE = "wine";
    private static final long REGION_BYTES = 512L << 20;
    private static final int THREADS = 64;

    private static Win32Bridge bridge;
    private static Throwable startFailure;

    private WineLane() {
    }

    /** Whether the Wine lane was requested. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * The JVM's bridge, started on first use; skips the calling test (JUnit assumption) when the lane is not
     * requested or its tools are missing.
     *
     * @throws IOException when the bridge cannot be built or started although everything is installed
     */
    public static synchronized Win32Bridge bridge() throws IOException {
        assumeTrue(requested(), "the Wine lane is not requested (-D" + PROPERTY + "=true, mvn -Pwine, ci/test -Pwine)");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the Wine bridge needs Linux on x86_64");
        assumeTrue(onPath(COMPILER), COMPILER + " is not installed (apt-get install -y gcc-mingw-w64-x86-64)");
        assumeTrue(onPath(WINE), WINE + " is not installed (apt-get install -y wine64 wine)");
        if (startFailure != null) {
            throw new IOException("the Wine bridge failed to start earlier in this JVM", startFailure);
        }
        if (bridge == null) {
            try {
                bridge = start();
            } catch (IOException | RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(WineLane::stop, "wine-bridge-stop"));
        }
        return bridge;
    }

    private static void stop() {
        try {
            bridge.close();
        } catch (IOException e) {
            System.err.println("WineLane: closing the bridge failed: " + e);
        }
    }

    private static Win32Bridge start() throws IOException {
        Path target = Path.of(System.getProperty("iocp4j.build.directory", "target")).toAbsolutePath();
        Path source = Path.of(System.getProperty("iocp4j.basedir", "."), "src", "test", "c", "win32bridge.c")
                .toAbsolutePath();
        Path work = Files.createDirectories(target.resolve("wine-bridge"));
        Path exe = work.resolve("win32bridge.exe");
        compile(source, exe, work.resolve("compile.log"));
        // Creating a prefix takes 8-15 s here: another module's lane may name this module's (iocp4j.wine.prefix).
        String sharedPrefix = System.getProperty("iocp4j.wine.prefix", "");
        Path prefix = Files.createDirectories(sharedPrefix.isEmpty() ? work.resolve("prefix")
                : Path.of(sharedPrefix).toAbsolutePath().normalize());
        Map<String, String> environment = Map.of(
                "WINEPREFIX", prefix.toString(),
                "WINEDEBUG", "-all",
                // No Mono/Gecko installer prompts while the prefix is created; nothing here needs them.
                "WINEDLLOVERRIDES", "mscoree,mshtml=");
        Path shm = Path.of("/dev/shm", "iocp4j-win32bridge-" + ProcessHandle.current().pid());
        Files.deleteIfExists(shm);
        long started = System.nanoTime();
        Win32Bridge ready = Win32Bridge.start(List.of(WINE, exe.toString()), environment, shm, REGION_BYTES,
                THREADS, work.resolve("bridge.log"), 120, TimeUnit.SECONDS);
        System.out.printf("WineLane: win32bridge.exe ready under Wine in %d ms (region %d MiB at 0x%x, prefix %s)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), REGION_BYTES >> 20, SharedRegion.BASE,
                prefix);
        return ready;
    }

    /** Builds the bridge unless the executable is newer than its source. */
    private static void compile(Path source, Path exe, Path log) throws IOException {
        if (Files.exists(exe) && Files.getLastModifiedTime(exe).compareTo(Files.getLastModifiedTime(source)) > 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(COMPILER, "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror",
                "-static", "-o", exe.toString(), source.toString(), "-lws2_32", "-lmswsock"));
        int exit = run(command, log);
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + exit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
