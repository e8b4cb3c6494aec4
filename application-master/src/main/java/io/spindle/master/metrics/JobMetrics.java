package io.spindle.master.metrics;

import io.spindle.protocol.metrics.MetricsReport;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the master knows of a job's metrics between scrapes: each worker's latest report (its JVM and the subtasks of
 * its current attempt), kept until the worker is gone, and the job's restarts by cause. Written by the threads that
 * serve the workers and by the job master, read by scrapes; every method is thread-safe.
 */
public final class JobMetrics {

    private final Map<String, MetricsReport> reports = new ConcurrentHashMap<>();
    private final Map<RestartCause, Long> restarts = new EnumMap<>(RestartCause.class);

    /** A worker's heartbeat brought its newest report; an empty one (metrics disabled) is not kept. */
    public void reported(String workerId, MetricsReport report) {
        if (report.equals(MetricsReport.EMPTY)) {
            return;
        }
        reports.put(workerId, report);
    }

    /** The worker is gone: its series end. */
    public void workerGone(String workerId) {
        reports.remove(workerId);
    }

    public synchronized void restarted(RestartCause cause) {
        restarts.merge(cause, 1L, Long::sum);
    }

    /** The latest report of every connected worker, by worker id. */
    public Map<String, MetricsReport> reports() {
        return new TreeMap<>(reports);
    }

    /** Restarts so far by cause, every cause listed. */
    public synchronized Map<RestartCause, Long> restarts() {
        Map<RestartCause, Long> all = new EnumMap<>(RestartCause.class);
        for (RestartCause cause : RestartCause.values()) {
            all.put(cause, restarts.getOrDefault(cause, 0L));
        }
        return all;
    }
}
