package io.spindle.runtime.io;

import io.spindle.core.io.ByteArrayDataOutput;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.keys.KeyGroups;

import java.io.IOException;

/** Picks the consumer subtask of each record on one edge. */
public interface ChannelSelector {

    /** Returned by {@link #select} for "every channel". */
    int ALL = -1;

    int select(Object record) throws Exception;

    static ChannelSelector forEdge(StreamEdge edge, int producerSubtask, int consumers, int maxParallelism) {
        return switch (edge.partitioning()) {
            case FORWARD -> record -> 0;
            case BROADCAST -> record -> ALL;
            case REBALANCE -> new RoundRobin(producerSubtask, consumers);
            case HASH -> new ByKeyGroup(edge.keySelector(), edge.keyCodec(), consumers, maxParallelism);
        };
    }

    /** Starts at the producer's own index so producers do not all hit consumer 0 first. */
    final class RoundRobin implements ChannelSelector {
        private final int consumers;
        private int next;

        RoundRobin(int start, int consumers) {
            this.consumers = consumers;
            this.next = start % consumers;
        }

        @Override
        public int select(Object record) {
            int channel = next;
            next = next + 1 == consumers ? 0 : next + 1;
            return channel;
        }
    }

    /** Key → encoded bytes → key group → the subtask owning it. */
    final class ByKeyGroup implements ChannelSelector {
        private final KeySelector<Object, Object> keySelector;
        private final Codec<Object> keyCodec;
        private final int consumers;
        private final int maxParallelism;
        private final ByteArrayDataOutput keyBytes = new ByteArrayDataOutput(64);

        ByKeyGroup(KeySelector<Object, Object> keySelector, Codec<Object> keyCodec, int consumers, int maxParallelism) {
            this.keySelector = keySelector;
            this.keyCodec = keyCodec;
            this.consumers = consumers;
            this.maxParallelism = maxParallelism;
        }

        @Override
        public int select(Object record) throws Exception {
            keyBytes.reset();
            encodeKey(keySelector.key(record));
            int keyGroup = KeyGroups.keyGroupOf(keyBytes.bytes(), 0, keyBytes.length(), maxParallelism);
            return KeyGroups.subtaskOf(keyGroup, maxParallelism, consumers);
        }

        private void encodeKey(Object key) throws IOException {
            keyCodec.encode(key, keyBytes);
        }
    }
}
