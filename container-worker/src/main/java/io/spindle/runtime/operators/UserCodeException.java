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

    /** A task's failure in one line for users: the operator and what its code threw, or the failure itself. */
    public static String describe(Throwable failure) {
        if (failure instanceof UserCodeException user) {
            return "operator '" + user.operatorName() + "' threw " + user.getCause();
        }
        return failure.toString();
    }
}
