package org.iocp4j.examples.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Byte-level helpers for parsing HTTP straight from native memory. Stateless. */
final class Ascii {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = ONES * '\n';

    /** RFC 9110 tchar, indexed by byte value. */
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Ascii() {
    }

    static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    static boolean isTchar(byte b) {
        return b > 0 && TCHAR[b];
    }

    /**
     * Index of the first LF in {@code [from, to)}, or -1: eight bytes per step with the SWAR zero-byte test
     * (a byte of {@code w ^ LFS} is zero exactly where {@code w} has an LF; the test's borrow can only
     * mark bytes above a true zero, so the lowest marked byte is the first LF).
     */
    static long indexOfLf(MemorySegment s, long from, long to) {
        long i = from;
        for (; i + 8 <= to; i += 8) {
            long x = s.get(WORD, i) ^ LFS;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (s.get(ValueLayout.JAVA_BYTE, i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index just after the empty line that ends a request head in {@code [from, to)} (an LF followed by CRLF
     * or by a bare LF, which RFC 9112 §2.2 lets a server accept), or -1 if it is not there yet.
     */
    static long endOfHead(MemorySegment s, long from, long to) {
        for (long i = indexOfLf(s, from, to); i >= 0; i = indexOfLf(s, i + 1, to)) {
            if (i + 1 < to && s.get(ValueLayout.JAVA_BYTE, i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < to && s.get(ValueLayout.JAVA_BYTE, i + 1) == '\r' && s.get(ValueLayout.JAVA_BYTE, i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Whether bytes {@code [from, from + lowercase.length)} equal {@code lowercase}, ignoring ASCII case. */
    static boolean equalsIgnoreCase(MemorySegment s, long from, long to, byte[] lowercase) {
        if (to - from != lowercase.length) {
            return false;
        }
        for (int j = 0; j < lowercase.length; j++) {
            if (lower(s.get(ValueLayout.JAVA_BYTE, from + j)) != lowercase[j]) {
                return false;
            }
        }
        return true;
    }

    /** Bytes {@code [from, to)} of {@code s} as a string in {@code charset} (ASCII or ISO-8859-1 here). */
    static String string(MemorySegment s, long from, long to, java.nio.charset.Charset charset) {
        return new String(s.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE), charset);
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
