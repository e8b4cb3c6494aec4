package io.spindle.api;

/** A job argument is missing or has the wrong type; the message names the argument. */
public final class JobParameterException extends RuntimeException {

    public JobParameterException(String message) {
        super(message);
    }
}
