package org.iocp4j.examples.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of request paths (RFC 3986 §2.1) as UTF-8, strict about malformed input: used for route
 * lookups ({@link HttpRequest#path()}) and for each segment of a static path ({@link StaticPaths}).
 * Stateless.
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /**
     * Decodes {@code %XX} escapes; {@code +} stays {@code +} (it means a space only in form data). The parser
     * admits only ASCII in a request-target, but this does not depend on it: any other character counts as its
     * UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the problem: a truncated or non-hex escape, an unpaired
     *                                  surrogate, or escaped bytes that are not UTF-8
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteBuffer in;
        try {
            in = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("'" + raw + "' is not valid Unicode");
        }
        ByteBuffer out = ByteBuffer.allocate(in.remaining());
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '%') {
                int high = in.hasRemaining() ? Character.digit(in.get(), 16) : -1;
                int low = in.hasRemaining() ? Character.digit(in.get(), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("'" + raw + "' has a malformed percent-escape");
                }
                b = (byte) (high << 4 | low);
            }
            out.put(b);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(out.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escaped bytes of '" + raw + "' are not UTF-8");
        }
    }
}
