package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;

import java.util.LinkedHashMap;
import java.util.Map;

/** Records the containers the pool starts; the test drives the callbacks through {@link #handler}. */
final class TestingNodeManagerClient extends NMClientAsync {

    final NMClientAsync.AbstractCallbackHandler handler;
    final Map<ContainerId, ContainerLaunchContext> started = new LinkedHashMap<>();

    TestingNodeManagerClient(NMClientAsync.AbstractCallbackHandler handler) {
        super(handler);
        this.handler = handler;
    }

    @Override
    public void startContainerAsync(Container container, ContainerLaunchContext containerLaunchContext) {
        started.put(container.getId(), containerLaunchContext);
    }

    @Override
    public void stopContainerAsync(ContainerId containerId, NodeId nodeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void getContainerStatusAsync(ContainerId containerId, NodeId nodeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in NMClientAsync nonetheless
    public void increaseContainerResourceAsync(Container container) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateContainerResourceAsync(Container container) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reInitializeContainerAsync(ContainerId containerId, ContainerLaunchContext containerLaunchContex,
                                           boolean autoCommit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restartContainerAsync(ContainerId containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rollbackLastReInitializationAsync(ContainerId containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commitLastReInitializationAsync(ContainerId containerId) {
        throw new UnsupportedOperationException();
    }
}
