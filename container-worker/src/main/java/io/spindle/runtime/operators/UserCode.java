package io.spindle.runtime.operators;

/**
 * What a call into a user's function threw, sorted in one place: a {@link UserCodeException} or
 * {@link TaskCancelledException} from further down the chain passes unchanged, an interrupt (the task is being
 * cancelled while the function waited in a sleep or a queue) becomes a {@link TaskCancelledException} with the
 * thread's interrupt flag kept, and anything else is the function's own failure, named by its operator. Callers write
 * {@code catch (Exception e) { throw UserCode.failure(name, e); }}, which costs nothing per record.
 */
public final class UserCode {

    private UserCode() { }

    public static RuntimeException failure(String operatorName, Exception thrown) {
        if (thrown instanceof UserCodeException || thrown instanceof TaskCancelledException) {
            return (RuntimeException) thrown;
        }
        if (thrown instanceof InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new TaskCancelledException(interrupted);
        }
        return new UserCodeException(operatorName, thrown);
    }
}
