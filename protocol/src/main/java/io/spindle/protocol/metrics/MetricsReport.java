package io.spindle.protocol.metrics;

import java.util.List;
import java.util.Map;

/**
 * What a worker's heartbeat carries: readings of its JVM and of the subtasks of its current attempt. A metric a
 * worker or subtask does not have (no keyed state, no watermark yet) is absent from its map.
 *
 * @param attempt the attempt the subtasks belong to; -1 when the worker runs none
 */
public record MetricsReport(int attempt, Map<WorkerMetric, Long> worker, List<TaskSample> tasks) {

    /** A heartbeat of a worker that reports no metrics. */
    public static final MetricsReport EMPTY = new MetricsReport(-1, Map.of(), List.of());

    public MetricsReport {
        worker = Map.copyOf(worker);
        tasks = List.copyOf(tasks);
    }

    /** One subtask's readings, and its operators'. */
    public record TaskSample(int vertexId, int subtask, Map<TaskMetric, Long> values, List<OperatorSample> operators) {

        public TaskSample {
            values = Map.copyOf(values);
            operators = List.copyOf(operators);
        }
    }

    /** Records into and out of one operator of a subtask's chain. */
    public record OperatorSample(String name, long recordsIn, long recordsOut) { }
}
