package io.spindle.state;

/** State could not be read or written: a storage error, or bytes that a codec could not read or write. */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
