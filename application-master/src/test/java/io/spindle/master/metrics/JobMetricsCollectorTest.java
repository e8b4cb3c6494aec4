package io.spindle.master.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.protocol.metrics.TaskMetric;
import io.spindle.protocol.metrics.WorkerMetric;
import io.spindle.protocol.status.StatusDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobMetricsCollectorTest {

    private static final StatusDocument STATUS = new StatusDocument("application_1_0001", 1, "KeyedCounts", "RUNNING",
            1, List.of(), List.of(), new StatusDocument.Checkpoints(3, 1, Optional.of(new StatusDocument.Checkpoint(3,
            "hdfs://nn/chk-3", 5000, 700, 120)), Optional.empty()), List.of(), Optional.empty(), List.of(),
            Optional.empty(), List.of(), Optional.empty());

    private final JobMetrics metrics = new JobMetrics();
    private final JobMetricsCollector collector = new JobMetricsCollector(List.of("source", "count"), metrics,
            () -> STATUS, () -> Map.of(WorkerMetric.HEAP_USED, 32L, WorkerMetric.GC_COUNT, 3L));

    private String scrape() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(text, collector.collect(), EscapingScheme.DEFAULT);
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSubtasksSeriesAreLabelledByJobVertexSubtaskContainerAndAttempt() throws IOException {
        metrics.reported("container_7", new MetricsReport(2, Map.of(WorkerMetric.HEAP_USED, 64L), List.of(
                new TaskSample(1, 0, Map.of(TaskMetric.NUM_RECORDS_IN, 1000L, TaskMetric.BUSY_TIME_MS_PER_SECOND, 250L),
                        List.of(new OperatorSample("count", 1000, 0))))));

        String text = scrape();

        String task = "attempt=\"2\",container=\"container_7\",job_id=\"application_1_0001\",job_name=\"KeyedCounts\","
                + "subtask=\"0\",vertex=\"count\"";
        assertThat(text).contains("spindle_task_numRecordsIn_total{" + task + "} 1000.0")
                .contains("spindle_task_busyTimeMsPerSecond{" + task + "} 250.0")
                .contains("spindle_operator_numRecordsIn_total{" + task.replace("job_name=\"KeyedCounts\",",
                        "job_name=\"KeyedCounts\",operator=\"count\",") + "} 1000.0")
                .contains("spindle_worker_jvm_memory_heap_used_bytes{container=\"container_7\","
                        + "job_id=\"application_1_0001\",job_name=\"KeyedCounts\"} 64.0");
    }

    @Test
    void theMastersOwnJvmIsLabelledByTheJobOnly() throws IOException {
        String text = scrape();

        assertThat(text).contains("spindle_master_jvm_memory_heap_used_bytes{job_id=\"application_1_0001\","
                + "job_name=\"KeyedCounts\"} 32.0")
                .contains("spindle_master_jvm_gc_collections_total{job_id=\"application_1_0001\","
                        + "job_name=\"KeyedCounts\"} 3.0");
    }

    @Test
    void theJobsRestartsAndLastCheckpointComeFromItsStatus() throws IOException {
        metrics.restarted(RestartCause.TASK_FAILURE);

        String text = scrape();

        String job = "job_id=\"application_1_0001\",job_name=\"KeyedCounts\"";
        assertThat(text).contains("spindle_job_numRestarts{" + job + "} 1.0")
                .contains("spindle_job_restarts_total{cause=\"task_failure\"," + job + "} 1.0")
                .contains("spindle_job_restarts_total{cause=\"worker_lost\"," + job + "} 0.0")
                .contains("spindle_job_lastCheckpointDuration{" + job + "} 120.0")
                .contains("spindle_job_lastCheckpointSize{" + job + "} 700.0")
                .contains("spindle_job_lastCheckpointFullSize{" + job + "} 5000.0");
    }

    @Test
    void aWorkerThatIsGoneHasNoSeries() throws IOException {
        metrics.reported("container_7", new MetricsReport(0, Map.of(WorkerMetric.HEAP_USED, 64L), List.of()));

        metrics.workerGone("container_7");

        assertThat(scrape()).doesNotContain("container_7");
    }
}
