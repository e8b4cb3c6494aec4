package io.spindle.master.metrics;

import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VertexRatesTest {

    private static MetricsReport.TaskSample subtask(int vertex, int subtask, long in, long out, long backPressured) {
        return new MetricsReport.TaskSample(vertex, subtask, Map.of(TaskMetric.NUM_RECORDS_IN_PER_SECOND, in,
                TaskMetric.NUM_RECORDS_OUT_PER_SECOND, out, TaskMetric.BACK_PRESSURED_TIME_MS_PER_SECOND, backPressured,
                TaskMetric.BUSY_TIME_MS_PER_SECOND, 1000 - backPressured), List.of());
    }

    @Test
    void aVertexSumsItsSubtasksRatesAndTakesItsMostBackPressuredSubtask() {
        MetricsReport first = new MetricsReport(1, Map.of(), List.of(subtask(0, 0, 0, 500, 100), subtask(1, 0, 400, 0, 0)));
        MetricsReport second = new MetricsReport(1, Map.of(), List.of(subtask(0, 1, 0, 700, 600), subtask(1, 1, 800, 0, 0)));

        Map<Integer, VertexRates> rates = VertexRates.of(List.of(first, second));

        assertThat(rates.get(0)).isEqualTo(new VertexRates(0, 1200, 600, 900));
        assertThat(rates.get(1)).isEqualTo(new VertexRates(1200, 0, 0, 1000));
    }

    @Test
    void aSubtaskWithoutRatesYetLeavesItsVertexUnreportedRatherThanIdle() {
        MetricsReport report = new MetricsReport(1, Map.of(), List.of(new MetricsReport.TaskSample(2, 0,
                Map.of(TaskMetric.NUM_RECORDS_OUT, 10L), List.of())));

        assertThat(VertexRates.of(List.of(report))).doesNotContainKey(2);
    }

    @Test
    void aVertexWhoseSubtasksReportedRatesOnlyInPartIsTheSumOfThoseThatDid() {
        MetricsReport report = new MetricsReport(1, Map.of(), List.of(subtask(0, 0, 0, 500, 100),
                new MetricsReport.TaskSample(0, 1, Map.of(TaskMetric.NUM_RECORDS_OUT, 10L), List.of())));

        assertThat(VertexRates.of(List.of(report)).get(0)).isEqualTo(new VertexRates(0, 500, 100, 900));
    }
}
