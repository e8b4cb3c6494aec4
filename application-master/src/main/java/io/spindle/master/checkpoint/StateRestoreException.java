package io.spindle.master.checkpoint;

/**
 * A checkpoint or savepoint that cannot be read or does not fit the job; the message says why, in one
 * line, before anything runs.
 */
public final class StateRestoreException extends RuntimeException {

    public StateRestoreException(String message) {
        super(message);
    }

    public StateRestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
