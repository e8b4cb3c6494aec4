package io.spindle.master.yarn;

import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerSpec;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YarnWorkerPoolTest {

    private static final ApplicationAttemptId ATTEMPT =
            ApplicationAttemptId.newInstance(ApplicationId.newInstance(1_700_000_000_000L, 7), 1);

    private final RecordingWorkerEvents events = new RecordingWorkerEvents();
    private TestingResourceManagerClient resourceManager;
    private TestingNodeManagerClient nodeManager;
    private YarnWorkerPool pool;

    @BeforeEach
    void registerPool() throws IOException {
        YarnClientFactory clients = new YarnClientFactory() {
            @Override
            public AMRMClientAsync<ContainerRequest> startResourceManagerClient(AMRMClientAsync.AbstractCallbackHandler handler) {
                resourceManager = new TestingResourceManagerClient(handler, Resource.newInstance(2048, 4));
                return resourceManager;
            }

            @Override
            public NMClientAsync startNodeManagerClient(NMClientAsync.AbstractCallbackHandler handler) {
                nodeManager = new TestingNodeManagerClient(handler);
                return nodeManager;
            }
        };
        JavaLaunchContexts launchContexts = new JavaLaunchContexts(Map.of(), "/opt/jdk");
        pool = YarnWorkerPool.register(clients, new MasterEndpoint("am-host", 0, "http://am-host:8081/"),
                launchContexts, events);
    }

    @Test
    void registersTheEndpointAndUnregistersWithTheFinalStatusAndDiagnostics() throws IOException {
        assertThat(resourceManager.registeredHost).isEqualTo("am-host");
        assertThat(resourceManager.registeredPort).isZero();
        assertThat(resourceManager.registeredTrackingUrl).isEqualTo("http://am-host:8081/");

        pool.stop(FinalStatus.FAILED, "restart policy gave up");

        assertThat(resourceManager.finalStatus).isEqualTo(FinalApplicationStatus.FAILED);
        assertThat(resourceManager.finalDiagnostics).isEqualTo("restart policy gave up");
    }

    @Test
    void handsOutAsManyContainersAsRequestedAndReleasesTheSurplus() {
        pool.requestWorkers(2, new WorkerSpec(512, 1));
        assertThat(resourceManager.outstandingRequests).hasSize(2);

        allocate(container(2, 512), container(3, 512), container(4, 512));

        assertThat(resourceManager.outstandingRequests).isEmpty();
        assertThat(resourceManager.released).containsExactly(containerId(4));
        assertThat(events.events).containsExactly(
                "allocated " + containerId(2) + " on node-1",
                "allocated " + containerId(3) + " on node-1");
    }

    @Test
    void matchesEachContainerToARequestItFits() {
        pool.requestWorkers(1, new WorkerSpec(1024, 1));
        pool.requestWorkers(1, new WorkerSpec(512, 1));

        allocate(container(2, 512));

        assertThat(resourceManager.outstandingRequests).singleElement()
                .satisfies(request -> assertThat(request.getCapability().getMemorySize()).isEqualTo(1024));
    }

    @Test
    void launchesAJavaProcessWithJavaHomeClasspathAndAHeapWithinTheContainer() {
        pool.requestWorkers(1, new WorkerSpec(1024, 1));
        allocate(container(2, 1024));

        pool.launch(new WorkerId(containerId(2).toString()), new WorkerLaunch("io.spindle.Worker", List.of("--task", "a b"),
                List.of("-Dspindle.role=worker"), Map.of("SPINDLE_ROLE", "worker")));

        ContainerLaunchContext context = nodeManager.started.get(containerId(2));
        assertThat(context.getEnvironment())
                .containsEntry("JAVA_HOME", "/opt/jdk")
                .containsEntry("CLASSPATH", ShippedFiles.classpath())
                .containsEntry("SPINDLE_ROLE", "worker");
        assertThat(context.getCommands()).singleElement().asString()
                .startsWith("{{JAVA_HOME}}/bin/java -Xmx768m ")
                .contains("'-Dspindle.role=worker' 'io.spindle.Worker' '--task' 'a b' 1><LOG_DIR>/stdout 2><LOG_DIR>/stderr");
    }

    @Test
    void reportsStartAndCompletionWithTheExitStatusAndDiagnostics() {
        pool.requestWorkers(1, new WorkerSpec(512, 1));
        allocate(container(2, 512));
        WorkerId worker = new WorkerId(containerId(2).toString());
        pool.launch(worker, WorkerLaunch.of("io.spindle.Worker"));

        nodeManager.handler.onContainerStarted(containerId(2), Map.of());
        resourceManager.handler.onContainersCompleted(List.of(
                ContainerStatus.newInstance(containerId(2), ContainerState.COMPLETE, "Killed by external signal", 137)));

        assertThat(events.events).containsExactly(
                "allocated " + worker + " on node-1",
                "started " + worker,
                "completed " + worker + " with 137: Killed by external signal");
    }

    @Test
    void reportsAContainerThatCouldNotStartAsCompletedOnceAndReleasesIt() {
        pool.requestWorkers(1, new WorkerSpec(512, 1));
        allocate(container(2, 512));
        WorkerId worker = new WorkerId(containerId(2).toString());
        pool.launch(worker, WorkerLaunch.of("io.spindle.Worker"));

        nodeManager.handler.onStartContainerError(containerId(2), new IOException("NodeManager unreachable"));
        resourceManager.handler.onContainersCompleted(List.of(ContainerStatus.newInstance(containerId(2),
                ContainerState.COMPLETE, "Container released by application", ContainerExitStatus.ABORTED)));

        assertThat(resourceManager.released).containsExactly(containerId(2));
        assertThat(events.events).containsExactly(
                "allocated " + worker + " on node-1",
                "completed " + worker + " with -1000: could not start the container: java.io.IOException: NodeManager unreachable");
    }

    @Test
    void releasingAWorkerGivesItsContainerBackAndReportsItsCompletion() {
        pool.requestWorkers(1, new WorkerSpec(512, 1));
        allocate(container(2, 512));
        WorkerId worker = new WorkerId(containerId(2).toString());

        pool.release(worker);
        resourceManager.handler.onContainersCompleted(List.of(ContainerStatus.newInstance(containerId(2),
                ContainerState.COMPLETE, "Container released by application", ContainerExitStatus.ABORTED)));
        pool.release(worker);

        assertThat(resourceManager.released).containsExactly(containerId(2));
        assertThat(events.events).containsExactly(
                "allocated " + worker + " on node-1",
                "completed " + worker + " with -100: Container released by application");
    }

    @Test
    void refusesWorkersLargerThanTheClustersLargestContainer() {
        assertThatThrownBy(() -> pool.requestWorkers(1, new WorkerSpec(4096, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers of 4096 MiB, 1 vcores do not fit the cluster's largest container, 2048 MiB, 4 vcores");
        assertThat(resourceManager.outstandingRequests).isEmpty();
    }

    @Test
    void refusesToLaunchInAContainerItDoesNotHold() {
        assertThatThrownBy(() -> pool.launch(new WorkerId("container_1_0007_01_000009"), WorkerLaunch.of("io.spindle.Worker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no allocated container container_1_0007_01_000009");
    }

    @Test
    void itsHeadroomIsTheLatestAllocateResponsesInTheQueueItRegisteredIn() {
        assertThat(pool.headroom()).as("before the first heartbeat").isEmpty();

        resourceManager.headroom = Resource.newInstance(768, 3);

        assertThat(pool.headroom()).hasValue(new Headroom(768, Optional.of("default")));
    }

    @Test
    void passesOnShutdownRequestsAndErrors() {
        resourceManager.handler.onShutdownRequest();
        resourceManager.handler.onError(new IOException("connection reset"));

        assertThat(events.events).containsExactly("shutdown requested", "error connection reset");
    }

    private void allocate(Container... containers) {
        resourceManager.handler.onContainersAllocated(List.of(containers));
    }

    private static Container container(long number, int memoryMb) {
        return Container.newInstance(containerId(number), NodeId.newInstance("node-1", 45454), "node-1:8042",
                Resource.newInstance(memoryMb, 1), Priority.newInstance(1), null);
    }

    private static ContainerId containerId(long number) {
        return ContainerId.newContainerId(ATTEMPT, number);
    }
}
