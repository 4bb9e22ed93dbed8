package org.iocp4j.examples.http;

/**
 * One byte range of a file, both ends inclusive, as a Range header asks for it (RFC 9110 §14).
 *
 * <p>Only a single range is served. A request for several would need a multipart/byteranges body, whose
 * parts and boundaries are a lot of machinery for what clients rarely ask; RFC 9110 §14.2 lets a server
 * ignore the Range header field, and the full 200 response is always a correct answer. The same goes for a
 * header in a unit other than bytes or with invalid syntax, which §14.2 says to ignore.
 *
 * <p>Thread model: an immutable value; {@link #parse} is stateless.
 *
 * @param first the first byte served, at least 0
 * @param last  the last byte served, at least {@code first}
 */
record ByteRange(long first, long last) {
    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("byte range must have 0 <= first <= last: " + first + "-" + last);
        }
    }

    /** How many bytes the range covers. */
    long length() {
        return last - first + 1;
    }

    /** The Content-Range value of a 206 response serving this range: "bytes first-last/fileLength". */
    String contentRange(long fileLength) {
        return "bytes " + first + "-" + last + "/" + fileLength;
    }

    /** The Content-Range value of a 416 response: "bytes *&#47;fileLength". */
    static String unsatisfiedContentRange(long fileLength) {
        return "bytes */" + fileLength;
    }

    /**
     * The range a Range header selects from a file of {@code fileLength} bytes, its end clamped to the file.
     * Accepts "bytes=a-b", "bytes=a-" and the suffix "bytes=-n", the unit in any case, with whitespace
     * tolerated around the unit, '=', '-' and the list commas (and empty list elements, which RFC 9110
     * §5.6.1.2 asks recipients to skip).
     *
     * @return the range, or null when the header is to be ignored and the whole file served: another unit,
     *         invalid syntax (including a last position before the first), or more than one range
     * @throws HttpException 416 when the one range asked for lies outside the file: its first position at or
     *                       past the end, a suffix of zero bytes, or any range of an empty file
     */
    static ByteRange parse(String rangeHeader, long fileLength) throws HttpException {
        if (fileLength < 0) {
            throw new IllegalArgumentException("file length must not be negative: " + fileLength);
        }
        int equals = rangeHeader.indexOf('=');
        if (equals < 0 || !rangeHeader.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
            return null;
        }
        String spec = null;
        for (String element : rangeHeader.substring(equals + 1).split(",", -1)) {
            String trimmed = element.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (spec != null) {
                return null;
            }
            spec = trimmed;
        }
        if (spec == null) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String firstText = spec.substring(0, dash).strip();
        String lastText = spec.substring(dash + 1).strip();
        if (firstText.isEmpty()) {
            // A suffix, "-n": the last n bytes, the whole file if it is shorter.
            long suffix = digits(lastText);
            if (suffix < 0) {
                return null;
            }
            if (suffix == 0 || fileLength == 0) {
                throw unsatisfiable(fileLength);
            }
            return new ByteRange(Math.max(0, fileLength - suffix), fileLength - 1);
        }
        long first = digits(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : digits(lastText);
        if (first < 0 || last < first) {
            return null;
        }
        if (first >= fileLength) {
            throw unsatisfiable(fileLength);
        }
        return new ByteRange(first, Math.min(last, fileLength - 1));
    }

    /**
     * The value of a non-empty string of ASCII digits, saturating at Long.MAX_VALUE (a position beyond any
     * file is still a valid position: clamped as a last, unsatisfiable as a first, the whole file as a
     * suffix); -1 for anything else.
     */
    private static long digits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
        }
        return value;
    }

    private static HttpException unsatisfiable(long fileLength) {
        return new HttpException(416, "range not satisfiable for a file of " + fileLength + " bytes");
    }
}
