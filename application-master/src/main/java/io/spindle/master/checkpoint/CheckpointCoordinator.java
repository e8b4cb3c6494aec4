package io.spindle.master.checkpoint;

import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.protocol.status.CompletedCheckpointStats;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.SavepointRequest;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorageCoordinatorView;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.CompletedCheckpointStore;
import io.spindle.state.checkpoint.storage.FencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs checkpoints of one job: triggers them at the sources, collects every subtask's snapshot,
 * publishes the metadata, keeps the retained checkpoints, and tells the tasks. Knows nothing of
 * YARN: tasks are reached through a {@link CheckpointTarget}, and answer as a {@link CheckpointResponder}.
 * Confined to the job master's event loop, like everything of the job's course: not thread-safe, and no lock is
 * held while it calls its storage (it sees only the coordinator's view of it).
 *
 * <p>Order on completion matters: {@code _metadata} is published and the checkpoint added to the store
 * (its shared files registered) before any task hears of it and may reuse those files, or commit what it wrote
 * for it: whatever the tasks commit is in a checkpoint a failover restores from.
 *
 * <p>Savepoints. One that leaves the job running commits nothing: the tasks do not hear of it (as in Flink 1.15
 * and later), so no side effect depends on a savepoint that no failover restores from. One that stops the job
 * (stop with savepoint) is its last checkpoint: it is added to the store, so that a failover before every task
 * ended resumes from it and not from an older checkpoint, and then the tasks hear of it and commit.
 */
public final class CheckpointCoordinator implements CheckpointResponder {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final String jobId;
    private final String jobName;
    private final CheckpointStorageCoordinatorView storage;
    private final CompletedCheckpointStore store;
    private final List<OperatorInfo> operators;
    private final Set<SubtaskId> subtasks;
    private final CheckpointTarget target;
    private final CheckpointFailureManager failures;
    private final long timeoutMillis;
    private final LongSupplier clock;
    private final Consumer<Throwable> failJob;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final List<CompletedCheckpointStats> completedStats = new ArrayList<>();
    private final CheckpointHistory history = new CheckpointHistory();
    private long nextCheckpointId;
    private boolean suspended;
    /**
     * A final checkpoint completed (the final checkpoint, or a savepoint that stops the job): the tasks are ending,
     * until a new attempt runs ({@link #resume}). No checkpoint starts meanwhile.
     */
    private boolean finalCompleted;
    private long lastCompletionMillis = Long.MIN_VALUE;

    /**
     * @param operators every operator of the job, so the metadata lists stateless ones too
     * @param subtasks every subtask that must acknowledge a checkpoint
     * @param failJob called when more consecutive checkpoints failed than tolerated, or with a
     *                {@link FencedException} when a newer master attempt took over the checkpoints
     */
    public CheckpointCoordinator(String jobId, String jobName, CheckpointStorageCoordinatorView storage,
                                 CompletedCheckpointStore store, List<OperatorInfo> operators, Set<SubtaskId> subtasks, CheckpointTarget target,
                                 CheckpointFailureManager failures, long timeoutMillis, LongSupplier clock,
                                 Consumer<Throwable> failJob) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.storage = storage;
        this.store = store;
        this.operators = List.copyOf(operators);
        this.subtasks = Set.copyOf(subtasks);
        this.target = target;
        this.failures = failures;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
        this.failJob = failJob;
        this.nextCheckpointId = store.highestCheckpointId() + 1;
    }

    /** Starts the next periodic checkpoint; see {@link #triggerCheckpoint(boolean)}. */
    public long triggerCheckpoint() {
        return triggerCheckpoint(false);
    }

    /**
     * Starts the next checkpoint, or the final checkpoint of a job whose every task's input ended; returns its id,
     * or -1 while suspended or the tasks are ending ({@link #ending}). A storage error aborts it and counts as a
     * failure.
     */
    public long triggerCheckpoint(boolean finalCheckpoint) {
        if (suspended || ending()) {
            return -1;
        }
        long checkpointId = nextCheckpointId++;
        PendingCheckpoint checkpoint = new PendingCheckpoint(finalCheckpoint
                ? CheckpointBarrier.finalCheckpoint(checkpointId) : CheckpointBarrier.checkpoint(checkpointId),
                clock.getAsLong(), subtasks);
        pending.put(checkpointId, checkpoint);
        try {
            storage.initializeLocation(checkpointId);
        } catch (IOException e) {
            abort(checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
            return checkpointId;
        }
        target.triggerCheckpoint(checkpoint.barrier());
        return checkpointId;
    }

    /**
     * Starts a savepoint into a new directory under {@code targetDirectory}. It rides the same barriers as
     * checkpoints, between them, but belongs to the user: it is never retained, subsumed or deleted here, its
     * failure does not count against the tolerated checkpoint failures, and the incremental checkpoints never
     * reference its files. Fails at once while the job is not running or is being stopped.
     *
     * @return completed with the savepoint once its {@code _metadata} is published, or exceptionally with why not
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory,
                                                                               SavepointFormat format,
                                                                               Termination termination) {
        if (suspended) {
            return CompletableFuture.failedFuture(new CheckpointFailure(
                    "the job is not running (it is restarting or ending); try again"));
        }
        if (ending()) {
            return CompletableFuture.failedFuture(new CheckpointFailure(
                    "the job is ending (stopped with a savepoint, or after its final checkpoint)"));
        }
        org.apache.hadoop.fs.Path location;
        try {
            location = storage.initializeSavepoint(targetDirectory);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new CheckpointFailure("cannot create a savepoint directory in "
                    + targetDirectory + ": " + e.getMessage(), e));
        }
        long checkpointId = nextCheckpointId++;
        PendingCheckpoint savepoint = new PendingCheckpoint(CheckpointBarrier.savepoint(checkpointId,
                new SavepointRequest(location.toString(), format, termination)), clock.getAsLong(), subtasks);
        pending.put(checkpointId, savepoint);
        LOG.info("savepoint {} triggered into {} ({}{})", checkpointId, location,
                format.name().toLowerCase(Locale.ROOT), termination == Termination.NONE ? ""
                        : ", then the job " + (termination == Termination.DRAIN ? "drains and ends" : "stops"));
        target.triggerCheckpoint(savepoint.barrier());
        return savepoint.completion();
    }

    /**
     * Whether the tasks are ending: a final barrier is out (the final checkpoint, or a savepoint that stops the job)
     * and its checkpoint is pending, or completed. No checkpoint may start after a final barrier.
     */
    public boolean ending() {
        return finalCompleted || pending.values().stream().anyMatch(p -> p.barrier().isFinal());
    }

    @Override
    public void acknowledge(TaskSnapshot snapshot) {
        PendingCheckpoint checkpoint = pending.get(snapshot.checkpointId());
        if (checkpoint == null || !checkpoint.acknowledge(snapshot)) {
            LOG.debug("late acknowledgement of checkpoint {} from {}", snapshot.checkpointId(), snapshot.taskName());
            store.discardAborted(snapshot.checkpointId(), snapshot.sharedFiles());
            return;
        }
        if (checkpoint.isComplete()) {
            complete(checkpoint);
        }
    }

    @Override
    public void decline(String taskName, long checkpointId, Throwable cause) {
        if (pending.containsKey(checkpointId)) {
            LOG.info("checkpoint {} declined by {}: {}", checkpointId, taskName, cause.toString());
            abort(checkpointId, CheckpointFailureReason.DECLINED, cause);
        }
    }

    /** Aborts every pending checkpoint older than the timeout, as seen at {@code now}. */
    public void expireOverdue() {
        long now = clock.getAsLong();
        for (PendingCheckpoint checkpoint : List.copyOf(pending.values())) {
            if (now - checkpoint.triggerMillis() > timeoutMillis) {
                abort(checkpoint.checkpointId(), CheckpointFailureReason.EXPIRED, new CheckpointFailure(
                        "checkpoint " + checkpoint.checkpointId() + " expired after " + timeoutMillis + " ms, still awaiting "
                                + checkpoint.awaited().size() + " subtasks"));
            }
        }
    }

    /**
     * No checkpoints until {@link #resume}: the tasks are stopping, for good or for a failover. Every pending
     * checkpoint is aborted for {@code reason}, which a trigger racing with this cannot undo.
     */
    public void suspend(CheckpointFailureReason reason) {
        suspended = true;
        abortAll(reason);
    }

    /** Checkpoints may be triggered again: a new set of tasks is running. */
    public void resume() {
        suspended = false;
        finalCompleted = false;
    }

    /** Drops every pending checkpoint. */
    private void abortAll(CheckpointFailureReason reason) {
        for (long checkpointId : List.copyOf(pending.keySet())) {
            abort(checkpointId, reason, new CheckpointFailure("checkpoint " + checkpointId + " aborted: " + reason));
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Figures of every checkpoint this coordinator completed, in order. */
    public List<CompletedCheckpointStats> completedStats() {
        return List.copyOf(completedStats);
    }

    public int completedCount() {
        return completedStats.size();
    }

    /** Figures of the newest completed checkpoint, if any. */
    public Optional<CompletedCheckpointStats> latestCompletedStats() {
        return completedStats.isEmpty() ? Optional.empty() : Optional.of(completedStats.get(completedStats.size() - 1));
    }

    /** The latest checkpoints and savepoints that ended, newest first. */
    public List<CheckpointHistory.Entry> history() {
        return history.entries();
    }

    public long lastCompletionMillis() {
        return lastCompletionMillis;
    }

    private void complete(PendingCheckpoint checkpoint) {
        long checkpointId = checkpoint.checkpointId();
        pending.remove(checkpointId);
        CheckpointMetadata metadata = checkpoint.toMetadata(jobId, jobName, operators);
        CompletedCheckpoint completed;
        try {
            completed = checkpoint.isSavepoint()
                    ? storage.finalizeSavepoint(new org.apache.hadoop.fs.Path(checkpoint.barrier().savepoint().directory()),
                            metadata)
                    : storage.finalizeCheckpoint(metadata);
        } catch (IOException e) {
            pending.put(checkpointId, checkpoint);
            abort(checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
            return;
        }
        if (checkpoint.isSavepoint()) {
            LOG.info("savepoint {} completed in {} ms: {} bytes at {}", checkpointId,
                    clock.getAsLong() - checkpoint.triggerMillis(), metadata.fullBytes(), completed.directory());
            if (!checkpoint.barrier().isFinal()) {
                history.completed(checkpoint, clock.getAsLong(), completed.directory(), metadata.fullBytes(),
                        metadata.incrementalBytes());
                checkpoint.completion().complete(completed);
                return;
            }
            try {
                store.add(completed);
            } catch (RuntimeException e) {
                pending.put(checkpointId, checkpoint);
                abort(checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
                return;
            }
            finalCompleted = true;
            history.completed(checkpoint, clock.getAsLong(), completed.directory(), metadata.fullBytes(),
                    metadata.incrementalBytes());
            subsumePendingBefore(checkpointId);
            // Whoever waits for the savepoint hears first: a stopped job's tasks end once they hear it.
            checkpoint.completion().complete(completed);
            target.notifyCheckpointComplete(checkpointId);
            return;
        }
        store.add(completed);
        finalCompleted |= checkpoint.barrier().isFinal();
        lastCompletionMillis = clock.getAsLong();
        completedStats.add(new CompletedCheckpointStats(checkpointId, lastCompletionMillis - checkpoint.triggerMillis(),
                metadata.incrementalBytes(), metadata.fullBytes()));
        history.completed(checkpoint, lastCompletionMillis, completed.directory(), metadata.fullBytes(),
                metadata.incrementalBytes());
        failures.checkpointCompleted(checkpointId);
        LOG.info("checkpoint {} completed in {} ms: {} bytes uploaded, {} bytes in all", checkpointId,
                lastCompletionMillis - checkpoint.triggerMillis(), metadata.incrementalBytes(), metadata.fullBytes());
        subsumePendingBefore(checkpointId);
        target.notifyCheckpointComplete(checkpointId);
        checkpoint.completion().complete(completed);
    }

    /**
     * A checkpoint entered the store: the pending checkpoints before it can never complete (the store takes only newer
     * ones), so they are aborted. Savepoints that do not stop the job stay: they never enter the store.
     */
    private void subsumePendingBefore(long checkpointId) {
        for (PendingCheckpoint older : List.copyOf(pending.headMap(checkpointId).values())) {
            if (!older.isSavepoint()) {
                abort(older.checkpointId(), CheckpointFailureReason.SUBSUMED, new CheckpointFailure(
                        "checkpoint " + older.checkpointId() + " subsumed by " + checkpointId));
            }
        }
    }

    private void abort(long checkpointId, CheckpointFailureReason reason, Throwable cause) {
        PendingCheckpoint checkpoint = pending.remove(checkpointId);
        if (checkpoint == null) {
            return; // aborted already, by a failover the failure below started
        }
        target.notifyCheckpointAborted(checkpointId);
        checkpoint.completion().completeExceptionally(cause);
        history.failed(checkpoint, clock.getAsLong(), reason, cause);
        if (checkpoint.isSavepoint()) {
            discardSavepoint(checkpoint);
            LOG.info("savepoint {} aborted ({}): {}", checkpointId, reason, cause.toString());
            return;
        }
        store.discardAborted(checkpointId, checkpoint.sharedFiles());
        LOG.info("checkpoint {} aborted ({}): {}", checkpointId, reason, cause.toString());
        if (cause instanceof FencedException) {
            failJob.accept(cause); // no checkpoint of this master attempt can complete any more
        } else if (failures.checkpointFailed(checkpointId, reason)) {
            failJob.accept(new CheckpointFailure("exceeded the tolerable checkpoint failures ("
                    + failures.consecutiveFailures() + " in a row); last: " + cause, cause));
        }
    }

    /**
     * An aborted savepoint's directory goes; so do late uploads into it, which fail once it is gone (uploads
     * never create directories).
     */
    private void discardSavepoint(PendingCheckpoint savepoint) {
        String directory = savepoint.barrier().savepoint().directory();
        try {
            storage.discardSavepoint(new org.apache.hadoop.fs.Path(directory));
        } catch (IOException e) {
            LOG.warn("could not delete the directory {} of aborted savepoint {}: {}", directory,
                    savepoint.checkpointId(), e.toString());
        }
    }

    /** Why a checkpoint failed, or why the job fails over because of failed checkpoints. */
    public static final class CheckpointFailure extends RuntimeException {
        CheckpointFailure(String message) {
            super(message);
        }

        CheckpointFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
