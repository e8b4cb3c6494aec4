package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdateContainerRequest;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.util.Records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Records what the pool asks of the ResourceManager; the test drives the callbacks through {@link #handler}. */
final class TestingResourceManagerClient extends AMRMClientAsync<ContainerRequest> {

    final AMRMClientAsync.AbstractCallbackHandler handler;
    final Resource largestContainer;
    final List<ContainerRequest> outstandingRequests = new ArrayList<>();
    final List<ContainerId> released = new ArrayList<>();
    String registeredHost;
    int registeredPort;
    String registeredTrackingUrl;
    /** What the latest allocate response said the application may still get; null before the first. */
    Resource headroom;
    FinalApplicationStatus finalStatus;
    String finalDiagnostics;

    TestingResourceManagerClient(AMRMClientAsync.AbstractCallbackHandler handler, Resource largestContainer) {
        super(0, handler);
        this.handler = handler;
        this.largestContainer = largestContainer;
    }

    @Override
    public RegisterApplicationMasterResponse registerApplicationMaster(String host, int port, String trackingUrl) {
        registeredHost = host;
        registeredPort = port;
        registeredTrackingUrl = trackingUrl;
        RegisterApplicationMasterResponse response = Records.newRecord(RegisterApplicationMasterResponse.class);
        response.setMaximumResourceCapability(largestContainer);
        response.setQueue("default");
        return response;
    }

    @Override
    public void unregisterApplicationMaster(FinalApplicationStatus status, String diagnostics, String trackingUrl) {
        finalStatus = status;
        finalDiagnostics = diagnostics;
    }

    @Override
    public void addContainerRequest(ContainerRequest request) {
        outstandingRequests.add(request);
    }

    @Override
    public void removeContainerRequest(ContainerRequest request) {
        outstandingRequests.remove(request);
    }

    @Override
    public void releaseAssignedContainer(ContainerId containerId) {
        released.add(containerId);
    }

    @Override
    public List<? extends Collection<ContainerRequest>> getMatchingRequests(Priority priority, String resourceName,
                                                                           Resource capability) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void requestContainerUpdate(Container container, UpdateContainerRequest updateContainerRequest) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Resource getAvailableResources() {
        return headroom;
    }

    @Override
    public int getClusterNodeCount() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateBlacklist(List<String> blacklistAdditions, List<String> blacklistRemovals) {
        throw new UnsupportedOperationException();
    }
}
