package io.spindle.client.yarn;

import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerReport;

/** A container and the NodeManager it runs on: its id ({@code host:port}) and its web address ({@code host:port}). */
public record ContainerLocation(ContainerId id, String nodeId, String nodeHttpAddress) {

    static ContainerLocation of(ContainerReport report) {
        return new ContainerLocation(report.getContainerId(), report.getAssignedNode().toString(),
                report.getNodeHttpAddress());
    }
}
