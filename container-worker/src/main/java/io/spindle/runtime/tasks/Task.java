package io.spindle.runtime.tasks;

import io.spindle.runtime.checkpoint.CheckpointBarrier;
import io.spindle.runtime.checkpoint.TaskSnapshot;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.Output;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.WriterOutput;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;
import io.spindle.state.rocksdb.RocksDbSnapshot;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One subtask of a chain of operators, run by one thread: opens the operators, moves records
 * through them until the input ends or the task is cancelled, and reports how it ended.
 */
public abstract class Task implements Runnable {

    private final String name;
    private final int vertexId;
    protected final List<StreamOperator<Object, Object>> operators;
    protected final WriterOutput writers;
    protected final OperatorRuntime runtime;
    protected final TaskServices services;
    protected final long bufferTimeoutMillis;
    /** Null unless the chain's head operator is keyed. */
    private final RocksDbKeyedStateBackend<Object> keyedBackend;
    private final List<AutoCloseable> resources;
    private final Queue<Long> completedCheckpoints = new ConcurrentLinkedQueue<>();
    /** The newest checkpoint the operators heard of as completed; task thread only. */
    private long newestPassedOn = -1;
    private volatile boolean cancelled;
    private volatile Thread thread;

    /**
     * @param resources closed when the task ends, last first (e.g. its keyed state backend)
     */
    protected Task(String name, int vertexId, List<StreamOperator<Object, Object>> operators, WriterOutput writers,
                   OperatorRuntime runtime, TaskServices services, RocksDbKeyedStateBackend<Object> keyedBackend,
                   List<AutoCloseable> resources) {
        this.name = name;
        this.vertexId = vertexId;
        this.operators = List.copyOf(operators);
        this.writers = writers;
        this.runtime = runtime;
        this.services = services;
        this.bufferTimeoutMillis = services.bufferTimeoutMillis();
        this.keyedBackend = keyedBackend;
        this.resources = List.copyOf(resources);
        for (int i = 0; i < operators.size(); i++) {
            operators.get(i).setOutput(i + 1 < operators.size() ? operators.get(i + 1) : writers);
        }
    }

    public String name() {
        return name;
    }

    public List<StreamOperator<Object, Object>> operators() {
        return operators;
    }

    /** Where records enter the chain. */
    @SuppressWarnings("unchecked")
    protected Output<Object> head() {
        return operators.isEmpty() ? writers : operators.get(0);
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        Throwable failure = null;
        try {
            for (StreamOperator<Object, Object> operator : operators) {
                operator.open(runtime);
            }
            invoke();
            closeOperators();
        } catch (Throwable t) {
            failure = t;
        } finally {
            failure = closeResources(failure);
        }
        TaskListener listener = services.listener();
        if (failure == null) {
            listener.finished(this);
        } else if (cancelled && isCancellation(failure)) {
            listener.cancelled(this);
        } else {
            listener.failed(this, failure);
        }
    }

    /** Moves records until the input ends; returns normally only at the end of input. */
    protected abstract void invoke() throws Exception;

