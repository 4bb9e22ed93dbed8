package org.iocp4j.examples.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of request paths (RFC 3986 §2.1) as UTF-8, strict about malformed input. Stateless. */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /**
     * Decodes {@code %XX} escapes; {@code +} stays {@code +} (it means a space only in form data).
     *
     * @throws IllegalArgumentException naming the problem: a truncated or non-hex escape, or bytes that are
     *                                  not UTF-8
     */
    static String decode(String raw) {
        int percent = raw.indexOf('%');
        if (percent < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out[n++] = (byte) c;
                continue;
            }
            if (i + 2 >= raw.length()) {
                throw new IllegalArgumentException("truncated percent-escape at the end of '" + raw + "'");
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("'%" + raw.charAt(i + 1) + raw.charAt(i + 2) + "' is not a percent-escape");
            }
            out[n++] = (byte) (hi << 4 | lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escaped bytes of '" + raw + "' are not UTF-8");
        }
    }
}
