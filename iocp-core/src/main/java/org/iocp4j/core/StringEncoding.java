package org.iocp4j.core;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Encodes text straight into native memory in the charsets protocols mostly use (UTF-8, ISO-8859-1,
 * US-ASCII), byte for byte as {@link String#getBytes(Charset)} does (an unmappable code point or an unpaired
 * surrogate becomes one {@code '?'}), without the temporary array that would cost. One walk over the text
 * serves both the length (to check bounds before the first byte is written) and the encoding.
 */
final class StringEncoding {
    private StringEncoding() {
    }

    /** The bytes {@code text} encodes to, or -1 for a charset not encoded here. */
    static long length(CharSequence text, Charset charset) {
        return supported(charset) ? walk(text, charset, null, 0) : -1;
    }

    /** Writes {@code text} at {@code offset} of {@code to}, which has room for {@link #length} bytes. */
    static void encode(CharSequence text, Charset charset, MemorySegment to, long offset) {
        walk(text, charset, to, offset);
    }

    private static boolean supported(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
    }

    /** Encodes into {@code to} from {@code offset}, or only counts when {@code to} is null; returns the bytes. */
    private static long walk(CharSequence text, Charset charset, MemorySegment to, long offset) {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        char max = charset.equals(StandardCharsets.ISO_8859_1) ? '\u00ff' : '\u007f';
        long at = offset;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            if (c < 0x80 || !utf8 && c <= max) {
                put(to, at++, c);
            } else if (!utf8 || Character.isSurrogate(c) && !pair) {
                put(to, at++, '?');
                i += pair ? 1 : 0;
            } else if (c < 0x800) {
                put(to, at++, 0xc0 | c >> 6);
                put(to, at++, 0x80 | c & 0x3f);
            } else if (pair) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                put(to, at++, 0xf0 | cp >> 18);
                put(to, at++, 0x80 | cp >> 12 & 0x3f);
                put(to, at++, 0x80 | cp >> 6 & 0x3f);
                put(to, at++, 0x80 | cp & 0x3f);
            } else {
                put(to, at++, 0xe0 | c >> 12);
                put(to, at++, 0x80 | c >> 6 & 0x3f);
                put(to, at++, 0x80 | c & 0x3f);
            }
        }
        return at - offset;
    }

    private static void put(MemorySegment to, long at, int value) {
        if (to != null) {
            to.set(JAVA_BYTE, at, (byte) value);
        }
    }
}
