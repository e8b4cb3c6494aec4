package io.spindle.state.checkpoint.storage;

/** Where a state file goes inside the job's checkpoint directory. */
public enum StateScope {
    /** {@code chk-<n>/}: only checkpoint n uses it; deleted with the checkpoint. */
    EXCLUSIVE,
    /** {@code shared/}: may be referenced by later checkpoints; deleted by the shared-state registry. */
    SHARED,
    /** {@code taskowned/}: owned and released by the tasks themselves. */
    TASK_OWNED
}
