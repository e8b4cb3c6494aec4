package io.spindle.core.options;

/** What happens to a job's checkpoints when it is cancelled or fails for good (Flink's names). */
public enum ExternalizedCheckpointRetention {
    DELETE_ON_CANCELLATION,
    RETAIN_ON_CANCELLATION,
    NO_EXTERNALIZED_CHECKPOINTS;

    /** Whether a job's retained checkpoints outlive its final failure, so it can be started from one. */
    public boolean keepsOnFailure() {
        return this != NO_EXTERNALIZED_CHECKPOINTS;
    }

    /** Whether a job's retained checkpoints outlive its cancellation. A finished job's never do. */
    public boolean keepsOnCancellation() {
        return this == RETAIN_ON_CANCELLATION;
    }
}
