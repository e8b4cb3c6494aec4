package io.spindle.master.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import io.spindle.protocol.metrics.MetricDefinition;
import io.spindle.protocol.status.StatusDocument;

import java.util.List;
import java.util.Map;

import static io.spindle.protocol.metrics.MetricDefinition.counter;
import static io.spindle.protocol.metrics.MetricDefinition.gauge;

/** The job's own series, from the job master's status: restarts and checkpoints, with Flink's names. */
final class JobSeries {

    static final MetricDefinition NUM_RESTARTS = gauge("numRestarts", "Restarts of this master attempt's job.");
    static final MetricDefinition RESTARTS = counter("restarts",
            "Restarts by cause: task_failure, worker_lost, container_exited, checkpoint_failure.");
    static final MetricDefinition COMPLETED = gauge("numberOfCompletedCheckpoints",
            "Checkpoints this master attempt completed.");
    static final MetricDefinition FAILED = gauge("numberOfFailedCheckpoints",
            "Checkpoints this master attempt aborted.");
    static final MetricDefinition LAST_DURATION = gauge("lastCheckpointDuration",
            "Milliseconds from trigger to completion of the last completed checkpoint.");
    static final MetricDefinition LAST_SIZE = gauge("lastCheckpointSize",
            "Bytes the last completed checkpoint uploaded (its incremental size).");
    static final MetricDefinition LAST_FULL_SIZE = gauge("lastCheckpointFullSize",
            "Bytes of state of the last completed checkpoint, all it refers to.");
    static final List<MetricDefinition> DEFINITIONS = List.of(NUM_RESTARTS, RESTARTS, COMPLETED, FAILED, LAST_DURATION,
            LAST_SIZE, LAST_FULL_SIZE);

    private static final String PREFIX = "spindle_job_";

    private JobSeries() { }

    static void add(MetricFamilies families, Labels job, StatusDocument status, Map<RestartCause, Long> restarts) {
        families.add(PREFIX, NUM_RESTARTS, job, status.restarts());
        restarts.forEach((cause, count) -> families.add(PREFIX, RESTARTS, job.add("cause", cause.label()), count));
        families.add(PREFIX, COMPLETED, job, status.checkpoints().completed());
        families.add(PREFIX, FAILED, job, status.checkpoints().failed());
        status.checkpoints().latest().ifPresent(latest -> {
            families.add(PREFIX, LAST_DURATION, job, latest.durationMs());
            families.add(PREFIX, LAST_SIZE, job, latest.incrementalBytes());
            families.add(PREFIX, LAST_FULL_SIZE, job, latest.stateBytes());
        });
    }
}
