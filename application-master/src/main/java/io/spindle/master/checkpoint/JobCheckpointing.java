package io.spindle.master.checkpoint;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.ExternalizedCheckpointRetention;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.CompletedCheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Periodic checkpoints of one job, wherever its tasks run: the coordinator, its store, and the thread that
 * triggers it on time. They outlive the attempts of a job that fails over; each attempt's tasks are reached
 * through the {@link CheckpointTarget} given to {@link #start} until {@link #stopTriggering}, which comes when the
 * attempt fails or its first task ends. Tasks whose input ended keep taking part; once every task's input ended
 * ({@link #inputEnded}) the final checkpoint is triggered at once, and again should it be aborted: its completion
 * lets the tasks commit and end.
 */
public final class JobCheckpointing implements CheckpointTarget, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);
    private static final long TICK_MILLIS = 10;
    private static final CheckpointTarget NO_ATTEMPT = new CheckpointTarget() {
        @Override
        public void triggerCheckpoint(CheckpointBarrier barrier) { }

        @Override
        public void notifyCheckpointComplete(long checkpointId) { }

        @Override
        public void notifyCheckpointAborted(long checkpointId) { }
    };

    /** Why a job without checkpointing takes no savepoints. */
    public static final String SAVEPOINTS_NEED_CHECKPOINTING = "savepoints need checkpointing: set "
            + CheckpointingOptions.INTERVAL.key() + " and " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key();

    private final CheckpointStorage storage;
    /** {@code execution.checkpointing.savepoint-dir}, or null. */
    private final String savepointDirectory;
    private final CompletedCheckpointStore store;
    private final ExternalizedCheckpointRetention retention;
    private final CheckpointCoordinator coordinator;
    private final CheckpointTriggerDecider decider;
    private final ScheduledExecutorService triggerThread;
    private volatile CheckpointTarget attempt = NO_ATTEMPT;
    /** Not guarded by a lock of this class: a failing job stops it from inside the coordinator's lock. */
    private final AtomicReference<ScheduledFuture<?>> triggering = new AtomicReference<>();
    private final Set<SubtaskId> subtasks;
    /** The subtasks of the running attempt whose input ended; guarded by itself. */
    private final Set<SubtaskId> inputEnded = new HashSet<>();
    private long lastTriggerMillis;

    private JobCheckpointing(Configuration configuration, org.apache.hadoop.conf.Configuration hadoop,
                             ExecutionPlan plan, String jobId, int masterAttempt, Consumer<Throwable> failJob)
            throws IOException {
        this.storage = new CheckpointStorage(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                jobId, hadoop);
        storage.claim(masterAttempt);
        this.store = CompletedCheckpointStore.recover(storage, configuration.get(CheckpointingOptions.NUM_RETAINED));
        this.subtasks = subtasks(plan);
        this.retention = configuration.get(CheckpointingOptions.EXTERNALIZED_RETENTION);
        this.savepointDirectory = configuration.contains(CheckpointingOptions.SAVEPOINTS_DIRECTORY)
                ? configuration.get(CheckpointingOptions.SAVEPOINTS_DIRECTORY) : null;
        this.coordinator = new CheckpointCoordinator(jobId, plan.graph().jobName(), storage, store, operators(plan), subtasks, this,
                new CheckpointFailureManager(configuration.get(CheckpointingOptions.TOLERABLE_FAILURES)),
                configuration.get(CheckpointingOptions.TIMEOUT).toMillis(), System::currentTimeMillis, failJob);
        this.decider = new CheckpointTriggerDecider(configuration.get(CheckpointingOptions.INTERVAL).toMillis(),
                configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis(),
                configuration.get(CheckpointingOptions.MAX_CONCURRENT));
        this.triggerThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("checkpoint-trigger"));
    }

    /**
     * Checkpointing as configured; a checkpoint directory comes with the interval (checked with the config).
     * The checkpoints go to {@code <checkpoints-dir>/<jobId>}, which master attempt {@code masterAttempt} claims
     * (see {@link CheckpointStorage#claim}); those already there (a restarted master) are recovered, and
     * numbering continues after them.
     */
    public static Optional<JobCheckpointing> create(Configuration configuration,
                                                    org.apache.hadoop.conf.Configuration hadoop, ExecutionPlan plan,
                                                    String jobId, int masterAttempt, Consumer<Throwable> failJob) {
        if (!configuration.contains(CheckpointingOptions.INTERVAL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JobCheckpointing(configuration, hadoop, plan, jobId, masterAttempt, failJob));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint directory", e);
        }
    }

    public CheckpointCoordinator coordinator() {
        return coordinator;
    }

    /**
     * Where a failover resumes: the newest completed checkpoint of this job, or the savepoint that stopped it if
     * that is newer (its tasks may have committed what they wrote for it).
     */
    public Optional<CompletedCheckpoint> latestCompleted() {
        return store.latest();
    }

    /** The job directory checkpoints go to, {@code <checkpoints-dir>/<job-id>}. */
    public String jobDirectory() {
        return storage.jobDirectory().toString();
    }

    /** Triggers checkpoints of an attempt's tasks, an interval after now. */
    public void start(CheckpointTarget attemptTasks) {
        this.attempt = attemptTasks;
        synchronized (inputEnded) {
            inputEnded.clear();
        }
        lastTriggerMillis = System.currentTimeMillis();
        coordinator.resume();
        triggering.set(triggerThread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS));
    }

    /** A subtask of the running attempt reported that its input ended; the last one brings the final checkpoint. */
    public void inputEnded(SubtaskId subtask) {
        boolean all;
        synchronized (inputEnded) {
            inputEnded.add(subtask);
            all = inputEnded.containsAll(subtasks);
        }
        if (all) {
            triggerThread.execute(this::tick);
        }
    }

    private void tick() {
        if (triggering.get() == null) {
            return;
        }
        coordinator.expireOverdue();
        if (coordinator.ending()) {
            return;
        }
        boolean allInputEnded;
        synchronized (inputEnded) {
            allInputEnded = inputEnded.containsAll(subtasks);
        }
        long now = System.currentTimeMillis();
        if (allInputEnded || now >= decider.nextTriggerMillis(lastTriggerMillis, coordinator.lastCompletionMillis(),
                coordinator.pendingCount())) {
            lastTriggerMillis = now;
            coordinator.triggerCheckpoint(allInputEnded);
        }
    }

    /**
     * No more checkpoints of this attempt: it is ending ({@link CheckpointFailureReason#JOB_STOPPING}) or
     * failing ({@link CheckpointFailureReason#TASK_FAILURE}). Pending ones are dropped and not counted as
     * failed checkpoints, before the tasks' cancellation makes them decline.
     */
    public void stopTriggering(CheckpointFailureReason reason) {
        ScheduledFuture<?> running = triggering.getAndSet(null);
        if (running != null) {
            running.cancel(false);
        }
        coordinator.suspend(reason);
    }

    /**
     * The job ended for good, and its uploads have ended: its retained checkpoints are deleted, unless it failed
     * or was cancelled and the retention setting keeps them for a manual restart ({@code spindle run -s}); either
     * way, nothing the kept checkpoints do not reference stays behind.
     */
    public void jobEnded(JobOutcome outcome) {
        boolean keep = outcome == JobOutcome.FAILED && retention.keepsOnFailure()
                || outcome == JobOutcome.CANCELLED && retention.keepsOnCancellation();
        if (keep) {
            LOG.info("keeping the checkpoints of the {} job in {} ({})", outcome.name().toLowerCase(Locale.ROOT),
                    jobDirectory(), retention);
        } else {
            store.discardAll();
        }
        try {
            store.close();
            storage.releaseClaims();
        } catch (IOException e) {
            LOG.warn("could not clean up the checkpoint directory {}: {}", jobDirectory(), e.toString());
        }
    }

    public List<CompletedCheckpointStats> completed() {
        return coordinator.completedStats();
    }

    /**
     * A savepoint of the running attempt into a new directory under {@code directory}, or under the configured
     * savepoint directory if that is null; see {@link CheckpointCoordinator#triggerSavepoint}.
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory, SavepointFormat format,
                                                                  Termination termination) {
        String target = directory != null ? directory : savepointDirectory;
        if (target == null) {
            return CompletableFuture.failedFuture(new CheckpointCoordinator.CheckpointFailure(
                    "no savepoint directory: give one, or set " + CheckpointingOptions.SAVEPOINTS_DIRECTORY.key()));
        }
        if (attempt == NO_ATTEMPT) {
            return CompletableFuture.failedFuture(new CheckpointCoordinator.CheckpointFailure(
                    "the job is not running yet; try again"));
        }
        return coordinator.triggerSavepoint(target, format, termination);
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        attempt.triggerCheckpoint(barrier);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        attempt.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        attempt.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void close() {
        stopTriggering(CheckpointFailureReason.JOB_STOPPING);
        triggerThread.shutdownNow();
    }

    private static List<OperatorInfo> operators(ExecutionPlan plan) {
        List<OperatorInfo> operators = new ArrayList<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (StreamNode node : vertex.chain()) {
                operators.add(new OperatorInfo(node.name(), vertex.id(), node.parallelism(),
                        plan.graph().maxParallelism(), node.states()));
            }
        }
        return operators;
    }

    private static Set<SubtaskId> subtasks(ExecutionPlan plan) {
        Set<SubtaskId> subtasks = new HashSet<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (int i = 0; i < vertex.parallelism(); i++) {
                subtasks.add(new SubtaskId(vertex.id(), i));
            }
        }
        return subtasks;
    }
}
