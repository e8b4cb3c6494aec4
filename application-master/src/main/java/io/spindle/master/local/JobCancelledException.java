package io.spindle.master.local;

/** The job was cancelled before it finished. */
public final class JobCancelledException extends RuntimeException {

    public JobCancelledException(String message) {
        super(message);
    }
}
