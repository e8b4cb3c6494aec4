package io.spindle.runtime.tasks;

/** Hears how each task ends. Called from the task's own thread. */
public interface TaskListener {

    /** The task received its first record from upstream (after a restore: the first one replayed). */
    default void firstRecord(Task task) {
    }

    /**
     * The task's operators did their end-of-input work (or had done it before the state it restored was taken).
     * With checkpointing it now waits for the final checkpoint.
     */
    default void inputEnded(Task task) {
    }

    void finished(Task task);

    void failed(Task task, Throwable cause);

    /** The task stopped because it was cancelled, not through a fault of its own. */
    void cancelled(Task task);
}
