package io.spindle.master.checkpoint;

/** How a job ended for good. */
public enum JobOutcome {
    FINISHED,
    FAILED,
    CANCELLED
}
