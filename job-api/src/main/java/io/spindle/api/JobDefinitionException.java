package io.spindle.api;

/** The job graph is invalid (duplicate names, a missing codec, keyed state without keyBy, ...). */
public final class JobDefinitionException extends RuntimeException {

    public JobDefinitionException(String message) {
        super(message);
    }
}
