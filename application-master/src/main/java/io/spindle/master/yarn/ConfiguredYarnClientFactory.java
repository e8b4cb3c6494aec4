package io.spindle.master.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;

/** The real clients, talking to the ResourceManager and NodeManagers the configuration names. */
public final class ConfiguredYarnClientFactory implements YarnClientFactory {

    /**
     * Allocations and completions arrive with the AM's heartbeats, so this bounds how late the AM
     * learns of them; Flink uses the same interval while it waits for containers.
     */
    private static final int HEARTBEAT_INTERVAL_MS = 500;

    private final Configuration configuration;

    public ConfiguredYarnClientFactory(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public AMRMClientAsync<ContainerRequest> startResourceManagerClient(AMRMClientAsync.AbstractCallbackHandler handler) {
        AMRMClientAsync<ContainerRequest> client = AMRMClientAsync.createAMRMClientAsync(HEARTBEAT_INTERVAL_MS, handler);
        client.init(configuration);
        client.start();
        return client;
    }

    @Override
    public NMClientAsync startNodeManagerClient(NMClientAsync.AbstractCallbackHandler handler) {
        NMClientAsync client = NMClientAsync.createNMClientAsync(handler);
        client.init(configuration);
        client.start();
        return client;
    }
}
