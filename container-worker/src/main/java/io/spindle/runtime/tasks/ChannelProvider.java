package io.spindle.runtime.tasks;

import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.core.plan.VertexEdge;

/**
 * Where the channels of one attempt's tasks come from: in-memory queues in one JVM, TCP between workers. Closed when
 * the attempt's tasks have all ended.
 */
public interface ChannelProvider extends AutoCloseable {

    OutboundChannel outbound(VertexEdge edge, int producerSubtask, int consumerSubtask);

    InboundChannel inbound(VertexEdge edge, int producerSubtask, int consumerSubtask);

    /** Releases the attempt's channels. */
    @Override
    default void close() {
    }
}
