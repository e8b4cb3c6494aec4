package io.spindle.core.options;

/** What happens to a job's checkpoints when it is cancelled or fails for good (Flink's names). */
public enum ExternalizedCheckpointRetention {
    DELETE_ON_CANCELLATION,
    RETAIN_ON_CANCELLATION,
    NO_EXTERNALIZED_CHECKPOINTS
}
