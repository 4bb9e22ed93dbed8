package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code http} command as a user runs it: a child JVM started on the module path, its printed URL
 * fetched, then stopped with SIGTERM ({@link Process#destroy()}), which takes the same shutdown-hook path as
 * Ctrl-C (SIGINT). Argument errors are checked in-process through {@link Main#run}.
 *
 * <p>Exit status on SIGTERM: the JVM's signal handler starts the shutdown with status 128 + 15 = 143 and runs
 * the hooks; the command's hook stops the server, which lets {@code main} return and call
 * {@code System.exit(0)}, but an exit requested while the shutdown is under way blocks and its status is not
 * used. So the process ends with 143, always - the JVM's convention for a SIGTERM'd process, which shells and
 * service managers read as "terminated by SIGTERM" rather than as a failure of its own.
 */
class HttpCommandTest {
    /** As {@code iocp4j.native.access} in examples/pom.xml: the modules that call native code. */
    private static final String NATIVE_ACCESS = "org.iocp4j.bindings,org.iocp4j.core,org.iocp4j.examples";
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final Pattern LISTENING = Pattern.compile(
            "iocp4j HTTP server listening on (http://127\\.0\\.0\\.1:[0-9]+/) \\(backend (\\S+), ([0-9]+) workers,"
                    + " root (.*)\\); Ctrl-C stops it");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();
    private final List<Path> stderrFiles = new ArrayList<>();

    /**
     * A failed test must not leave a server running, nor a file the temporary directory cannot lose: under
     * Wine a killed process's wait is satisfied before its handles are closed (ci/windows-jvm/WINE.md), so its
     * stderr file is deleted here, retried until those handles are gone.
     */
    @AfterEach
    void killLeftovers() throws InterruptedException, IOException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Path stderr : stderrFiles) {
            while (true) {
                try {
                    Files.deleteIfExists(stderr);
                    break;
                } catch (java.nio.file.FileSystemException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        }
    }

    /** The command running in a child JVM, its stderr going to a file and its first stdout line read. */
    private record Child(Process process, Path stderr, Matcher listening) {
        URI uri(String path) {
            return URI.create(listening.group(1)).resolve(path);
        }

        String stderrText() throws IOException {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        }
    }

    /** Starts {@code http ARGUMENTS} in a child JVM with {@code tmpdir} as its temporary directory. */
    private Process launch(Path tmpdir, Path stderr, String... arguments) throws IOException {
        // The module path of the default lane; the class path of the windows-jvm lane (pom.xml), where the
        // examples are in the unnamed module.
        String modulePath = System.getProperty("jdk.module.path");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=" + (modulePath != null ? NATIVE_ACCESS : "ALL-UNNAMED"),
                "-Djava.io.tmpdir=" + tmpdir));
        if (modulePath != null) {
            command.addAll(List.of("-p", modulePath, "-m", "org.iocp4j.examples/org.iocp4j.examples.Main", "http"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iocp4j.examples.Main", "http"));
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(stderr.toFile())
                .start();
        started.add(process);
        stderrFiles.add(stderr);
        return process;
    }

    private Child start(Path tmpdir, String... arguments) throws Exception {
        List<String> withPort = new ArrayList<>(List.of("--port", "0"));
        withPort.addAll(List.of(arguments));
        Path stderr = temp.resolve("stderr-" + started.size() + ".txt");
        Process process = launch(tmpdir, stderr, withPort.toArray(String[]::new));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(line, () -> "the command printed nothing and ended; stderr: " + read(stderr));
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), () -> "not the listening line: '" + line + "'; stderr: " + read(stderr));
        return new Child(process, stderr, m);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then the exit status, the farewell line and a clean log. */
    private static void stop(Child child) throws Exception {
        assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "Process.destroy() is"
                + " TerminateProcess on Windows: no shutdown hook runs, so the graceful stop is checked where"
                + " there are signals - on Linux here, and for the Windows JVM by ci/windows-jvm/windows-user's"
                + " Ctrl-C (what ran before this point was checked)");
        child.process().destroy();
        assertTrue(child.process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
        String stderr = child.stderrText();
        assertEquals(SIGTERM_STATUS, child.process().exitValue(), stderr);
        assertTrue(stderr.contains("http server stopped: "), stderr);
        assertFalse(stderr.contains("shutdown failed") || stderr.contains("could not delete")
                || stderr.contains("Exception"), stderr);
    }

    private List<Path> demoSiteDirectories(Path tmpdir) throws IOException {
        try (Stream<Path> entries = Files.list(tmpdir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("iocp4j-demo-site")).toList();
        }
    }

    @Test
    void servesTheBundledSiteAndCleansUpOnSigterm() throws Exception {
        Path tmpdir = Files.createDirectory(temp.resolve("tmp"));
        Child child = start(tmpdir);
        assertEquals("the bundled demo site", child.listening().group(4));

        List<Path> extracted = demoSiteDirectories(tmpdir);
        assertEquals(1, extracted.size(), extracted::toString);
        assertTrue(Files.isRegularFile(extracted.getFirst().resolve("site").resolve("index.html")));
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> plaintext = get(client, child.uri("/plaintext"));
            assertEquals(200, plaintext.statusCode());
            assertEquals("Hello, World!", plaintext.body());
            HttpResponse<String> index = get(client, child.uri("/"));
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<title>iocp4j sample server</title>"), index.body());
        }

        stop(child);
        assertEquals(List.of(), demoSiteDirectories(tmpdir), "the extracted demo site is deleted on exit");
    }

    @Test
    void servesAGivenRootWithOneWorkerAndLeavesItAlone() throws Exception {
        Path tmpdir = Files.createDirectory(temp.resolve("tmp"));
        Path root = Files.createDirectory(temp.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<p>mine</p>");
        Files.writeString(root.resolve("notes.txt"), "some notes\n");
        Child child = start(tmpdir, "--root", root.toString(), "--workers", "1");
        assertEquals("1", child.listening().group(3));
        assertEquals(root.toAbsolutePath().toString(), child.listening().group(4));

        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            assertEquals("Hello, World!", get(client, child.uri("/plaintext")).body());
            HttpResponse<String> index = get(client, child.uri("/"));
            assertEquals(200, index.statusCode());
            assertEquals("<p>mine</p>", index.body());
            assertEquals("some notes\n", get(client, child.uri("/notes.txt")).body());
        }

        stop(child);
        assertEquals(List.of(), demoSiteDirectories(tmpdir), "nothing extracted when a root is given");
        assertEquals("<p>mine</p>", Files.readString(root.resolve("index.html")), "the root is left in place");
    }

    /** A server that cannot listen is a failure (exit 1) naming why, and leaves no copy of the site behind. */
    @Test
    void aPortInUseFailsAndDeletesTheExtractedSite() throws Exception {
        Path tmpdir = Files.createDirectory(temp.resolve("tmp"));
        Path stderr = temp.resolve("stderr-taken.txt");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = launch(tmpdir, stderr, "--port", String.valueOf(taken.getLocalPort()));
            assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "still running with its port taken");
            String errors = read(stderr);
            assertEquals(1, process.exitValue(), errors);
            assertTrue(errors.contains("error: http failed: "), errors);
            assertEquals("", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), demoSiteDirectories(tmpdir), "the extracted demo site is deleted on failure");
    }

    // ------------------------------------------------------------------ argument errors, in-process

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void assertUsageError(String expectedMessage, String... args) {
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.USAGE_ERROR, status, errors);
        assertTrue(errors.contains("error: " + expectedMessage), errors);
        assertTrue(errors.contains("usage: iocp4j-examples http"), errors);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout: no server was started");
        err.reset();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertUsageError("option '--port' needs a whole number, got 'x'", "http", "--port", "x");
        assertUsageError("option '--port' must be between 0 and 65535", "http", "--port", "65536");
        assertUsageError("option '--workers' must be between 1 and 256", "http", "--workers", "0");
        assertUsageError("option '--root': '/nonexistent' is not a directory", "http", "--root", "/nonexistent");
        assertUsageError("option '--idle-timeout' needs a duration", "http", "--idle-timeout", "soon");
        assertUsageError("unknown option '--rot' for http", "http", "--rot", "/tmp");
    }

    @Test
    void aFileAsRootIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("file.txt"), "not a directory");
        assertUsageError("option '--root': '" + file + "' is not a directory", "http", "--root", file.toString());
    }
}
