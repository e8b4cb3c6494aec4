package io.spindle.runtime.local;

import io.spindle.core.plan.VertexEdge;
import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.LocalChannel;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.runtime.tasks.ChannelProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory channels between the subtasks of one JVM, created on first use by either end. */
public final class LocalChannels implements ChannelProvider {

    /** Buffers a channel holds before its producer blocks: the in-memory "credits". */
    private static final int CHANNEL_CAPACITY = 4;

    private record ChannelKey(VertexEdge edge, int producer, int consumer) { }

    private final Map<ChannelKey, LocalChannel> channels = new ConcurrentHashMap<>();

    @Override
    public OutboundChannel outbound(VertexEdge edge, int producer, int consumer) {
        return channel(edge, producer, consumer);
    }

    @Override
    public InboundChannel inbound(VertexEdge edge, int producer, int consumer) {
        return channel(edge, producer, consumer);
    }

    private LocalChannel channel(VertexEdge edge, int producer, int consumer) {
        return channels.computeIfAbsent(new ChannelKey(edge, producer, consumer), key -> new LocalChannel(CHANNEL_CAPACITY));
    }
}
