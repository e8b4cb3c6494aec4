package io.spindle.runtime.tasks;

import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.protocol.metrics.TaskMetric;
import io.spindle.protocol.metrics.WorkerMetric;
import io.spindle.runtime.metrics.MetricsReporter;
import io.spindle.runtime.tasks.TestConnectors.EndOfInputHook;
import io.spindle.runtime.tasks.TestConnectors.FedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static io.spindle.runtime.tasks.TestConnectors.recordingSink;
import static org.assertj.core.api.Assertions.assertThat;

/** What the worker's metrics reporter reads of running tasks. */
class TaskMetricsTest {

    @TempDir
    Path work;

    private final EventLog log = new EventLog();
    private final FedSource source = new FedSource("in", log);
    private final AtomicLong nanos = new AtomicLong();
    private final MetricsReporter reporter = new MetricsReporter(nanos::get, () -> 1_000L);
    private RunningTasks tasks;

    @AfterEach
    void stopTasks() throws Exception {
        if (tasks != null) {
            tasks.close();
        }
    }

    /** in -> rebalance -> tail -> out: the source task "in", the input task "tail -> out". */
    private SpindleJob rebalanced() {
        return (builder, params) -> builder.source("in", source)
                .rebalance()
                .process("tail", new EndOfInputHook("tail", log), Codecs.LONG)
                .sink("out", recordingSink("out", log));
    }

    private TaskSample sampleOf(MetricsReport report, Task task) {
        return report.tasks().stream().filter(sample -> sample.vertexId() == task.vertexId()).findFirst().orElseThrow();
    }

    @Test
    void eachSubtaskReportsItsRecordsAndBytesInAndOutAndEachOperatorsRecords() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, rebalanced());
        tasks.startAll();
        source.offer(1, 2, 3);
        source.end();
        tasks.awaitEnd(tasks.task("tail"));

        MetricsReport report = reporter.report(0, tasks.all());

        TaskSample in = sampleOf(report, tasks.task("in"));
        TaskSample tail = sampleOf(report, tasks.task("tail"));
        assertThat(in.values()).containsEntry(TaskMetric.NUM_RECORDS_IN, 3L).containsEntry(TaskMetric.NUM_RECORDS_OUT, 3L);
        assertThat(tail.values()).containsEntry(TaskMetric.NUM_RECORDS_IN, 3L)
                .containsEntry(TaskMetric.NUM_RECORDS_OUT, 0L)
                .containsEntry(TaskMetric.NUM_BYTES_IN, in.values().get(TaskMetric.NUM_BYTES_OUT));
        assertThat(tail.values()).containsEntry(TaskMetric.INPUT_QUEUE_LENGTH, 0L)
                .hasEntrySatisfying(TaskMetric.INPUT_QUEUE_CAPACITY, capacity -> assertThat(capacity).isPositive());
        assertThat(in.values()).containsEntry(TaskMetric.OUTPUT_QUEUE_LENGTH, 0L)
                .containsEntry(TaskMetric.OUTPUT_QUEUE_CAPACITY, tail.values().get(TaskMetric.INPUT_QUEUE_CAPACITY));
        assertThat(tail.operators()).containsExactly(new OperatorSample("tail", 3, 3), new OperatorSample("out", 3, 0));
        assertThat(report.worker()).containsKey(WorkerMetric.HEAP_USED);
    }

    @Test
    void ratesArePerSecondOverTheTimeSinceThePreviousReport() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, rebalanced());
        MetricsReport first = reporter.report(0, tasks.all());
        tasks.startAll();
        source.offer(1, 2, 3, 4);
        source.end();
        tasks.awaitEnd(tasks.task("tail"));
        nanos.set(2_000_000_000L);

        MetricsReport second = reporter.report(0, tasks.all());

        assertThat(sampleOf(first, tasks.task("tail")).values()).doesNotContainKey(TaskMetric.NUM_RECORDS_IN_PER_SECOND);
        assertThat(sampleOf(second, tasks.task("tail")).values())
                .containsEntry(TaskMetric.NUM_RECORDS_IN_PER_SECOND, 2L);
    }
}
