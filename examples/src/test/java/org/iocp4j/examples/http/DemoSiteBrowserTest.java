package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo site served by the sample server and rendered by a headless Chromium: the page, its style
 * sheet, its script, its SVG logo and the script's fetch of {@code /plaintext} must all have worked for the
 * screenshot to show the blue banner, the logo and the green status box. The screenshot is kept under
 * {@code target/screenshots/} for a human to look at.
 */
class DemoSiteBrowserTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    /** The colours of style.css and logo.svg. */
    private static final Color BANNER = new Color(0x1f6feb);
    private static final Color OK = new Color(0x2da44e);
    private static final Color FAILED = new Color(0xcf222e);
    private static final Color LOGO_BACKGROUND = new Color(0x0d1117);
    /** style.css: the banner is at least this tall; #status is 240 x 72. */
    private static final int BANNER_MIN_HEIGHT = 160;
    private static final int STATUS_WIDTH = 240;
    private static final int STATUS_HEIGHT = 72;
    /** Colour management and antialiasing move a CSS colour by a unit or two. */
    private static final int TOLERANCE = 3;

    @TempDir
    Path temp;

    private HttpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            HttpTesting.stopClean(server);
        }
    }

    @Test
    void theDemoSiteRendersAndReachesTheServer() throws Exception {
        Chromium chromium = Tools.chromium();
        Path site = DemoSite.extract(temp.resolve("site"));
        server = HttpTesting.start(site);
        Path png = Path.of(System.getProperty("basedir", ""), "target", "screenshots", "demo-site.png")
                .toAbsolutePath();

        chromium.screenshot(HttpTesting.uri(server, "/"), png, WIDTH, HEIGHT, Duration.ofSeconds(120));

        Screenshot shot = Screenshot.load(png);
        assertEquals(WIDTH, shot.width(), shot::toString);
        assertEquals(HEIGHT, shot.height(), shot::toString);
        assertBannerAcrossTheTop(shot);
        Rectangle logo = assertLogo(shot);
        assertStatusBox(shot, logo);
        assertEquals(0, shot.countPixels(FAILED, TOLERANCE), () -> "the status box reports a failure: " + shot);

        // The page, style.css, app.js, logo.svg, favicon.ico and /plaintext, each answered with success. The
        // server counts no paths; which ones were fetched is what the pixels above show.
        HttpMetrics m = server.metrics();
        assertTrue(m.requests() >= 5, m::toString);
        assertTrue(m.responses2xx() >= 5, m::toString);
        assertEquals(0, m.responses5xx(), m::toString);
    }

    /** Blue from edge to edge in the top rows, and over most of the banner's area (the heading is white). */
    private static void assertBannerAcrossTheTop(Screenshot shot) {
        for (int x : new int[] {0, WIDTH / 2, WIDTH - 1}) {
            Color c = shot.pixel(x, 4);
            assertTrue(near(c, BANNER), () -> "pixel (" + x + ", 4) is " + c + ", not the banner's: " + shot);
        }
        long blue = 0;
        for (int y = 0; y < BANNER_MIN_HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (near(shot.pixel(x, y), BANNER)) {
                    blue++;
                }
            }
        }
        long area = (long) WIDTH * BANNER_MIN_HEIGHT;
        long counted = blue;
        assertTrue(counted > area * 8 / 10, () -> counted + " of the top " + area + " pixels are the banner's blue: "
                + shot);
    }

    /** The logo's dark rounded square (88 x 88 in its 96 x 96 box) with the ring and dot inside it. */
    private static Rectangle assertLogo(Screenshot shot) {
        Rectangle logo = shot.boundingBox(LOGO_BACKGROUND, TOLERANCE)
                .orElseThrow(() -> new AssertionError("no logo (#0d1117) in " + shot));
        assertTrue(Math.abs(logo.width - 88) <= 4 && Math.abs(logo.height - 88) <= 4,
                () -> "logo square is " + logo + ": " + shot);
        assertTrue(logo.y >= BANNER_MIN_HEIGHT, () -> "logo " + logo + " is not below the banner: " + shot);
        assertTrue(countIn(shot, logo, OK) > 100, () -> "no green ring in the logo at " + logo + ": " + shot);
        assertTrue(countIn(shot, logo, BANNER) > 100, () -> "no blue dot in the logo at " + logo + ": " + shot);
        return logo;
    }

    /** The status box: green (app.js got "Hello, World!" from /plaintext), about 240 x 72, outside the logo. */
    private static void assertStatusBox(Screenshot shot, Rectangle logo) {
        int minX = WIDTH;
        int minY = HEIGHT;
        int maxX = -1;
        int maxY = -1;
        long count = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (!logo.contains(x, y) && near(shot.pixel(x, y), OK)) {
                    count++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        Rectangle box = new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
        long pixels = count;
        assertTrue(pixels > STATUS_WIDTH * STATUS_HEIGHT * 8 / 10, () -> "green status box has " + pixels
                + " pixels (" + box + "): " + shot);
        assertTrue(Math.abs(box.width - STATUS_WIDTH) <= 4 && Math.abs(box.height - STATUS_HEIGHT) <= 4,
                () -> "green status box is " + box + ", not about " + STATUS_WIDTH + "x" + STATUS_HEIGHT + ": " + shot);
        assertFalse(box.intersects(logo), () -> box + " overlaps the logo " + logo);
    }

    private static long countIn(Screenshot shot, Rectangle area, Color colour) {
        long n = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if (near(shot.pixel(x, y), colour)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= TOLERANCE && Math.abs(a.getGreen() - b.getGreen()) <= TOLERANCE
                && Math.abs(a.getBlue() - b.getBlue()) <= TOLERANCE;
    }
}
