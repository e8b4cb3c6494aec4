package io.spindle.master.local;

/** How a job ended for good. */
enum JobOutcome {
    FINISHED,
    FAILED,
    CANCELLED
}
