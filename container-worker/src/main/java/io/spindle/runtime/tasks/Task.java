package io.spindle.runtime.tasks;

import io.spindle.api.eventtime.Watermarks;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.runtime.eventtime.WatermarkValve;
import io.spindle.runtime.io.QueueDepth;
import io.spindle.runtime.metrics.TaskIoMetrics;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.Output;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.WriterOutput;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;
import io.spindle.state.rocksdb.RocksDbSnapshot;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One subtask of a chain of operators, run by one thread: opens the operators, moves records through them until
 * the task ends or is cancelled, and reports how it ended.
 *
 * <p>How a task ends. Without checkpointing it ends when its input ends: the operators do their end-of-input
 * work and commit what they wrote (as if a last checkpoint completed). With checkpointing, the end of input only
 * ends the records: the task keeps taking part in checkpoints until a <em>final</em> barrier passed it (the final
 * checkpoint the coordinator takes once every task's input ended, or a savepoint that stops the job) and it heard
 * that this checkpoint completed, whose notification commits what the operators wrote. So nothing is committed
 * that a later restore could take back, and a task whose input ended early does not keep the others from
 * checkpointing. After a final barrier a task processes nothing and fires no timer; if that checkpoint is aborted
 * it carries on. A task ends by closing its output channels, after all its input channels closed.
 */
public abstract class Task implements Runnable {

    /** How long an idle task sleeps at most before it looks for work again; anything new wakes it earlier. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String name;
    private final int vertexId;
    protected final List<StreamOperator<Object, Object>> operators;
    protected final WriterOutput writers;
    protected final OperatorRuntime runtime;
    protected final TaskServices services;
    /** What the task measures of its work, for the worker's metrics reporter. */
    protected final TaskIoMetrics io;
    protected final long bufferTimeoutMillis;
    /** Null unless the chain's head operator is keyed. */
    private final RocksDbKeyedStateBackend<Object> keyedBackend;
    private final List<AutoCloseable> resources;
    /** The operators did their end-of-input work before the state this task restored was taken. */
    private final boolean restoredInputEnded;
    private final Queue<Long> completedCheckpoints = new ConcurrentLinkedQueue<>();
    private final Queue<Long> abortedCheckpoints = new ConcurrentLinkedQueue<>();
    /** The input ended and the operators did their end-of-input work; task thread only. */
    private boolean inputEnded;
    /** The final barriers that passed this task whose checkpoints are neither completed nor aborted; task thread. */
    private final Set<Long> finalBarriers = new HashSet<>();
    /** A final barrier's checkpoint completed: the task's work is done; task thread. */
    private boolean finalCompleted;
    /** The watermark the chain last got; task thread. */
    private long watermark = Watermarks.NO_TIMESTAMP;
    private volatile boolean cancelled;
    private volatile Thread thread;

    /**
     * @param restoredInputEnded whether the state the task restores was taken after its end-of-input work
     * @param resources closed when the task ends, last first (e.g. its keyed state backend)
     * @param io the metrics the writers count into too
     */
    protected Task(String name, int vertexId, List<StreamOperator<Object, Object>> operators, WriterOutput writers,
                   OperatorRuntime runtime, TaskServices services, RocksDbKeyedStateBackend<Object> keyedBackend,
                   boolean restoredInputEnded, List<AutoCloseable> resources, TaskIoMetrics io) {
        this.name = name;
        this.vertexId = vertexId;
        this.operators = List.copyOf(operators);
        this.writers = writers;
        this.runtime = runtime;
        this.services = services;
        this.io = io;
        this.bufferTimeoutMillis = services.bufferTimeoutMillis();
        this.keyedBackend = keyedBackend;
        this.restoredInputEnded = restoredInputEnded;
        this.resources = List.copyOf(resources);
        for (int i = 0; i < operators.size(); i++) {
            operators.get(i).setOutput(i + 1 < operators.size() ? operators.get(i + 1) : writers);
        }
    }

    public String name() {
        return name;
    }

    public int vertexId() {
        return vertexId;
    }

    public int subtaskIndex() {
        return runtime.subtaskIndex();
    }

    public List<StreamOperator<Object, Object>> operators() {
        return operators;
    }

    public TaskIoMetrics io() {
        return io;
    }

    /** The buffers waiting in the task's input channels; none for a source. Any thread. */
    public QueueDepth inputQueue() {
        return QueueDepth.NONE;
    }

    /** The buffers the task sent that its consumers have not taken yet. Any thread. */
    public QueueDepth outputQueue() {
        return writers.queue();
    }

    /** Records that entered the chain: its head operator's, or with none those it passed to the writers. */
    public long recordsIn() {
        return operators.isEmpty() ? io.recordsOut() : operators.get(0).recordsIn();
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
        int opened = 0;
        try {
            for (StreamOperator<Object, Object> operator : operators) {
                operator.open(runtime);
                opened++;
            }
            invoke();
            closeOperators();
        } catch (Throwable t) {
            failure = t;
            closeOperatorsAfter(failure, opened);
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

    /** Moves records until the task may end (see the class comment); returns normally only then. */
    protected abstract void invoke() throws Exception;

    public void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        wakeUp();
    }

    /** Lets a task that sleeps waiting for input or for a checkpoint notice what came. Any thread. */
    protected void wakeUp() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Sleeps until {@link #wakeUp} or a while, idle in the metrics; task thread. */
    protected void idle() {
        long start = io.waitStarts();
        LockSupport.parkNanos(this, IDLE_NANOS);
        io.idleSince(start);
    }

    /** Reads the keyed state's RocksDB properties for the metrics if the last reading is old. Task thread. */
    protected void sampleState(long nowNanos) {
        io.sampleState(keyedBackend, nowNanos);
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
     * The input ended: due timers fire and the operators do their end-of-input work, which passes the end of input
     * downstream; a task restored after that work only passes it on. Task thread.
     */
    protected void endInput() throws Exception {
        if (inputEnded) {
            return;
        }
        if (restoredInputEnded) {
            writers.endOfInput();
        } else {
            fireTimers();
            advanceWatermark(Watermarks.END_OF_TIME);
            runtime.timestamp().clear();
            head().endOfInput();
        }
        inputEnded = true;
        services.listener().inputEnded(this);
        if (!services.checkpointing()) {
            // no checkpoint will commit what the operators wrote: this is their last one
            for (StreamOperator<Object, Object> operator : operators) {
                operator.prepareSnapshot(Long.MAX_VALUE);
            }
            for (StreamOperator<Object, Object> operator : operators) {
                operator.checkpointComplete(Long.MAX_VALUE);
            }
        }
    }

    /** Event time reached {@code newWatermark}: the chain fires what it makes due and passes it on. Task thread. */
    protected void advanceWatermark(long newWatermark) throws Exception {
        if (newWatermark > watermark) {
            watermark = newWatermark;
            io.inputWatermark(newWatermark);
            head().emitWatermark(newWatermark);
        }
    }

    /** What decides this task's watermark and idleness sends them here. */
    protected WatermarkValve.Listener watermarkListener() {
        return new WatermarkValve.Listener() {
            @Override
            public void watermark(long newWatermark) throws Exception {
                advanceWatermark(newWatermark);
            }

            @Override
            public void idle(boolean idle) throws InterruptedException {
                writers.emitWatermarkStatus(idle);
            }
        };
    }

    /** Whether the state this task restored was taken after its end-of-input work. */
    protected boolean restoredInputEnded() {
        return restoredInputEnded;
    }

    /** Whether records and timers may be processed: no final barrier is pending and the input has not ended. */
    protected boolean processing() {
        return finalBarriers.isEmpty() && !finalCompleted && !inputEnded;
    }

    /**
     * Whether the task's work is done: a final checkpoint completed (the final checkpoint, or a savepoint that stopped
     * the job), or without periodic checkpoints its input ended.
     */
    protected boolean done() {
        return finalCompleted || !services.checkpointing() && inputEnded;
    }

    /**
     * Takes this subtask's part of a checkpoint or savepoint, on the task thread between two records:
     * snapshots every operator's list state and (synchronously, by hard links) its RocksDB, sends the
     * barrier downstream behind all records emitted so far, then writes the RocksDB state on an upload
     * thread (a checkpoint's incrementally into the checkpoint directory, a savepoint's whole into its own
     * directory) and acknowledges to the coordinator. Processing goes on during the upload.
     *
     * @param alignmentNanos how long the barrier took to arrive on every input channel
     */
    protected void performCheckpoint(CheckpointBarrier barrier, long alignmentNanos) throws InterruptedException {
        long checkpointId = barrier.checkpointId();
        long start = System.nanoTime();
        if (barrier.isFinal()) {
            finalBarriers.add(checkpointId);
        }
        boolean ended = inputEnded || restoredInputEnded;
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
        long syncNanos = System.nanoTime() - start;
        if (keyed == null) {
            CheckpointTimes times = CheckpointTimes.ofNanos(alignmentNanos, syncNanos, 0);
            io.checkpointTaken(times);
            services.checkpoints().acknowledge(new TaskSnapshot(name, vertexId, runtime.subtaskIndex(), checkpointId,
                    operatorStates, ended, times));
            return;
        }
        String keyedOperator = operators.get(0).name();
        services.uploads().executor().execute(() -> {
            long uploadStart = System.nanoTime();
            try {
                SnapshotFiles target = services.uploads().target(barrier);
                KeyedStateHandle handle = barrier.isSavepoint()
                        ? keyed.uploadSavepoint(target, barrier.savepoint().format())
                        : keyed.upload(target);
                CheckpointTimes times = CheckpointTimes.ofNanos(alignmentNanos, syncNanos,
                        System.nanoTime() - uploadStart);
                io.checkpointTaken(times);
                services.checkpoints().acknowledge(new TaskSnapshot(name, vertexId, runtime.subtaskIndex(),
                        checkpointId, operatorStates, keyedOperator, handle, ended, times));
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

    /** Checkpoint n will never complete. Any thread. */
    public void notifyCheckpointAborted(long checkpointId) {
        if (keyedBackend != null) {
            keyedBackend.notifyCheckpointAborted(checkpointId);
        }
        abortedCheckpoints.add(checkpointId);
        wakeUp();
    }

    /**
     * Tells the operators of the checkpoints completed since the last call, and forgets the final barriers whose
     * checkpoints were aborted. Task thread, between records.
     */
    protected void passOnCompletedCheckpoints() throws Exception {
        Long checkpointId;
        while ((checkpointId = completedCheckpoints.poll()) != null) {
            checkpointCompleted(checkpointId);
            for (StreamOperator<Object, Object> operator : operators) {
                operator.checkpointComplete(checkpointId);
            }
            finalCompleted |= finalBarriers.contains(checkpointId);
        }
        while ((checkpointId = abortedCheckpoints.poll()) != null) {
            finalBarriers.remove(checkpointId);
        }
    }

    /** What the task itself does when checkpoint n completed, before its operators hear of it. Task thread. */
    protected void checkpointCompleted(long checkpointId) throws Exception {
    }

    /** Fires due timers of every operator while records are processed; returns the time of the next timer. */
    protected long fireTimers() throws Exception {
        if (!processing()) {
            return Long.MAX_VALUE;
        }
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

    /**
     * A failed or cancelled task still closes the operators it opened, so that sink writers release their files,
     * producers and threads; a writer's close after a failure publishes nothing (what it prepared is the restore's).
     */
    private void closeOperatorsAfter(Throwable failure, int opened) {
        for (int i = 0; i < opened; i++) {
            try {
                operators.get(i).close();
            } catch (Throwable e) {
                failure.addSuppressed(e);
            }
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
