package io.spindle.master.yarn;

import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;

/**
 * Where {@link YarnWorkerPool} gets its ResourceManager and NodeManager clients, already started,
 * so that tests can hand it fakes.
 */
public interface YarnClientFactory {

    AMRMClientAsync<ContainerRequest> startResourceManagerClient(AMRMClientAsync.AbstractCallbackHandler handler);

    NMClientAsync startNodeManagerClient(NMClientAsync.AbstractCallbackHandler handler);
}
