package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Chromium} on pages written here (file:// and a {@link CannedHttpServer}), read back with
 * {@link Screenshot}: the flags give a viewport of the asked size, scripts run before the shot, and a page that
 * never loads ends in an exception, not a hang or a leftover browser.
 */
class ChromiumTest {
    private static final Color BLUE = new Color(0x1f6feb);
    private static final Color GREEN = new Color(0x2da44e);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Chromium chromium;

    /** Per test, not @BeforeAll: Surefire reports a class whose @BeforeAll aborts as 0 tests, reason lost. */
    @BeforeEach
    void findChromium() {
        chromium = Tools.chromium();
    }

    /** A blue 400x200 box above a white 100x100 box, and a script that may call green() to turn that box green. */
    private static String boxesPage(String turnGreen) {
        return """
                <!doctype html>
                <html><head><title>boxes</title></head>
                <body style="margin:0; background:#ffffff">
                <div style="width:400px; height:200px; background:#1f6feb"></div>
                <div id="late" style="width:100px; height:100px; background:#ffffff"></div>
                <script>
                function green() { document.getElementById('late').style.background = '#2da44e'; }
                %s
                </script>
                </body></html>
                """.formatted(turnGreen);
    }

    private Screenshot shoot(URI url, int width, int height) throws IOException, InterruptedException {
        Path png = dir.resolve("shot.png");
        chromium.screenshot(url, png, width, height, TIMEOUT);
        return Screenshot.load(png);
    }

    @Test
    void aTimerThatFiresLaterHasRunBeforeTheShot() throws Exception {
        // 3 s of page time: done at once in virtual time, missed by a shot taken at the load event.
        Path page = Files.writeString(dir.resolve("boxes.html"), boxesPage("setTimeout(green, 3000);"));

        Screenshot shot = shoot(page.toUri(), 640, 480);

        assertEquals(640, shot.width());
        assertEquals(480, shot.height());
        assertEquals(400 * 200, shot.countPixels(BLUE, 2), shot::toString);
        assertEquals(100 * 100, shot.countPixels(GREEN, 2), shot::toString);
        assertEquals(Optional.of(new Rectangle(0, 0, 400, 200)), shot.boundingBox(BLUE, 2), shot::toString);
        assertEquals(Optional.of(new Rectangle(0, 200, 100, 100)), shot.boundingBox(GREEN, 2), shot::toString);
        assertEquals(640 * 480 - 400 * 200 - 100 * 100, shot.countPixels(Color.WHITE, 0), shot::toString);
    }

    @Test
    void aFetchAnsweredSlowlyHasCompletedBeforeTheShot() throws Exception {
        byte[] page = boxesPage("fetch('/colour').then(r => r.text()).then(c => { if (c === 'green') green(); });")
                .getBytes(StandardCharsets.UTF_8);
        try (CannedHttpServer server = new CannedHttpServer(request -> switch (request.target()) {
            case "/" -> CannedHttpServer.response(200, "OK", "text/html; charset=utf-8", page);
            case "/colour" -> {
                // Long after the load event, when a shot without a virtual time budget would be taken.
                sleep(Duration.ofSeconds(2));
                yield CannedHttpServer.response(200, "OK", "text/plain", "green".getBytes(StandardCharsets.UTF_8));
            }
            default -> CannedHttpServer.response(404, "Not Found", "text/plain", new byte[0]);
        })) {
            Screenshot shot = shoot(server.uri("/"), 500, 400);

            assertEquals(100 * 100, shot.countPixels(GREEN, 2), shot::toString);
            assertEquals(400 * 200, shot.countPixels(BLUE, 2), shot::toString);
            assertTrue(server.requests().stream().anyMatch(r -> r.target().equals("/colour")),
                    server.requests()::toString);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anEmptyPageIsBlankAndAPageWithTextIsNot() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.html"), "<!doctype html><body style='background:#fff'>");
        Screenshot blank = shoot(empty.toUri(), 300, 200);
        assertTrue(blank.isBlank(), blank::toString);
        assertEquals(300 * 200, blank.countPixels(Color.WHITE, 0), blank::toString);

        Path text = Files.writeString(dir.resolve("text.html"), "<!doctype html><body><h1>iocp4j</h1>");
        Screenshot written = shoot(text.toUri(), 300, 200);
        assertFalse(written.isBlank(), written::toString);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS) // guards against the hang this test is about
    void aServerThatNeverAnswersEndsInAnExceptionWithNoBrowserLeft() throws Exception {
        // Connections complete in the kernel's backlog, but nothing ever reads or answers them.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            Path png = dir.resolve("never.png");

            IOException e = assertThrows(IOException.class,
                    () -> chromium.screenshot(url, png, 300, 200, Duration.ofSeconds(5)));

            assertTrue(e.getMessage().contains("did not finish within PT5S"), e.getMessage());
            assertTrue(e.getMessage().contains("chromium-logs"), e.getMessage());
            assertTrue(Files.notExists(png), "a screenshot was written after all");
            List<String> left = ProcessHandle.current().descendants()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .filter(p -> p.contains("chrom"))
                    .toList();
            assertEquals(List.of(), left, "browser processes left running");
        }
    }

    @Test
    void badArgumentsAreNamed() {
        Path png = dir.resolve("unused.png");
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> chromium.screenshot(URI.create("index.html"), png, 100, 100, TIMEOUT));
        assertTrue(relative.getMessage().contains("index.html"), relative.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> chromium.screenshot(dir.toUri(), png, 0, 100, TIMEOUT));
        assertTrue(size.getMessage().contains("0x100"), size.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> chromium.screenshot(dir.toUri(), png, 100, 100, Duration.ZERO));
    }

    @Test
    void theConfiguredExecutableMustExist() {
        String before = System.getProperty(Chromium.PROPERTY);
        System.setProperty(Chromium.PROPERTY, dir.resolve("no-such-chromium").toString());
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Chromium::locate);
            assertTrue(e.getMessage().contains("-Diocp4j.chromium=") && e.getMessage().contains("no-such-chromium"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Chromium.PROPERTY);
            } else {
                System.setProperty(Chromium.PROPERTY, before);
            }
        }
    }
}
