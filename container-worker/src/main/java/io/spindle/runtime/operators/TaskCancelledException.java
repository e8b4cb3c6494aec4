package io.spindle.runtime.operators;

/** The task was cancelled while it waited (an interrupt), not a failure of its own. */
public final class TaskCancelledException extends RuntimeException {

    public TaskCancelledException(InterruptedException cause) {
        super("task cancelled", cause);
    }
}
