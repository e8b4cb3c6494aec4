package io.spindle.runtime.worker;

import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.runtime.net.DataServer;
import io.spindle.runtime.net.NettyChannels;
import io.spindle.runtime.tasks.ChannelProvider;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A worker container's channels: TCP to the data servers of the workers that run each producer. */
final class TcpChannels implements AttemptChannels {

    private final DataServer dataServer;

    TcpChannels(DataServer dataServer) {
        this.dataServer = dataServer;
    }

    @Override
    public ChannelProvider open(int attempt, List<Placement> placements) {
        Map<Long, InetSocketAddress> producers = new HashMap<>();
        for (Placement placement : placements) {
            producers.put(key(placement.vertexId(), placement.subtask()),
                    new InetSocketAddress(placement.host(), placement.port()));
        }
        return new NettyChannels(dataServer, attempt, (vertexId, subtask) -> producers.get(key(vertexId, subtask)));
    }

    private static long key(int vertexId, int subtask) {
        return (long) vertexId << 32 | subtask;
    }
}
