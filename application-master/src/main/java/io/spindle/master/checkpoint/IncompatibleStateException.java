package io.spindle.master.checkpoint;

/** A checkpoint or savepoint that cannot be restored into this job; the message says why, in one line. */
public final class IncompatibleStateException extends RuntimeException {

    public IncompatibleStateException(String message) {
        super(message);
    }
}
