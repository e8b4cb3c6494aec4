package io.spindle.runtime.worker;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.protocol.control.ControlMessage.TaskOutcome;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.runtime.tasks.ChannelProvider;
import io.spindle.runtime.tasks.SourceTask;
import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.tasks.TaskListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The subtasks one worker runs for one attempt of the job, a thread each. Reports how each ends, its
 * checkpoint parts and its first record to the master, every message tagged with the attempt.
 */
final class WorkerAttempt implements TaskListener, CheckpointResponder {

    private final int number;
    private final Consumer<ControlMessage> master;
    private final ChannelProvider channels;
    private final AttemptObserver observer;
    private final Map<Task, Subtask> subtasks = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean firstRecordReported = new AtomicBoolean();

    WorkerAttempt(int number, Consumer<ControlMessage> master, ChannelProvider channels, AttemptObserver observer) {
        this.number = number;
        this.master = master;
        this.channels = channels;
        this.observer = observer;
    }

    int number() {
        return number;
    }

    synchronized void add(Task task, int vertexId, int subtask) {
        subtasks.put(task, new Subtask(vertexId, subtask));
    }

    /** A subtask that could not even be built (its state would not restore) fails the attempt like a task. */
    void failedToStart(int vertexId, int subtask, Throwable cause) {
        master.accept(new ControlMessage.TaskEnded(number, vertexId, subtask, TaskOutcome.FAILED,
                UserCodeException.describe(cause)));
    }

    /** The attempt's subtasks, for the metrics. Any thread. */
    synchronized List<Task> tasks() {
        return List.copyOf(subtasks.keySet());
    }

    synchronized void start() {
        observer.started(List.copyOf(subtasks.keySet()));
        for (Task task : subtasks.keySet()) {
            Thread thread = new Thread(task, task.name());
            threads.add(thread);
            thread.start();
        }
    }

    synchronized void triggerCheckpoint(CheckpointBarrier barrier) {
        for (Task task : subtasks.keySet()) {
            if (task instanceof SourceTask source) {
                source.triggerCheckpoint(barrier);
            }
        }
    }

    synchronized void notifyCheckpointComplete(long checkpointId) {
        subtasks.keySet().forEach(task -> task.notifyCheckpointComplete(checkpointId));
    }

    synchronized void notifyCheckpointAborted(long checkpointId) {
        subtasks.keySet().forEach(task -> task.notifyCheckpointAborted(checkpointId));
    }

    synchronized void cancel() {
        subtasks.keySet().forEach(Task::cancel);
    }

    /** Cancels every task, waits until all have ended and released their state, then closes the channels. */
    void end() throws InterruptedException {
        cancel();
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        for (Thread thread : running) {
            thread.join();
        }
        channels.close();
        synchronized (this) {
            observer.ended(List.copyOf(subtasks.keySet()));
        }
    }

    @Override
    public void firstRecord(Task task) {
        if (firstRecordReported.compareAndSet(false, true)) {
            master.accept(new ControlMessage.FirstRecord(number, System.currentTimeMillis()));
        }
    }

    @Override
    public void inputEnded(Task task) {
        Subtask id = subtaskOf(task);
        master.accept(new ControlMessage.InputEnded(number, id.vertexId(), id.index()));
    }

    @Override
    public void finished(Task task) {
        ended(task, TaskOutcome.FINISHED, "");
    }

    @Override
    public void failed(Task task, Throwable cause) {
        observer.taskFailed(task, cause);
        ended(task, TaskOutcome.FAILED, UserCodeException.describe(cause));
    }

    @Override
    public void cancelled(Task task) {
        ended(task, TaskOutcome.CANCELLED, "");
    }

    private synchronized Subtask subtaskOf(Task task) {
        return subtasks.get(task);
    }

    private void ended(Task task, TaskOutcome outcome, String failure) {
        Subtask id = subtaskOf(task);
        master.accept(new ControlMessage.TaskEnded(number, id.vertexId(), id.index(), outcome, failure));
    }

    @Override
    public void acknowledge(TaskSnapshot snapshot) {
        master.accept(new ControlMessage.Acknowledge(number, SubtaskStates.snapshotBytes(snapshot), snapshot.times()));
    }

    @Override
    public void decline(String taskName, long checkpointId, Throwable cause) {
        master.accept(new ControlMessage.Decline(number, taskName, checkpointId, String.valueOf(cause)));
    }

    private record Subtask(int vertexId, int index) { }
}
