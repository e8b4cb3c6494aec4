package io.spindle.master.checkpoint;

import io.spindle.core.concurrent.EventLoop;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.ExternalizedCheckpointRetention;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.protocol.status.CompletedCheckpointStats;
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
import java.util.function.Consumer;

/**
 * Checkpoints of one job, wherever its tasks run: the coordinator, its store, and when to trigger, all on the job
 * master's event loop (not thread-safe). They outlive the attempts of a job that fails over; each attempt's tasks are
 * reached through the {@link CheckpointTarget} given to {@link #start} until {@link #stopTriggering}, which comes
 * when the attempt fails or its first task ends. The next checkpoint is scheduled for when the trigger decider says,
 * and planned again whenever a checkpoint ends. Tasks whose input ended keep taking part; once every task's input
 * ended ({@link #inputEnded}) the final checkpoint is triggered at once, and again should it be aborted: its
 * completion lets the tasks commit and end.
 */
public final class JobCheckpointing implements CheckpointTarget {

    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);
    private static final CheckpointTarget NO_ATTEMPT = new CheckpointTarget() {
        @Override
        public void triggerCheckpoint(CheckpointBarrier barrier) { }

        @Override
        public void notifyCheckpointComplete(long checkpointId) { }

        @Override
        public void notifyCheckpointAborted(long checkpointId) { }
    };

    /** Checkpointing for a job master: on its loop, with what it does when checkpoints fail the job. */
    @FunctionalInterface
    public interface Factory {
        /** @param failJob hears why checkpoints fail the job (see {@link CheckpointCoordinator}) */
        Optional<JobCheckpointing> create(EventLoop loop, Consumer<Throwable> failJob);
    }

    private final EventLoop loop;
    private final CheckpointStorage storage;
    /** {@code execution.checkpointing.savepoint-dir}, or null. */
    private final String savepointDirectory;
    private final CompletedCheckpointStore store;
    private final ExternalizedCheckpointRetention retention;
    private final CheckpointCoordinator coordinator;
    /** When periodic checkpoints start; null without an interval (savepoints only). */
    private final CheckpointTriggerDecider decider;
    private final long timeoutMillis;
    private final Set<SubtaskId> subtasks;
    /** The subtasks of the running attempt whose input ended. */
    private final Set<SubtaskId> inputEnded = new HashSet<>();
    private CheckpointTarget attempt = NO_ATTEMPT;
    /** Whether an attempt's tasks take checkpoints: between {@link #start} and {@link #stopTriggering}. */
    private boolean triggering;
    private long lastTriggerMillis;
    /** The number of the trigger planned last; a timer of an older plan does nothing. */
    private long plan;

    private JobCheckpointing(Configuration configuration, org.apache.hadoop.conf.Configuration hadoop,
                             ExecutionPlan plan, String jobId, int masterAttempt, EventLoop loop,
                             Consumer<Throwable> failJob) throws IOException {
        this.loop = loop;
        this.storage = new CheckpointStorage(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                jobId, hadoop);
        storage.claim(masterAttempt);
        this.store = CompletedCheckpointStore.recover(storage, configuration.get(CheckpointingOptions.NUM_RETAINED));
        this.subtasks = subtasks(plan);
        this.retention = configuration.get(CheckpointingOptions.EXTERNALIZED_RETENTION);
        this.savepointDirectory = configuration.contains(CheckpointingOptions.SAVEPOINTS_DIRECTORY)
                ? configuration.get(CheckpointingOptions.SAVEPOINTS_DIRECTORY) : null;
        this.timeoutMillis = configuration.get(CheckpointingOptions.TIMEOUT).toMillis();
        this.coordinator = new CheckpointCoordinator(jobId, plan.graph().jobName(), storage, store, operators(plan),
                subtasks, this, new CheckpointFailureManager(configuration.get(CheckpointingOptions.TOLERABLE_FAILURES)),
                timeoutMillis, loop::currentTimeMillis, failJob);
        this.decider = configuration.getOptional(CheckpointingOptions.INTERVAL)
                .map(interval -> new CheckpointTriggerDecider(interval.toMillis(),
                        configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis(),
                        configuration.get(CheckpointingOptions.MAX_CONCURRENT)))
                .orElse(null);
    }

    /**
     * Checkpointing as configured: periodic checkpoints with an interval, savepoints in any case; none without a
     * checkpoint directory (clients set its default). The checkpoints go to {@code <checkpoints-dir>/<jobId>},
     * which master attempt {@code masterAttempt} claims (see {@link CheckpointStorage#claim}); those already there
     * (a restarted master) are recovered, and numbering continues after them.
     */
    public static Factory factory(Configuration configuration, org.apache.hadoop.conf.Configuration hadoop,
                                  ExecutionPlan plan, String jobId, int masterAttempt) {
        return (loop, failJob) -> {
            if (!configuration.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new JobCheckpointing(configuration, hadoop, plan, jobId, masterAttempt, loop,
                        failJob));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the checkpoint directory", e);
            }
        };
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

    /** The completed checkpoints kept (execution.checkpointing.num-retained), oldest first. */
    public List<CompletedCheckpoint> retained() {
        return store.retained();
    }

    /** The job directory checkpoints go to, {@code <checkpoints-dir>/<job-id>}. */
    public String jobDirectory() {
        return storage.jobDirectory().toString();
    }

    /** Triggers checkpoints of an attempt's tasks, the first an interval after now. */
    public void start(CheckpointTarget attemptTasks) {
        this.attempt = attemptTasks;
        inputEnded.clear();
        lastTriggerMillis = loop.currentTimeMillis();
        coordinator.resume();
        triggering = true;
        planNextTrigger();
    }

    /** A subtask of the running attempt reported that its input ended; the last one brings the final checkpoint. */
    public void inputEnded(SubtaskId subtask) {
        inputEnded.add(subtask);
        if (inputEnded.containsAll(subtasks)) {
            planNextTrigger();
        }
    }

    /**
     * Schedules the next trigger, in place of any planned before: at once when every task's input ended, else when
     * the decider says; none while the tasks are ending or as many checkpoints are pending as may be.
     */
    private void planNextTrigger() {
        long planned = ++plan;
        if (!triggering || coordinator.ending()) {
            return;
        }
        if (decider == null) {
            return; // savepoints only: no periodic checkpoint, and the tasks do not wait for a final one
        }
        long now = loop.currentTimeMillis();
        long due = allInputEnded() ? now : decider.nextTriggerMillis(lastTriggerMillis,
                coordinator.lastCompletionMillis(), coordinator.pendingCount());
        if (due != CheckpointTriggerDecider.WAIT_FOR_PENDING) {
            loop.schedule(() -> {
                if (planned == plan) {
                    trigger();
                }
            }, due - now);
        }
    }

    private void trigger() {
        lastTriggerMillis = loop.currentTimeMillis();
        if (coordinator.triggerCheckpoint(allInputEnded()) > 0) {
            loop.schedule(coordinator::expireOverdue, timeoutMillis + 1);
        }
        planNextTrigger();
    }

    private boolean allInputEnded() {
        return inputEnded.containsAll(subtasks);
    }

    /**
     * No more checkpoints of this attempt: it is ending ({@link CheckpointFailureReason#JOB_STOPPING}) or
     * failing ({@link CheckpointFailureReason#TASK_FAILURE}). Pending ones are dropped and not counted as
     * failed checkpoints, before the tasks' cancellation makes them decline.
     */
    public void stopTriggering(CheckpointFailureReason reason) {
        triggering = false;
        plan++;
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
        // The tasks never hear that an intermediate savepoint completed (nothing commits on it), so its end is
        // noticed here: a periodic checkpoint may have been waiting for it (max concurrent checkpoints).
        return coordinator.triggerSavepoint(target, format, termination)
                .whenComplete((savepoint, failure) -> planNextTrigger());
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        attempt.triggerCheckpoint(barrier);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        attempt.notifyCheckpointComplete(checkpointId);
        planNextTrigger();
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        attempt.notifyCheckpointAborted(checkpointId);
        planNextTrigger();
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
