package io.spindle.master.checkpoint;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts consecutive failed checkpoints (execution.checkpointing.tolerable-failed-checkpoints), with
 * Flink's rules: only failures caused by the checkpoint itself count; a completed checkpoint resets
 * the count; a failure of a checkpoint not newer than the last completed one is ignored; the same
 * checkpoint failing twice counts once.
 */
public final class CheckpointFailureManager {

    private final int tolerableFailures;
    private final Set<Long> countedFailures = new HashSet<>();
    private long lastCompleted = -1;

    public CheckpointFailureManager(int tolerableFailures) {
        if (tolerableFailures < 0) {
            throw new IllegalArgumentException("tolerable failed checkpoints must be zero or more: " + tolerableFailures);
        }
        this.tolerableFailures = tolerableFailures;
    }

    public void checkpointCompleted(long checkpointId) {
        if (checkpointId > lastCompleted) {
            lastCompleted = checkpointId;
            countedFailures.clear();
        }
    }

    /**
     * Records a failure; returns true when this failure is one too many in a row and the job must fail
     * over. A failure that does not count never fails the job, whatever came before.
     */
    public boolean checkpointFailed(long checkpointId, CheckpointFailureReason reason) {
        if (!reason.isCounted() || checkpointId <= lastCompleted || !countedFailures.add(checkpointId)) {
            return false;
        }
        return countedFailures.size() > tolerableFailures;
    }

    public int consecutiveFailures() {
        return countedFailures.size();
    }
}
