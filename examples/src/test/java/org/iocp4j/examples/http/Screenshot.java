package org.iocp4j.examples.http;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * A screenshot's pixels, for asserting that a page rendered: how many pixels have a colour, where they are,
 * whether the image is one flat colour (a page that failed to load or render).
 *
 * <p>Colours are compared as RGB, alpha ignored, each channel within a tolerance: the same CSS colour may come
 * out a unit or two off after colour management or antialiasing at the edges of a box.
 *
 * <p>Thread model: immutable after {@link #load}; any thread.
 */
final class Screenshot {
    private final Path source;
    private final int width;
    private final int height;
    private final int[] rgb;

    private Screenshot(Path source, BufferedImage image) {
        this.source = source;
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
    }

    /**
     * Reads a PNG (or any format ImageIO knows).
     *
     * @throws IOException when the file cannot be read or is not an image
     */
    static Screenshot load(Path png) throws IOException {
        if (!Files.isRegularFile(png)) {
            throw new IOException("no screenshot file " + png.toAbsolutePath());
        }
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png.toAbsolutePath() + " is not an image ImageIO can read ("
                    + Files.size(png) + " bytes)");
        }
        return new Screenshot(png, image);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The colour at (x, y), alpha dropped. */
    Color pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside the " + width + "x" + height
                    + " screenshot " + source);
        }
        return new Color(rgb[y * width + x]);
    }

    /** How many pixels are within {@code tolerance} of {@code colour} in each of red, green and blue. */
    long countPixels(Color colour, int tolerance) {
        checkTolerance(tolerance);
        long count = 0;
        for (int pixel : rgb) {
            if (matches(pixel, colour, tolerance)) {
                count++;
            }
        }
        return count;
    }

    /** The smallest rectangle holding every pixel of exactly this colour; empty when there is none. */
    Optional<Rectangle> boundingBox(Color colour) {
        return boundingBox(colour, 0);
    }

    /** The smallest rectangle holding every pixel within {@code tolerance} of the colour; empty when there is none. */
    Optional<Rectangle> boundingBox(Color colour, int tolerance) {
        checkTolerance(tolerance);
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matches(rgb[y * width + x], colour, tolerance)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? Optional.empty() : Optional.of(new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    /** Whether every pixel has the same colour: nothing was drawn on the page's background. */
    boolean isBlank() {
        for (int pixel : rgb) {
            if (pixel != rgb[0]) {
                return false;
            }
        }
        return true;
    }

    /** The file, size and most common colours, for assertion messages. */
    @Override
    public String toString() {
        Map<Integer, Long> counts = new HashMap<>();
        for (int pixel : rgb) {
            counts.merge(pixel, 1L, Long::sum);
        }
        String common = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(8)
                .map(e -> String.format("#%06x x %d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return source + " (" + width + "x" + height + ", " + counts.size() + " colours; most common: " + common + ")";
    }

    private static boolean matches(int pixel, Color colour, int tolerance) {
        return Math.abs(((pixel >> 16) & 0xFF) - colour.getRed()) <= tolerance
                && Math.abs(((pixel >> 8) & 0xFF) - colour.getGreen()) <= tolerance
                && Math.abs((pixel & 0xFF) - colour.getBlue()) <= tolerance;
    }

    private static void checkTolerance(int tolerance) {
        if (tolerance < 0 || tolerance > 255) {
            throw new IllegalArgumentException("colour tolerance must be 0 to 255: " + tolerance);
        }
    }
}
