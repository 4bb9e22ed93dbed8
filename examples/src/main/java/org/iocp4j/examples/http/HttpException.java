package org.iocp4j.examples.http;

/**
 * A request the server refuses, with the status it answers: thrown by the parser and the path checks, turned
 * into a response (with {@code Connection: close} when the connection cannot be trusted to be in sync any
 * more) by the connection.
 */
public final class HttpException extends Exception {
    private final int status;

    /**
     * @param status  the HTTP status to answer with (4xx or 5xx)
     * @param message what was wrong, sent as the response body
     */
    public HttpException(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HttpException status must be 4xx or 5xx: " + status);
        }
        this.status = status;
    }

    /** The status to answer with. */
    public int status() {
        return status;
    }
}
