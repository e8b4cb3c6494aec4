package io.spindle.runtime.operators;

/** A user's function threw; carries the operator's name to the job's failure message. */
public final class UserCodeException extends RuntimeException {

    private final String operatorName;

    public UserCodeException(String operatorName, Throwable cause) {
        super("operator '" + operatorName + "' failed: " + cause, cause);
        this.operatorName = operatorName;
    }

    public String operatorName() {
        return operatorName;
    }
}
