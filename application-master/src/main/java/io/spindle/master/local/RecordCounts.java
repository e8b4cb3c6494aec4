package io.spindle.master.local;

import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.worker.AttemptObserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a local job learns from its in-JVM workers: the records each operator received over all attempts (those of
 * the running attempt read live), and the exception that failed the latest attempt, its first task failure.
 */
final class RecordCounts implements AttemptObserver {

    /** Records of attempts that ended, by operator name; guards {@link #running}. */
    private final Map<String, Long> ended = new LinkedHashMap<>();
    private List<Task> running = List.of();
    private final AtomicReference<Throwable> attemptFailure = new AtomicReference<>();
    private volatile Throwable lastFailure;

    @Override
    public void started(List<Task> tasks) {
        synchronized (ended) {
            running = tasks;
        }
        attemptFailure.set(null);
    }

    @Override
    public void ended(List<Task> tasks) {
        synchronized (ended) {
            add(tasks, ended);
            running = List.of();
        }
    }

    @Override
    public void taskFailed(Task task, Throwable cause) {
        if (attemptFailure.compareAndSet(null, cause)) {
            lastFailure = cause;
        }
    }

    /** Records each operator received so far, by name; each count a moment behind the task that makes it. */
    Map<String, Long> recordsIn() {
        synchronized (ended) {
            Map<String, Long> counts = new LinkedHashMap<>(ended);
            add(running, counts);
            return counts;
        }
    }

    /** The first task failure of the latest attempt that had one, if any. */
    Throwable lastFailure() {
        return lastFailure;
    }

    private static void add(List<Task> tasks, Map<String, Long> counts) {
        for (Task task : tasks) {
            task.operators().forEach(operator -> counts.merge(operator.name(), operator.recordsIn(), Long::sum));
        }
    }
}
