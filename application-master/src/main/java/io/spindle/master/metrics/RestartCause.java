package io.spindle.master.metrics;

import java.util.Locale;

/** Why the job restarted, as the {@code cause} label of {@code spindle_job_restarts_total}. */
public enum RestartCause {
    TASK_FAILURE, WORKER_LOST, CONTAINER_EXITED, CHECKPOINT_FAILURE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
