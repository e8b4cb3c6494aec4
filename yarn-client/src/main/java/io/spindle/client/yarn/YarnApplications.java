package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.LogAggregationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Looks at and kills Spindle applications on one cluster. Failures the user can fix come out as a
 * {@link YarnClusterException} with a one-line message.
 */
public final class YarnApplications implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Configuration hadoop;
    private final YarnClient yarn;

    private YarnApplications(Configuration hadoop, YarnClient yarn) {
        this.hadoop = hadoop;
        this.yarn = yarn;
    }

    public static YarnApplications connect(Configuration hadoop) {
        return new YarnApplications(hadoop, ResourceManagerClients.start(hadoop));
    }

    /** Parses {@code application_<clusterTimestamp>_<sequence>}, with a message for the user if it is not one. */
    public static ApplicationId parseId(String text) {
        try {
            return ApplicationId.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new YarnClusterException("not an application id: " + text, e);
        }
    }

    /** Empty if the ResourceManager does not know {@code id}. */
    public Optional<ApplicationStatus> find(ApplicationId id) {
        return Optional.ofNullable(ClusterCalls.resourceManager(hadoop, "get the status of " + id, () -> {
            try {
                return ApplicationStatus.of(yarn.getApplicationReport(id));
            } catch (ApplicationNotFoundException e) {
                return null;
            }
        }));
    }

    public ApplicationStatus status(ApplicationId id) {
        return find(id).orElseThrow(() -> new YarnClusterException("unknown application " + id));
    }

    /** Spindle applications that have not ended yet, oldest first. */
    public List<ApplicationStatus> listUnfinished() {
        Set<YarnApplicationState> unfinished = EnumSet.complementOf(EnumSet.copyOf(ApplicationStatus.TERMINAL_STATES));
        return ClusterCalls.resourceManager(hadoop, "list the applications",
                        () -> yarn.getApplications(Set.of(YarnSubmission.APPLICATION_TYPE), EnumSet.copyOf(unfinished)))
                .stream().map(ApplicationStatus::of).sorted(Comparator.comparing(ApplicationStatus::id)).toList();
    }

    /**
     * The containers of every attempt of the application that the ResourceManager knows: the running ones (and,
     * with a timeline server, finished ones too).
     */
    public List<ContainerLocation> containers(ApplicationId id) {
        return ClusterCalls.resourceManager(hadoop, "list the containers of " + id, () -> {
            List<ContainerLocation> containers = new ArrayList<>();
            for (ApplicationAttemptReport attempt : yarn.getApplicationAttempts(id)) {
                for (ContainerReport container : yarn.getContainers(attempt.getApplicationAttemptId())) {
                    containers.add(ContainerLocation.of(container));
                }
            }
            containers.sort(Comparator.comparing(ContainerLocation::id));
            return containers;
        });
    }

    /** Whether the NodeManagers have uploaded the application's logs, are still at it, or never will. */
    public LogAggregationStatus logAggregation(ApplicationId id) {
        return ClusterCalls.resourceManager(hadoop, "get the log aggregation status of " + id,
                () -> yarn.getApplicationReport(id).getLogAggregationStatus());
    }

    public void kill(ApplicationId id, String reason) {
        ClusterCalls.resourceManager(hadoop, "kill " + id, () -> {
            yarn.killApplication(id, reason);
            return null;
        });
    }

    /** Polls until the application has ended. */
    public ApplicationStatus awaitFinished(ApplicationId id, Duration timeout, Consumer<ApplicationStatus> onStateChange)
            throws InterruptedException {
        return await(id, ApplicationStatus::finished, timeout, onStateChange);
    }

    /**
     * Polls until {@code condition} holds, passing each newly seen state to {@code onStateChange}.
     *
     * @throws YarnClusterException if it does not hold within {@code timeout}
     */
    public ApplicationStatus await(ApplicationId id, Predicate<ApplicationStatus> condition, Duration timeout,
                                   Consumer<ApplicationStatus> onStateChange) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        YarnApplicationState lastState = null;
        while (true) {
            ApplicationStatus status = status(id);
            if (status.state() != lastState) {
                lastState = status.state();
                onStateChange.accept(status);
            }
            if (condition.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new YarnClusterException(id + " is still " + status.state() + " after " + timeout.toSeconds() + " s"
                        + (status.diagnostics().isBlank() ? "" : ": " + ClusterCalls.oneLine(status.diagnostics())));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    @Override
    public void close() {
        yarn.stop();
    }
}
