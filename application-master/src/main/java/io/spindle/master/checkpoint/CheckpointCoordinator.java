package io.spindle.master.checkpoint;

import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.master.checkpoint.PendingCheckpoint.SubtaskId;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.runtime.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.CompletedCheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs checkpoints of one job: triggers them at the sources, collects every subtask's snapshot,
 * publishes the metadata, keeps the retained checkpoints, and tells the tasks. Knows nothing of
 * YARN: tasks are reached through a {@link CheckpointTarget}, and answer as a {@link CheckpointResponder}.
 *
 * <p>Order on completion matters: {@code _metadata} is published and the checkpoint added to the store
 * (its shared files registered) before any task hears of it and may reuse those files.
 */
public final class CheckpointCoordinator implements CheckpointResponder {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final String jobId;
    private final CheckpointStorage storage;
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
    private long nextCheckpointId;
    private boolean suspended;
    private long lastCompletionMillis = Long.MIN_VALUE;

    /**
     * @param operators every operator of the job, so the metadata lists stateless ones too
     * @param subtasks every subtask that must acknowledge a checkpoint
     * @param failJob called when more consecutive checkpoints failed than tolerated
     */
    public CheckpointCoordinator(String jobId, CheckpointStorage storage, CompletedCheckpointStore store,
                                 List<OperatorInfo> operators, Set<SubtaskId> subtasks, CheckpointTarget target,
                                 CheckpointFailureManager failures, long timeoutMillis, LongSupplier clock,
                                 Consumer<Throwable> failJob) {
        this.jobId = jobId;
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

    /**
     * Starts the next checkpoint; returns its id, or -1 while suspended. A storage error aborts it and counts
     * as a failure.
     */
    public synchronized long triggerCheckpoint() {
        if (suspended) {
            return -1;
        }
        long checkpointId = nextCheckpointId++;
        long now = clock.getAsLong();
        pending.put(checkpointId, new PendingCheckpoint(checkpointId, now, subtasks));
        try {
            storage.initializeLocation(checkpointId);
        } catch (IOException e) {
            abort(checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
            return checkpointId;
        }
        target.triggerCheckpoint(checkpointId);
        return checkpointId;
    }

    @Override
    public synchronized void acknowledge(TaskSnapshot snapshot) {
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
    public synchronized void decline(String taskName, long checkpointId, Throwable cause) {
        if (pending.containsKey(checkpointId)) {
            LOG.info("checkpoint {} declined by {}: {}", checkpointId, taskName, cause.toString());
            abort(checkpointId, CheckpointFailureReason.DECLINED, cause);
        }
    }

    /** Aborts every pending checkpoint older than the timeout, as seen at {@code now}. */
    public synchronized void expireOverdue() {
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
    public synchronized void suspend(CheckpointFailureReason reason) {
        suspended = true;
        abortAll(reason);
    }

    /** Checkpoints may be triggered again: a new set of tasks is running. */
    public synchronized void resume() {
        suspended = false;
    }

    /** Drops every pending checkpoint. */
    private void abortAll(CheckpointFailureReason reason) {
        for (long checkpointId : List.copyOf(pending.keySet())) {
            abort(checkpointId, reason, new CheckpointFailure("checkpoint " + checkpointId + " aborted: " + reason));
        }
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Figures of every checkpoint this coordinator completed, in order. */
    public synchronized List<CompletedCheckpointStats> completedStats() {
        return List.copyOf(completedStats);
    }

    public synchronized int completedCount() {
        return completedStats.size();
    }

    /** Figures of the newest completed checkpoint, if any. */
    public synchronized Optional<CompletedCheckpointStats> latestCompletedStats() {
        return completedStats.isEmpty() ? Optional.empty() : Optional.of(completedStats.get(completedStats.size() - 1));
    }

    public synchronized long lastCompletionMillis() {
        return lastCompletionMillis;
    }

    private void complete(PendingCheckpoint checkpoint) {
        long checkpointId = checkpoint.checkpointId();
        pending.remove(checkpointId);
        CheckpointMetadata metadata = checkpoint.toMetadata(jobId, operators);
        CompletedCheckpoint completed;
        try {
            completed = storage.finalizeCheckpoint(metadata);
        } catch (IOException e) {
            pending.put(checkpointId, checkpoint);
            abort(checkpointId, CheckpointFailureReason.STORAGE_ERROR, e);
            return;
        }
        store.add(completed);
        lastCompletionMillis = clock.getAsLong();
        completedStats.add(new CompletedCheckpointStats(checkpointId, lastCompletionMillis - checkpoint.triggerMillis(),
                metadata.incrementalBytes(), metadata.fullBytes()));
        failures.checkpointCompleted(checkpointId);
        LOG.info("checkpoint {} completed in {} ms: {} bytes uploaded, {} bytes in all", checkpointId,
                lastCompletionMillis - checkpoint.triggerMillis(), metadata.incrementalBytes(), metadata.fullBytes());
        for (long older : List.copyOf(pending.headMap(checkpointId).keySet())) {
            abort(older, CheckpointFailureReason.SUBSUMED, new CheckpointFailure(
                    "checkpoint " + older + " subsumed by " + checkpointId));
        }
        target.notifyCheckpointComplete(checkpointId);
    }

    private void abort(long checkpointId, CheckpointFailureReason reason, Throwable cause) {
        PendingCheckpoint checkpoint = pending.remove(checkpointId);
        if (checkpoint == null) {
            return; // aborted already, by a failover the failure below started
        }
        store.discardAborted(checkpointId, checkpoint.sharedFiles());
        target.notifyCheckpointAborted(checkpointId);
        LOG.info("checkpoint {} aborted ({}): {}", checkpointId, reason, cause.toString());
        if (failures.checkpointFailed(checkpointId, reason)) {
            failJob.accept(new CheckpointFailure("exceeded the tolerable checkpoint failures ("
                    + failures.consecutiveFailures() + " in a row); last: " + cause, cause));
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
