package io.spindle.client.yarn;

/**
 * Something about the cluster or the request that the user can see and fix: the message is one
 * line meant for them (the cause keeps the details for the log).
 */
public final class YarnClusterException extends RuntimeException {

    public YarnClusterException(String message) {
        super(message);
    }

    public YarnClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
