package io.spindle.client.cli;

import io.spindle.client.logs.AggregatedLogs;
import io.spindle.client.logs.ApplicationLogs;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.client.yarn.YarnClusterException;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.LogAggregationStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The logs of a finished application, once its NodeManagers have uploaded them. */
final class UploadedLogs {

    /** NodeManagers upload when the application ends; a few seconds usually, longer for large logs. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Set<LogAggregationStatus> UPLOADING = EnumSet.of(LogAggregationStatus.NOT_START,
            LogAggregationStatus.RUNNING, LogAggregationStatus.RUNNING_WITH_FAILURE);

    private UploadedLogs() { }

    /** Waits for the upload to end; bad input if the cluster never uploads logs. */
    static void await(YarnApplications yarn, ApplicationId id, PrintStream err) throws InterruptedException {
        long deadline = System.nanoTime() + UPLOAD_TIMEOUT.toNanos();
        LogAggregationStatus status = yarn.logAggregation(id);
        if (UPLOADING.contains(status)) {
            err.println("waiting for the NodeManagers to upload the logs of " + id);
        }
        while (UPLOADING.contains(status) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            status = yarn.logAggregation(id);
        }
        if (status == LogAggregationStatus.DISABLED) {
            throw new YarnClusterException("log aggregation is off on this cluster (yarn.log-aggregation-enable), "
                    + "so the logs of the finished application " + id + " stay on its nodes");
        }
    }

    /** Bad input unless the container has uploaded logs, or some container does when none is named. */
    static void requireContainer(AggregatedLogs aggregated, ApplicationStatus application,
                                 Optional<ContainerId> container) {
        if (container.isPresent()
                && !aggregated.containers(application.id(), application.user()).contains(container.get().toString())) {
            throw new UsageException("unknown container " + container.get() + " of application " + application.id());
        }
    }

    static void print(ApplicationLogs logs, ApplicationStatus application, Optional<ContainerId> container)
            throws IOException {
        if (!logs.printAggregated(application.id(), application.user(), container)) {
            throw new YarnClusterException("no uploaded logs of " + application.id() + " in the cluster's remote log "
                    + "directory (yarn.nodemanager.remote-app-log-dir)");
        }
    }
}
