package io.spindle.master.checkpoint;

/** Why a checkpoint did not complete; only failures of the checkpoint itself count towards the tolerance. */
public enum CheckpointFailureReason {
    DECLINED(true),
    EXPIRED(true),
    STORAGE_ERROR(true),
    ASYNC_SNAPSHOT_ERROR(true),
    /** A task failed; the job fails over anyway, so the checkpoint is not to blame. */
    TASK_FAILURE(false),
    /** A newer checkpoint completed first. */
    SUBSUMED(false),
    /** The job is stopping or restarting. */
    JOB_STOPPING(false);

    private final boolean counted;

    CheckpointFailureReason(boolean counted) {
        this.counted = counted;
    }

    public boolean isCounted() {
        return counted;
    }
}
