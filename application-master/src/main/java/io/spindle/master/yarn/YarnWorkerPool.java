package io.spindle.master.yarn;

import io.spindle.core.text.FirstLine;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WorkerPool} on YARN: containers from the ResourceManager (AMRMClientAsync), processes
 * started in them through the NodeManagers (NMClientAsync). A worker's id is its container id.
 * Logs one line per container event.
 */
public final class YarnWorkerPool implements WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(YarnWorkerPool.class);

    /** All workers are alike to YARN, so one priority; containers are matched to requests by size. */
    private static final Priority WORKER_PRIORITY = Priority.newInstance(1);

    private final JavaLaunchContexts launchContexts;
    private final WorkerEvents events;
    /** Requests not yet granted; guarded by itself. */
    private final List<ContainerRequest> pendingRequests = new ArrayList<>();
    /** Containers handed out by {@link WorkerEvents#workerAllocated} that have not completed yet. */
    private final Map<WorkerId, Container> containers = new ConcurrentHashMap<>();
    private final AMRMClientAsync<ContainerRequest> resourceManager;
    private final NMClientAsync nodeManager;
    private volatile Resource largestContainer;
    private volatile String queue;

    private YarnWorkerPool(YarnClientFactory clients, JavaLaunchContexts launchContexts, WorkerEvents events) {
        this.launchContexts = launchContexts;
        this.events = events;
        this.resourceManager = clients.startResourceManagerClient(new ResourceManagerCallbacks());
        this.nodeManager = clients.startNodeManagerClient(new NodeManagerCallbacks());
    }

    /** Registers this ApplicationMaster with the ResourceManager; events start arriving afterwards. */
    public static YarnWorkerPool register(YarnClientFactory clients, MasterEndpoint endpoint,
                                          JavaLaunchContexts launchContexts, WorkerEvents events) throws IOException {
        YarnWorkerPool pool = new YarnWorkerPool(clients, launchContexts, events);
        pool.register(endpoint);
        return pool;
    }

    private void register(MasterEndpoint endpoint) throws IOException {
        RegisterApplicationMasterResponse response;
        try {
            response = resourceManager.registerApplicationMaster(endpoint.host(), endpoint.rpcPort(), endpoint.trackingUrl());
        } catch (YarnException e) {
            throw new IOException("could not register the ApplicationMaster with the ResourceManager: " + e.getMessage(), e);
        }
        largestContainer = response.getMaximumResourceCapability();
        queue = response.getQueue();
        LOG.info("Registered with the ResourceManager as {}:{}, tracking URL '{}'; largest container {} MiB, {} vcores;"
                        + " queue {}", endpoint.host(), endpoint.rpcPort(), endpoint.trackingUrl(),
                largestContainer.getMemorySize(), largestContainer.getVirtualCores(), queue);
    }

    @Override
    public void requestWorkers(int count, WorkerSpec spec) {
        if (spec.memoryMb() > largestContainer.getMemorySize() || spec.vcores() > largestContainer.getVirtualCores()) {
            throw new IllegalArgumentException("workers of " + spec + " do not fit the cluster's largest container, "
                    + largestContainer.getMemorySize() + " MiB, " + largestContainer.getVirtualCores() + " vcores");
        }
        LOG.info("Requesting {} {} of {}", count, count == 1 ? "container" : "containers", spec);
        Resource capability = Resource.newInstance(spec.memoryMb(), spec.vcores());
        for (int i = 0; i < count; i++) {
            ContainerRequest request = new ContainerRequest(capability, null, null, WORKER_PRIORITY);
            synchronized (pendingRequests) {
                pendingRequests.add(request);
            }
            resourceManager.addContainerRequest(request);
        }
    }

    /**
     * The headroom of the ResourceManager's latest allocate response: what the scheduler would still grant this
     * application in its queue (the queue's and the user's limits, and the cluster's free resources). It comes with
     * every heartbeat, so unlike the queue's figures from {@code YarnClient.getQueueInfo} it costs no call; it is the
     * sum over all NodeManagers, so a container may not fit even when the headroom exceeds it. Empty until the first
     * heartbeat was answered.
     */
    @Override
    public Optional<Headroom> headroom() {
        Resource available = resourceManager.getAvailableResources();
        return available == null ? Optional.empty()
                : Optional.of(new Headroom(available.getMemorySize(), Optional.ofNullable(queue)));
    }

    @Override
    public void launch(WorkerId id, WorkerLaunch launch) {
        Container container = containers.get(id);
        if (container == null) {
            throw new IllegalArgumentException("no allocated container " + id);
        }
        ContainerLaunchContext context = launchContexts.create((int) container.getResource().getMemorySize(),
                launch.mainClass(), launch.arguments(), launch.jvmOptions(), launch.environment());
        LOG.info("Container {} launching {}", id, launch.mainClass());
        nodeManager.startContainerAsync(container, context);
    }

    @Override
    public void release(WorkerId id) {
        Container container = containers.get(id);
        if (container == null) {
            return; // completed already, and reported as such
        }
        LOG.info("Container {} released", id);
        resourceManager.releaseAssignedContainer(container.getId());
    }

    @Override
    public void stop(FinalStatus status, String diagnostics) throws IOException {
        LOG.info("Unregistering from the ResourceManager: {} ({})", status, diagnostics);
        try {
            resourceManager.unregisterApplicationMaster(FinalApplicationStatus.valueOf(status.name()), diagnostics, null);
        } catch (YarnException e) {
            throw new IOException("could not unregister the ApplicationMaster: " + e.getMessage(), e);
        } finally {
            nodeManager.stop();
            resourceManager.stop();
        }
    }

    @Override
    public void abandon() {
        LOG.info("Leaving the ResourceManager without a final status: another attempt runs the application");
        nodeManager.stop();
        resourceManager.stop();
    }

    private void allocated(Container container) {
        ContainerRequest request = takePendingRequestFittedBy(container.getResource());
        if (request == null) {
            // YARN may grant more than asked, even after removeContainerRequest
            LOG.info("Container {} allocated beyond the requests; releasing it", container.getId());
            resourceManager.releaseAssignedContainer(container.getId());
            return;
        }
        resourceManager.removeContainerRequest(request);
        WorkerId id = workerId(container.getId());
        containers.put(id, container);
        LOG.info("Container {} allocated on {} ({} MiB, {} vcores)", id, container.getNodeId(),
                container.getResource().getMemorySize(), container.getResource().getVirtualCores());
        events.workerAllocated(id, container.getNodeId().getHost(), ContainerLogLinks.of(container));
    }

    private ContainerRequest takePendingRequestFittedBy(Resource granted) {
        synchronized (pendingRequests) {
            for (Iterator<ContainerRequest> requests = pendingRequests.iterator(); requests.hasNext(); ) {
                ContainerRequest request = requests.next();
                Resource asked = request.getCapability();
                if (granted.getMemorySize() >= asked.getMemorySize() && granted.getVirtualCores() >= asked.getVirtualCores()) {
                    requests.remove();
                    return request;
                }
            }
            return null;
        }
    }

    private void completed(ContainerStatus status) {
        WorkerId id = workerId(status.getContainerId());
        if (containers.remove(id) == null) {
            return; // a surplus container released at allocation, or one whose start failed (reported then)
        }
        LOG.info("Container {} completed with {}{}", id, ExitStatuses.describe(status.getExitStatus()),
                firstLine(status.getDiagnostics()));
        events.workerCompleted(id, status.getExitStatus(), status.getDiagnostics());
    }

    private void startFailed(ContainerId containerId, Throwable cause) {
        WorkerId id = workerId(containerId);
        if (containers.remove(id) == null) {
            return;
        }
        LOG.warn("Container {} could not be started: {}", id, cause.toString());
        resourceManager.releaseAssignedContainer(containerId);
        events.workerCompleted(id, ContainerExitStatus.INVALID, "could not start the container: " + cause);
    }

    private static WorkerId workerId(ContainerId containerId) {
        return new WorkerId(containerId.toString());
    }

    /** YARN's diagnostics can hold pages of stderr; the log line keeps their first line. */
    private static String firstLine(String diagnostics) {
        String line = FirstLine.of(diagnostics);
        return line.isEmpty() ? "" : ": " + line;
    }

    private final class ResourceManagerCallbacks extends AMRMClientAsync.AbstractCallbackHandler {

        @Override
        public void onContainersAllocated(List<Container> allocated) {
            allocated.forEach(YarnWorkerPool.this::allocated);
        }

        @Override
        public void onContainersCompleted(List<ContainerStatus> statuses) {
            statuses.forEach(YarnWorkerPool.this::completed);
        }

        @Override
        public void onShutdownRequest() {
            LOG.warn("The ResourceManager asks the ApplicationMaster to shut down");
            events.shutdownRequested();
        }

        @Override
        public void onError(Throwable cause) {
            LOG.error("Lost the ResourceManager: {}", cause.toString());
            events.error(cause);
        }

        @Override
        public void onNodesUpdated(List<NodeReport> updatedNodes) {
            // containers on a lost node arrive through onContainersCompleted
        }

        @Override
        public void onContainersUpdated(List<UpdatedContainer> containers) {
            // the pool never asks to resize a container
        }

        @Override
        public float getProgress() {
            return 0;
        }
    }

    private final class NodeManagerCallbacks extends NMClientAsync.AbstractCallbackHandler {

        @Override
        public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
            LOG.info("Container {} started", containerId);
            events.workerStarted(workerId(containerId));
        }

        @Override
        public void onStartContainerError(ContainerId containerId, Throwable cause) {
            startFailed(containerId, cause);
        }

        @Override
        public void onContainerStopped(ContainerId containerId) {
            // the completion arrives from the ResourceManager
        }

        @Override
        public void onStopContainerError(ContainerId containerId, Throwable cause) {
            LOG.warn("Container {} could not be stopped: {}", containerId, cause.toString());
        }

        // The pool never asks a NodeManager for a container's status or to resize one.

        @Override
        public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) { }

        @Override
        public void onGetContainerStatusError(ContainerId containerId, Throwable cause) { }

        @Override
        @SuppressWarnings("deprecation") // abstract in NMClientAsync.AbstractCallbackHandler nonetheless
        public void onContainerResourceIncreased(ContainerId containerId, Resource resource) { }

        @Override
        public void onContainerResourceUpdated(ContainerId containerId, Resource resource) { }

        @Override
        @SuppressWarnings("deprecation")
        public void onIncreaseContainerResourceError(ContainerId containerId, Throwable cause) { }

        @Override
        public void onUpdateContainerResourceError(ContainerId containerId, Throwable cause) { }
    }
}
