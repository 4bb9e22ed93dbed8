package org.iocp4j.examples.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A headless Chromium that loads one page and saves a screenshot of it, for the end-to-end tests that check
 * the demo site renders. Get one from {@link Tools#chromium()}.
 *
 * <p>Each screenshot is a separate browser run with a fresh profile, so nothing (cache, cookies, service
 * workers) carries over from one test to the next. Its output goes to a log under
 * {@code target/chromium-logs/}, quoted in the exception when the run fails.
 *
 * <p>Thread model: immutable; screenshots may be taken from several threads at once (each run is its own
 * process tree and profile).
 */
final class Chromium {
    /** System property naming the Chromium executable, instead of searching the PATH. */
    static final String PROPERTY = "iocp4j.chromium";

    /**
     * Virtual time the page gets before the shot: its timers (setTimeout, setInterval, animation frames) up
     * to this far ahead have run, which costs little real time, since virtual time skips ahead whenever the
     * page is idle. Chromium stops the virtual clock while a request is in flight, so the page's fetches
     * from the server complete before the shot - but only reliably while each takes less real time than
     * this budget: with a 5 s budget, a fetch answered after 6 s left Chromium hanging in 3 of 8 runs (until
     * the wall-clock timeout of {@link #screenshot} killed it). Hence a budget well above any response time
     * a test should see.
     */
    static final int VIRTUAL_TIME_BUDGET_MILLIS = 30_000;

    private static final int LOG_LINES_QUOTED = 40;

    private final Path executable;

    Chromium(Path executable) {
        this.executable = executable;
    }

    /**
     * The executable from {@code -Diocp4j.chromium=path}, or else chromium or chromium-browser on the PATH.
     *
     * @throws IllegalArgumentException when the property names something that is not an executable file
     */
    static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Tools.onPath("chromium", "chromium-browser");
        }
        Path path = Path.of(configured);
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + configured + " is not an executable file");
        }
        return Optional.of(path);
    }

    Path executable() {
        return executable;
    }

    /**
     * Loads {@code url} in a {@code width} x {@code height} viewport, lets its scripts run (see
     * {@link #VIRTUAL_TIME_BUDGET_MILLIS}) and writes the viewport to {@code png}, replacing any file there.
     *
     * @throws IOException when Chromium fails, does not finish within {@code timeout} (its processes are then
     *                     killed), or writes no PNG; the message quotes the end of its log
     */
    void screenshot(URI url, Path png, int width, int height, Duration timeout)
            throws IOException, InterruptedException {
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("screenshot URL must be absolute: " + url);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("screenshot size must be positive: " + width + "x" + height);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("screenshot timeout must be positive: " + timeout);
        }
        Path target = png.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Path logs = Files.createDirectories(Path.of(System.getProperty("basedir", ""), "target", "chromium-logs")
                .toAbsolutePath());
        Path log = Files.createTempFile(logs, target.getFileName() + "-", ".log");
        Path profile = Files.createTempDirectory("iocp4j-chromium-");
        List<String> command = List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--screenshot=" + target,
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MILLIS,
                "--hide-scrollbars",
                url.toString());
        try {
            int exit = Tools.run(command, log, timeout);
            if (exit != 0) {
                throw failure("exited with status " + exit, url, log);
            }
        } catch (TimeoutException e) {
            throw failure("did not finish within " + timeout + " (its processes were killed)", url, log);
        } finally {
            Tools.deleteTree(profile);
        }
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw failure("exited normally but wrote no screenshot to " + target, url, log);
        }
    }

    private IOException failure(String what, URI url, Path log) throws IOException {
        // Decoded leniently: the log is whatever the browser and its launcher script printed.
        // Chromium logs failed D-Bus connections on any machine without a system bus (containers, CI); they
        // say nothing about the page and would push the useful lines out of the quote.
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains(":ERROR:dbus/"))
                .toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_QUOTED), lines.size());
        return new IOException("Chromium (" + executable + ") loading " + url + " " + what + "; last "
                + tail.size() + " lines of its log " + log + " (D-Bus errors left out):\n" + String.join("\n", tail));
    }
}
