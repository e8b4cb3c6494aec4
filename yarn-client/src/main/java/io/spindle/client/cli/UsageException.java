package io.spindle.client.cli;

/** Bad usage or bad input: printed as one line, exit code 2, nothing changed. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
