package io.spindle.master.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spindle.protocol.metrics.MetricDefinition;
import io.spindle.protocol.metrics.MetricKind;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.protocol.metrics.TaskMetric;
import io.spindle.protocol.metrics.WorkerMetric;
import io.spindle.protocol.status.StatusDocument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A job's series as Prometheus scrapes them, built afresh on every scrape: {@code spindle_task_*} and
 * {@code spindle_operator_*} from each worker's latest report, labelled by job, vertex, subtask, container and attempt;
 * {@code spindle_worker_*} of each worker's JVM; {@code spindle_master_*} of the ApplicationMaster's own JVM;
 * {@code spindle_job_*} from the job master's status.
 */
public final class JobMetricsCollector implements MultiCollector {

    static final MetricDefinition OPERATOR_RECORDS_IN = MetricDefinition.counter("numRecordsIn",
            "Records into the operator.");
    static final MetricDefinition OPERATOR_RECORDS_OUT = MetricDefinition.counter("numRecordsOut",
            "Records out of the operator, to the next in the chain or the task's output edges.");

    private static final String MASTER = "spindle_master_";

    private final List<String> vertexNames;
    private final JobMetrics metrics;
    private final Supplier<StatusDocument> status;
    private final Supplier<Map<WorkerMetric, Long>> masterJvm;

    /**
     * @param vertexNames the job's task vertices' names, by vertex id
     * @param status the job master's status, taken for the job's own series
     * @param masterJvm the readings of the master's own JVM, taken on every scrape
     */
    public JobMetricsCollector(List<String> vertexNames, JobMetrics metrics, Supplier<StatusDocument> status,
                               Supplier<Map<WorkerMetric, Long>> masterJvm) {
        this.vertexNames = List.copyOf(vertexNames);
        this.metrics = metrics;
        this.status = status;
        this.masterJvm = masterJvm;
    }

    @Override
    public MetricSnapshots collect() {
        StatusDocument job = status.get();
        Labels jobLabels = Labels.of("job_id", job.application(), "job_name", job.job());
        MetricFamilies families = new MetricFamilies();
        JobSeries.add(families, jobLabels, job, metrics.restarts());
        masterJvm.get().forEach((metric, value) -> families.add(MASTER, metric.definition(), jobLabels, value));
        metrics.reports().forEach((workerId, report) -> addWorker(families, jobLabels.add("container", workerId),
                report));
        return families.snapshots();
    }

    private void addWorker(MetricFamilies families, Labels workerLabels, MetricsReport report) {
        report.worker().forEach((metric, value) -> families.add("spindle_worker_", metric.definition(), workerLabels,
                value));
        for (TaskSample task : report.tasks()) {
            Labels taskLabels = workerLabels.merge(new String[] {"vertex", "subtask", "attempt"}, new String[] {
                    vertexNames.get(task.vertexId()), String.valueOf(task.subtask()), String.valueOf(report.attempt())});
            task.values().forEach((metric, value) -> families.add("spindle_task_", metric.definition(), taskLabels,
                    value));
            for (OperatorSample operator : task.operators()) {
                Labels operatorLabels = taskLabels.add("operator", operator.name());
                families.add("spindle_operator_", OPERATOR_RECORDS_IN, operatorLabels, operator.recordsIn());
                families.add("spindle_operator_", OPERATOR_RECORDS_OUT, operatorLabels, operator.recordsOut());
            }
        }
    }

    /** Every metric name this collector may produce, as Prometheus shows it (counters with {@code _total}). */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        Arrays.stream(TaskMetric.values()).forEach(m -> names.add(prometheusName("spindle_task_", m.definition())));
        Stream.of(OPERATOR_RECORDS_IN, OPERATOR_RECORDS_OUT).forEach(d -> names.add(prometheusName("spindle_operator_", d)));
        Arrays.stream(WorkerMetric.values()).forEach(m -> names.add(prometheusName("spindle_worker_", m.definition())));
        Arrays.stream(WorkerMetric.values()).forEach(m -> names.add(prometheusName(MASTER, m.definition())));
        JobSeries.DEFINITIONS.forEach(d -> names.add(prometheusName("spindle_job_", d)));
        return names;
    }

    private static String prometheusName(String prefix, MetricDefinition definition) {
        return prefix + definition.name() + (definition.kind() == MetricKind.COUNTER ? "_total" : "");
    }
}
