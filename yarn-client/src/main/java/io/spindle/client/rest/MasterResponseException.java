package io.spindle.client.rest;

/** The ApplicationMaster answered, but not with success or not with what its API promises. */
public final class MasterResponseException extends RuntimeException {

    public MasterResponseException(String message) {
        super(message);
    }

    public MasterResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
