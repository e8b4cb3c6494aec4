package io.spindle.runtime.net;

import io.netty.buffer.ByteBuf;
import io.spindle.core.plan.VertexEdge;

/**
 * Names one channel on the wire: a producer subtask's output to one consumer subtask over one stream
 * edge, within one attempt of the job. The attempt keeps a restarted job's channels apart from the old ones.
 */
public record ChannelId(int attempt, int sourceVertex, int targetVertex, int sourceId, int targetId, int edgeIndex,
                        int producerSubtask, int consumerSubtask) {

    /** The encoded size: eight ints. */
    public static final int BYTES = 8 * Integer.BYTES;

    public static ChannelId of(int attempt, VertexEdge edge, int producerSubtask, int consumerSubtask) {
        return new ChannelId(attempt, edge.sourceVertex(), edge.targetVertex(), edge.edge().sourceId(),
                edge.edge().targetId(), edge.edgeIndex(), producerSubtask, consumerSubtask);
    }

    public void encode(ByteBuf out) {
        out.writeInt(attempt).writeInt(sourceVertex).writeInt(targetVertex).writeInt(sourceId).writeInt(targetId)
                .writeInt(edgeIndex).writeInt(producerSubtask).writeInt(consumerSubtask);
    }

    public static ChannelId decode(ByteBuf in) {
        return new ChannelId(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt());
    }
}