    public void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        wakeUp();
    }

    /** Lets a task that sleeps waiting for input notice cancellation. */
    protected void wakeUp() {
    }

    protected boolean isCancelled() {
        return cancelled;
    }

    protected void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new TaskCancelledException(new InterruptedException("cancelled"));
        }
    }

    /**
     * Takes this subtask's part of a checkpoint or savepoint, on the task thread between two records:
     * snapshots every operator's list state and (synchronously, by hard links) its RocksDB, sends the
     * barrier downstream behind all records emitted so far, then writes the RocksDB state on an upload
     * thread (a checkpoint's incrementally into the checkpoint directory, a savepoint's whole into its own
     * directory) and acknowledges to the coordinator. Processing goes on during the upload.
     */
    protected void performCheckpoint(CheckpointBarrier barrier) throws InterruptedException {
        long checkpointId = barrier.checkpointId();
        Map<String, Map<String, List<byte[]>>> operatorStates;
        RocksDbSnapshot keyed;
        try {
            for (StreamOperator<Object, Object> operator : operators) {
                operator.prepareSnapshot(checkpointId);
            }
            operatorStates = runtime.operatorStates().snapshot();
            keyed = keyedBackend == null ? null : keyedBackend.snapshot(checkpointId);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            services.checkpoints().decline(name, checkpointId, e);
            writers.broadcastBarrier(barrier);
            return;
        }
        writers.broadcastBarrier(barrier);
        if (keyed == null) {
            services.checkpoints().acknowledge(new TaskSnapshot(name, vertexId, runtime.subtaskIndex(), checkpointId,
                    operatorStates));
            return;
        }
        String keyedOperator = operators.get(0).name();
        services.uploads().executor().execute(() -> {
            try {
                SnapshotFiles target = services.uploads().target(barrier);
                KeyedStateHandle handle = barrier.isSavepoint()
                        ? keyed.uploadSavepoint(target, barrier.savepoint().format())
                        : keyed.upload(target);
                services.checkpoints().acknowledge(new TaskSnapshot(name, vertexId, runtime.subtaskIndex(),
                        checkpointId, operatorStates, keyedOperator, handle));
            } catch (Exception | Error e) {
                keyed.discard();
                services.checkpoints().decline(name, checkpointId, e);
            }
        });
    }

    /**
     * Checkpoint n is durable: its files become the base later snapshots reuse, and the operators hear
     * of it on the task thread (sinks publish what they prepared for it). Any thread.
     */
    public void notifyCheckpointComplete(long checkpointId) {
        if (keyedBackend != null) {
            keyedBackend.notifyCheckpointComplete(checkpointId);
        }
        completedCheckpoints.add(checkpointId);
        wakeUp();
    }

    /** Tells the operators of the checkpoints completed since the last call. Task thread, between records. */
    protected void passOnCompletedCheckpoints() throws Exception {
        Long checkpointId;
        while ((checkpointId = completedCheckpoints.poll()) != null) {
            for (StreamOperator<Object, Object> operator : operators) {
                operator.checkpointComplete(checkpointId);
            }
            newestPassedOn = Math.max(newestPassedOn, checkpointId);
        }
    }

    /** Whether the operators heard that checkpoint n, or a newer one, completed. Task thread. */
    protected boolean completed(long checkpointId) {
        return newestPassedOn >= checkpointId;
    }

    /**
     * Waits until the operators heard that savepoint n completed, so that sinks committed it before a
     * stopped job's tasks end. Nothing newer than a stopping savepoint is triggered, so "n or newer" is n.
     */
    protected void awaitCompletion(long savepointId) throws Exception {
        passOnCompletedCheckpoints();
        while (!completed(savepointId)) {
            checkCancelled();
            Thread.sleep(1);
            passOnCompletedCheckpoints();
        }
    }

    /** Checkpoint n will never complete. Any thread. */
    public void notifyCheckpointAborted(long checkpointId) {
        if (keyedBackend != null) {
            keyedBackend.notifyCheckpointAborted(checkpointId);
        }
    }

    /** Fires due timers of every operator; returns the time of the next timer. */
    protected long fireTimers() throws Exception {
        long now = runtime.clock().getAsLong();
        long next = Long.MAX_VALUE;
        for (StreamOperator<Object, Object> operator : operators) {
            next = Math.min(next, operator.fireTimers(now));
        }
        return next;
    }

    private void closeOperators() throws Exception {
        for (StreamOperator<Object, Object> operator : operators) {
            operator.close();
        }
    }

    private Throwable closeResources(Throwable failure) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    private static boolean isCancellation(Throwable failure) {
        return failure instanceof TaskCancelledException || failure instanceof InterruptedException;
    }

    @Override
    public String toString() {
        return name;
    }
}
