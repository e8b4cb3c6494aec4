package io.spindle.master.metrics;

import java.util.Locale;

/** Why the job restarted, as the {@code cause} label of {@code spindle_job_restarts_total}. */
public enum RestartCause {
    TASK_FAILURE, WORKER_LOST, CONTAINER_EXITED, CHECKPOINT_FAILURE,
    /** The cluster did not grant the workers within slot.request.timeout. */
    SLOT_REQUEST_TIMEOUT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
