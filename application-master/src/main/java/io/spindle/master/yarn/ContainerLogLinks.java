package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;

/**
 * Where a person reads a container's logs while it runs: its NodeManager's container-logs page, as the
 * ResourceManager's UI links it ({@code http://<node http address>/node/containerlogs/<container>/<user>}).
 */
final class ContainerLogLinks {

    private ContainerLogLinks() { }

    static String of(Container container) {
        return link(container.getNodeHttpAddress(), container.getId());
    }

    /** The ApplicationMaster's own container, from the environment its NodeManager gave it. */
    static String ofThisContainer() {
        return link(System.getenv(Environment.NM_HOST.name()) + ":" + System.getenv(Environment.NM_HTTP_PORT.name()),
                ContainerId.fromString(System.getenv(Environment.CONTAINER_ID.name())));
    }

    private static String link(String nodeHttpAddress, ContainerId container) {
        return "http://" + nodeHttpAddress + "/node/containerlogs/" + container + "/"
                + System.getenv(Environment.USER.name());
    }
}
