package io.spindle.master.local;

import io.spindle.master.checkpoint.CheckpointFailureReason;
import io.spindle.master.checkpoint.CheckpointTarget;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.tasks.SourceTask;
import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.tasks.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One execution of all of a job's subtasks, a thread each, until every task finished or the first
 * failure cancelled the rest. A job that fails over runs several attempts, one after another.
 */
final class LocalAttempt implements TaskListener, CheckpointTarget {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAttempt.class);

    private final int number;
    private final List<Task> tasks = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong failureMillis = new AtomicLong();
    private final AtomicLong firstRecordMillis = new AtomicLong();
    private final Consumer<CheckpointFailureReason> stopCheckpoints;
    private final Consumer<SubtaskId> inputEnded;
    private CountDownLatch remaining;

    /**
     * @param stopCheckpoints ends this attempt's checkpoints, when a task finished (after the final checkpoint) or
     *                        failed
     * @param inputEnded hears of each subtask whose input ended
     */
    LocalAttempt(int number, Consumer<CheckpointFailureReason> stopCheckpoints, Consumer<SubtaskId> inputEnded) {
        this.number = number;
        this.stopCheckpoints = stopCheckpoints;
        this.inputEnded = inputEnded;
    }

    /** A task added after the attempt failed is cancelled at once: it runs only to release what it holds. */
    synchronized void add(Task task) {
        tasks.add(task);
        if (failure.get() != null) {
            task.cancel();
        }
    }

    synchronized List<Task> tasks() {
        return List.copyOf(tasks);
    }

    /** Runs every task to its end; returns the failure that ended the attempt, or null if all finished. */
    Throwable run() {
        List<Task> all = tasks();
        remaining = new CountDownLatch(all.size());
        List<Thread> threads = new ArrayList<>();
        for (Task task : all) {
            Thread thread = new Thread(task, task.name());
            threads.add(thread);
            thread.start();
        }
        try {
            remaining.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return failure.get();
    }

    /** The first failure ends the attempt: every task is cancelled; later failures are its echoes. */
    void fail(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            failureMillis.set(System.currentTimeMillis());
            stopCheckpoints.accept(CheckpointFailureReason.TASK_FAILURE);
            tasks().forEach(Task::cancel);
        }
    }

    /** When the failure that ended this attempt happened. */
    long failureMillis() {
        return failureMillis.get();
    }

    /** When a task first received a record from upstream, or 0 if none did. */
    long firstRecordMillis() {
        return firstRecordMillis.get();
    }

    int number() {
        return number;
    }

    void addRecordsIn(Map<String, Long> counts) {
        for (Task task : tasks()) {
            task.operators().forEach(op -> counts.merge(op.name(), op.recordsIn(), Long::sum));
        }
    }

    @Override
    public void firstRecord(Task task) {
        firstRecordMillis.compareAndSet(0, System.currentTimeMillis());
    }

    @Override
    public void inputEnded(Task task) {
        inputEnded.accept(new SubtaskId(task.vertexId(), task.subtaskIndex()));
    }

    @Override
    public void finished(Task task) {
        stopCheckpoints.accept(CheckpointFailureReason.JOB_STOPPING);
        remaining.countDown();
    }

    @Override
    public void failed(Task task, Throwable cause) {
        LOG.warn("task {} failed (attempt {}): {}", task.name(), number, cause.toString());
        LOG.debug("task {} failure", task.name(), cause);
        fail(cause);
        remaining.countDown();
    }

    @Override
    public void cancelled(Task task) {
        remaining.countDown();
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        for (Task task : tasks()) {
            if (task instanceof SourceTask source) {
                source.triggerCheckpoint(barrier);
            }
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        tasks().forEach(task -> task.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        tasks().forEach(task -> task.notifyCheckpointAborted(checkpointId));
    }
}
