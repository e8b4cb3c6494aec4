package io.spindle.runtime.net;

import java.net.InetSocketAddress;

/** Where a consumer finds the producers of its channels. */
@FunctionalInterface
public interface ProducerLocator {

    /** The {@link DataServer} address of the worker that runs the given subtask of the given vertex. */
    InetSocketAddress locate(int vertexId, int subtask);
}
