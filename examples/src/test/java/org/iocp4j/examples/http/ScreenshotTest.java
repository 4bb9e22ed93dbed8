package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Screenshot} on PNGs drawn here, so every expected count is known exactly. */
class ScreenshotTest {
    private static final Color BLUE = new Color(0x1f6feb);
    private static final Color GREEN = new Color(0x2da44e);

    @TempDir
    Path dir;

    private Path png(BufferedImage image) throws IOException {
        Path file = Files.createTempFile(dir, "drawn-", ".png");
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer");
        return file;
    }

    /** 200x100 white with a 30x20 blue box at (10, 5) and one pixel that is blue but for a green 2 units off. */
    private BufferedImage drawing() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(BLUE);
        g.fillRect(10, 5, 30, 20);
        g.dispose();
        image.setRGB(150, 80, 0x1f71eb);
        return image;
    }

    @Test
    void countsAndLocatesColours() throws IOException {
        Screenshot shot = Screenshot.load(png(drawing()));

        assertEquals(200, shot.width());
        assertEquals(100, shot.height());
        assertEquals(600, shot.countPixels(BLUE, 0), shot::toString);
        assertEquals(601, shot.countPixels(BLUE, 2), shot::toString);
        assertEquals(200 * 100 - 601, shot.countPixels(Color.WHITE, 0), shot::toString);
        assertEquals(0, shot.countPixels(GREEN, 10));
        assertEquals(Optional.of(new Rectangle(10, 5, 30, 20)), shot.boundingBox(BLUE));
        assertEquals(Optional.of(new Rectangle(10, 5, 141, 76)), shot.boundingBox(BLUE, 2));
        assertEquals(Optional.empty(), shot.boundingBox(GREEN));
        assertEquals(BLUE, shot.pixel(10, 5));
        assertEquals(Color.WHITE, shot.pixel(9, 5));
        assertFalse(shot.isBlank());
        assertTrue(shot.toString().contains("#ffffff x 19399"), shot::toString);
    }

    @Test
    void oneColourIsBlankWhateverTheColour() throws IOException {
        BufferedImage image = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        assertTrue(Screenshot.load(png(image)).isBlank(), "all black");

        Graphics2D g = image.createGraphics();
        g.setColor(GREEN);
        g.fillRect(0, 0, 50, 40);
        g.dispose();
        assertTrue(Screenshot.load(png(image)).isBlank(), "all green");

        image.setRGB(49, 39, 0x2da44f);
        assertFalse(Screenshot.load(png(image)).isBlank(), "one pixel differs by one unit of blue");
    }

    @Test
    void alphaIsIgnored() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, (x == 0 ? 0x80 : 0xFF) << 24 | 0x1f6feb);
            }
        }
        Screenshot shot = Screenshot.load(png(image));
        assertEquals(16, shot.countPixels(BLUE, 0), shot::toString);
        assertTrue(shot.isBlank(), shot::toString);
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path missing = dir.resolve("missing.png");
        IOException noFile = assertThrows(IOException.class, () -> Screenshot.load(missing));
        assertTrue(noFile.getMessage().contains("missing.png"), noFile.getMessage());

        Path text = Files.writeString(dir.resolve("not-an-image.png"), "<html>error page</html>");
        IOException notImage = assertThrows(IOException.class, () -> Screenshot.load(text));
        assertTrue(notImage.getMessage().contains("not an image"), notImage.getMessage());

        Screenshot shot = Screenshot.load(png(drawing()));
        assertThrows(IllegalArgumentException.class, () -> shot.countPixels(BLUE, -1));
        assertThrows(IllegalArgumentException.class, () -> shot.boundingBox(BLUE, 256));
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class, () -> shot.pixel(200, 0));
        assertTrue(outside.getMessage().contains("(200, 0)"), outside.getMessage());
    }
}
