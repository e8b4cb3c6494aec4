package io.spindle.runtime.tasks;

import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.core.plan.VertexEdge;

/** Where a task's channels come from: in-memory queues in one JVM, TCP between workers. */
public interface ChannelProvider {

    OutboundChannel outbound(VertexEdge edge, int producerSubtask, int consumerSubtask);

    InboundChannel inbound(VertexEdge edge, int producerSubtask, int consumerSubtask);
}
