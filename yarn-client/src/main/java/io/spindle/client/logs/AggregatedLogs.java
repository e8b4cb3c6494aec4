package io.spindle.client.logs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.logaggregation.ContainerLogMeta;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An application's logs as the NodeManagers uploaded them to the cluster's remote log directory
 * ({@code yarn.nodemanager.remote-app-log-dir}): all of them once the application has ended, the rolled-over files
 * while it runs. Read through Hadoop's own file controllers, whichever format the cluster writes (TFile, IFile).
 */
public final class AggregatedLogs {

    private final Configuration hadoop;

    public AggregatedLogs(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** The containers with uploaded logs; none if nothing was uploaded (yet). */
    public Set<String> containers(ApplicationId application, String owner) {
        Set<String> containers = new TreeSet<>();
        try {
            for (ContainerLogMeta meta : controller(application, owner).readAggregatedLogsMeta(request(application, owner,
                    Optional.empty()))) {
                containers.add(meta.getContainerId());
            }
        } catch (IOException e) {
            return Set.of();
        }
        return containers;
    }

    /**
     * Writes Hadoop's framing (see {@link LogFrames}) of every uploaded file of the application's containers, or of
     * one; false if there was none.
     */
    public boolean read(ApplicationId application, String owner, Optional<ContainerId> container, OutputStream out)
            throws IOException {
        LogAggregationFileController controller;
        try {
            controller = controller(application, owner);
        } catch (IOException e) {
            return false;
        }
        return controller.readAggregatedLogs(request(application, owner, container), out);
    }

    /** Hadoop's controllers throw when the application has no log directory: nothing was uploaded. */
    private LogAggregationFileController controller(ApplicationId application, String owner) throws IOException {
        return new LogAggregationFileControllerFactory(hadoop).getFileControllerForRead(application, owner);
    }

    private static ContainerLogsRequest request(ApplicationId application, String owner, Optional<ContainerId> container) {
        ContainerLogsRequest request = new ContainerLogsRequest();
        request.setAppId(application);
        request.setAppOwner(owner);
        request.setBytes(Long.MAX_VALUE);
        request.setLogTypes(Set.of());
        container.ifPresent(id -> request.setContainerId(id.toString()));
        return request;
    }
}
