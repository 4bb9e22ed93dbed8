package org.iocp4j.examples;

/** Bad command-line input; {@link Main} prints the message and the command's usage and exits with 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, naming the option or value */
    public UsageException(String message) {
        super(message);
    }
}
