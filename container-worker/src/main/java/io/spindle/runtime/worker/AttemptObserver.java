package io.spindle.runtime.worker;

import io.spindle.runtime.tasks.Task;

import java.util.List;

/**
 * Hears of a worker's attempts from the inside: what a worker in the master's JVM tells the local job (records
 * counted, the exception that failed a task), which a worker container has no one to tell. Calls come from the
 * worker's threads.
 */
public interface AttemptObserver {

    AttemptObserver NONE = new AttemptObserver() { };

    /** The attempt's tasks are about to start. */
    default void started(List<Task> tasks) {
    }

    /** Every task of the attempt has ended. */
    default void ended(List<Task> tasks) {
    }

    default void taskFailed(Task task, Throwable cause) {
    }
}
