package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the end-to-end tests drive (curl, a headless Chromium): where they are, whether a
 * test may run without them, and running one with a deadline.
 *
 * <p>A missing program skips the test with a reason naming it, so {@code mvn verify} still passes on a
 * developer machine without a browser - except on CI ({@code CI} set, as GitHub Actions and .ci/run do) on a
 * machine with apt-get, where {@code ci/test} installs both before Maven runs: there a missing program means
 * the setup is broken, and the test fails instead of passing silently.
 *
 * <p>Thread model: stateless; every method may be called from any thread.
 */
final class Tools {
    private Tools() {
    }

    /** curl from the PATH, or the test is skipped (failed on CI). */
    static Curl curl() {
        return new Curl(require("curl", Curl.locate()));
    }

    /**
     * Chromium ({@code -Diocp4j.chromium}, else chromium or chromium-browser on the PATH), or the test is
     * skipped (failed on CI).
     */
    static Chromium chromium() {
        return new Chromium(require("chromium", Chromium.locate()));
    }

    private static Path require(String program, Optional<Path> found) {
        if (found.isPresent()) {
            return found.get();
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "unset");
        String reason = program + " not found on the PATH (" + path + "); install it (Debian: apt-get install "
                + program + ") or run the tests with bash ci/test";
        if (mustBeInstalled()) {
            return fail(reason + " - CI is set and this machine has apt-get, so ci/test should have installed it");
        }
        return Assumptions.abort(reason);
    }

    /** On CI, where ci/test installs the programs through apt (it installs nothing on Windows or macOS). */
    private static boolean mustBeInstalled() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && onPath("apt-get").isPresent();
    }

    /**
     * The first of the program names found as an executable file in a PATH directory (with .exe on Windows);
     * in the windows-jvm lane, on the Linux side's PATH ({@link LinuxCommands}).
     */
    static Optional<Path> onPath(String... names) {
        if (LinuxCommands.available()) {
            return LinuxCommands.which(names);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, windows ? name + ".exe" : name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a command with stdin empty and stdout and stderr both appended to {@code output}, and waits for it;
     * in the windows-jvm lane, on the Linux side ({@link LinuxCommands}).
     *
     * @return the exit code
     * @throws TimeoutException when it had not exited within {@code timeout}; the process and all its
     *                          descendants (Chromium's zygote, renderer and GPU processes) have been killed
     */
    static int run(List<String> command, Path output, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        if (LinuxCommands.available()) {
            return LinuxCommands.run(command, output, timeout);
        }
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(command.getFirst() + " did not exit within " + timeout);
            }
            return process.exitValue();
        } finally {
            // Also reached when interrupted: nothing may outlive the test that started it.
            killTree(process);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Kills the process and its descendants and waits for them to go. The descendants are listed before the
     * root is killed: once it is gone they are re-parented and can no longer be found from it.
     */
    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        for (ProcessHandle descendant : tree) {
            descendant.destroyForcibly();
        }
        process.destroyForcibly();
        for (ProcessHandle handle : tree) {
            awaitExit(handle);
        }
        awaitExit(process.toHandle());
    }

    private static void awaitExit(ProcessHandle handle) throws InterruptedException {
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("process " + handle.pid() + " still running 10 s after SIGKILL", e);
        }
    }

    /**
     * Why symbolic links cannot be made in {@code directory}, or null when they can: a probe link is created
     * and looked at. Windows refuses without the privilege to create links; Wine 8's CreateSymbolicLinkW
     * reports success and creates nothing (ci/windows-jvm/WINE.md), which only looking at the link shows.
     */
    static String symbolicLinksMissing(Path directory) throws IOException {
        Path probe = directory.resolve("symbolic-link-probe");
        try {
            Files.createSymbolicLink(probe, Path.of("target-of-the-probe"));
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            return "symbolic links cannot be created here (Windows without the privilege to create them): " + e;
        }
        try {
            return Files.isSymbolicLink(probe) ? null : "creating a symbolic link reported success but made none"
                    + " (Wine 8's CreateSymbolicLinkW, ci/windows-jvm/WINE.md)";
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * Deletes a temporary directory and everything in it; in the windows-jvm lane on the Linux side
     * ({@link LinuxCommands#deleteTree}), since the directories deleted here are the Linux programs' work.
     */
    static void deleteTree(Path root) throws IOException {
        if (LinuxCommands.available()) {
            LinuxCommands.deleteTree(root);
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
