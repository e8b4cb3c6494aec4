package io.spindle.master.local;

/** The job failed; the message names the operator and the root cause, which is the cause. */
public final class JobExecutionException extends RuntimeException {

    public JobExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
