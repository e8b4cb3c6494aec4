package io.spindle.master.metrics;

import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.TaskMetric;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One task's (vertex's) load as the dashboard's job graph shows it, from its subtasks' latest reports: records in and
 * out per second summed over the subtasks, and the back-pressured and busy time per second of its most
 * back-pressured and busiest subtask (one slow subtask holds the whole task back, as Flink's graph colours it).
 */
public record VertexRates(double recordsInPerSecond, double recordsOutPerSecond, long backPressuredMsPerSecond,
                          long busyMsPerSecond) {

    /** The rates of every vertex some worker reported rates of subtasks of. */
    public static Map<Integer, VertexRates> of(Collection<MetricsReport> reports) {
        Map<Integer, VertexRates> rates = new TreeMap<>();
        for (MetricsReport report : reports) {
            for (MetricsReport.TaskSample task : report.tasks()) {
                if (!task.values().containsKey(TaskMetric.NUM_RECORDS_OUT_PER_SECOND)) {
                    continue; // a subtask's first report: no rates yet, which is not the same as none
                }
                VertexRates subtask = new VertexRates(value(task, TaskMetric.NUM_RECORDS_IN_PER_SECOND),
                        value(task, TaskMetric.NUM_RECORDS_OUT_PER_SECOND),
                        value(task, TaskMetric.BACK_PRESSURED_TIME_MS_PER_SECOND),
                        value(task, TaskMetric.BUSY_TIME_MS_PER_SECOND));
                rates.merge(task.vertexId(), subtask, VertexRates::plus);
            }
        }
        return rates;
    }

    private VertexRates plus(VertexRates other) {
        return new VertexRates(recordsInPerSecond + other.recordsInPerSecond,
                recordsOutPerSecond + other.recordsOutPerSecond,
                Math.max(backPressuredMsPerSecond, other.backPressuredMsPerSecond),
                Math.max(busyMsPerSecond, other.busyMsPerSecond));
    }

    private static long value(MetricsReport.TaskSample task, TaskMetric metric) {
        return task.values().getOrDefault(metric, 0L);
    }

    /** As the dashboard reads it. */
    public Map<String, Object> toMap() {
        return Map.of("records_in_per_s", recordsInPerSecond, "records_out_per_s", recordsOutPerSecond,
                "backpressured_ms_per_s", backPressuredMsPerSecond, "busy_ms_per_s", busyMsPerSecond);
    }
}
