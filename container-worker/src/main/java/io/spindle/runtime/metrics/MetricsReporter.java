package io.spindle.runtime.metrics;

import io.spindle.protocol.metrics.JvmReadings;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.runtime.tasks.Task;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A worker's metrics at heartbeat time: its JVM's, and a sample of every subtask of its current attempt, whose rates
 * are over the time since the previous report. One heartbeat thread calls it; the tasks only count.
 */
public final class MetricsReporter {

    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final Map<Task, TaskSampler> samplers = new IdentityHashMap<>();

    public MetricsReporter(LongSupplier nanoClock, LongSupplier wallClock) {
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
    }

    /** @param attempt the attempt {@code tasks} belong to, -1 with none */
    public synchronized MetricsReport report(int attempt, List<Task> tasks) {
        samplers.keySet().retainAll(tasks);
        long nowNanos = nanoClock.getAsLong();
        long wallMillis = wallClock.getAsLong();
        List<TaskSample> samples = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            samples.add(samplers.computeIfAbsent(task, TaskSampler::new).sample(nowNanos, wallMillis));
        }
        return new MetricsReport(attempt, JvmReadings.read(), samples);
    }
}
