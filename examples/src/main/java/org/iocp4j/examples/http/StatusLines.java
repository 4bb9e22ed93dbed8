package org.iocp4j.examples.http;

import java.nio.charset.StandardCharsets;

/** Encoded status lines ({@code HTTP/1.1 200 OK\r\n}) and reason phrases (RFC 9110 §15). Immutable. */
final class StatusLines {
    private static final byte[][] LINES = new byte[600][];
    private static final String[] REASONS = new String[600];

    static {
        reason(100, "Continue");
        reason(200, "OK");
        reason(201, "Created");
        reason(202, "Accepted");
        reason(204, "No Content");
        reason(206, "Partial Content");
        reason(301, "Moved Permanently");
        reason(302, "Found");
        reason(303, "See Other");
        reason(304, "Not Modified");
        reason(307, "Temporary Redirect");
        reason(308, "Permanent Redirect");
        reason(400, "Bad Request");
        reason(401, "Unauthorized");
        reason(403, "Forbidden");
        reason(404, "Not Found");
        reason(405, "Method Not Allowed");
        reason(408, "Request Timeout");
        reason(409, "Conflict");
        reason(410, "Gone");
        reason(411, "Length Required");
        reason(412, "Precondition Failed");
        reason(413, "Content Too Large");
        reason(414, "URI Too Long");
        reason(415, "Unsupported Media Type");
        reason(416, "Range Not Satisfiable");
        reason(417, "Expectation Failed");
        reason(422, "Unprocessable Content");
        reason(429, "Too Many Requests");
        reason(431, "Request Header Fields Too Large");
        reason(500, "Internal Server Error");
        reason(501, "Not Implemented");
        reason(502, "Bad Gateway");
        reason(503, "Service Unavailable");
        reason(504, "Gateway Timeout");
        reason(505, "HTTP Version Not Supported");
        for (int status = 100; status < 600; status++) {
            LINES[status] = ("HTTP/1.1 " + status + " " + reason(status) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private StatusLines() {
    }

    private static void reason(int status, String reason) {
        REASONS[status] = reason;
    }

    /** The reason phrase of {@code status}; an empty one for codes without a registered phrase. */
    static String reason(int status) {
        String r = REASONS[status];
        return r == null ? "" : r;
    }

    /** The encoded status line; the array is shared and must not be modified. */
    static byte[] line(int status) {
        return LINES[status];
    }
}
