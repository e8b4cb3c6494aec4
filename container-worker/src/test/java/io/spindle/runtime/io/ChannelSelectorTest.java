package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.KeySelector;
import io.spindle.core.graph.Partitioning;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.io.ByteArrayDataOutput;
import io.spindle.core.keys.KeyGroups;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSelectorTest {

    private static final int MAX_PARALLELISM = 128;

    private static ChannelSelector selector(Partitioning partitioning, int producer, int consumers) {
        return ChannelSelector.forEdge(StreamEdge.unkeyed(1, 2, partitioning), producer, consumers, MAX_PARALLELISM);
    }

    /** Records are "key:n"; the key selector takes the part before the colon. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ChannelSelector byKey(int consumers) {
        KeySelector<Object, Object> key = record -> ((String) record).split(":")[0];
        StreamEdge edge = new StreamEdge(1, 2, Partitioning.HASH, key, (Codec) Codecs.STRING, null, 0);
        return ChannelSelector.forEdge(edge, 0, consumers, MAX_PARALLELISM);
    }

    private static List<Integer> select(ChannelSelector selector, int records) throws Exception {
        List<Integer> channels = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            channels.add(selector.select("record " + i));
        }
        return channels;
    }

    @Test
    void forwardSendsEveryRecordToTheOnlyChannel() throws Exception {
        // a forward edge connects subtask i to subtask i alone: channel 0 of the producer
        assertThat(select(selector(Partitioning.FORWARD, 3, 4), 5)).containsOnly(0);
    }

    @Test
    void broadcastSendsEveryRecordToAllChannels() throws Exception {
        assertThat(select(selector(Partitioning.BROADCAST, 0, 4), 5)).containsOnly(ChannelSelector.ALL);
    }

    @Test
    void rebalanceGoesRoundRobinStartingAtTheProducersOwnIndex() throws Exception {
        assertThat(select(selector(Partitioning.REBALANCE, 0, 3), 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(select(selector(Partitioning.REBALANCE, 2, 3), 4)).containsExactly(2, 0, 1, 2);
        assertThat(select(selector(Partitioning.REBALANCE, 4, 3), 2)).containsExactly(1, 2);
    }

    @Test
    void equalKeysGoToTheSameConsumer() throws Exception {
        ChannelSelector selector = byKey(4);
        Map<String, Set<Integer>> channelsOfKey = new HashMap<>();

        for (int i = 0; i < 1_000; i++) {
            String key = "k" + (i % 50);
            channelsOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(selector.select(key + ":" + i));
        }

        assertThat(channelsOfKey).hasSize(50).allSatisfy((key, channels) -> assertThat(channels).hasSize(1));
        assertThat(channelsOfKey.values().stream().flatMap(Set::stream)).as("every consumer gets keys")
                .containsOnly(0, 1, 2, 3).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aKeyGoesToTheConsumerWhoseKeyGroupsHoldItsState() throws Exception {
        // the consumer's keyed state backend accepts only keys of its key-group range
        ChannelSelector selector = byKey(3);
        ByteArrayDataOutput encoded = new ByteArrayDataOutput(16);

        for (int i = 0; i < 200; i++) {
            String key = "key-" + i;
            encoded.reset();
            Codecs.STRING.encode(key, encoded);
            int keyGroup = KeyGroups.keyGroupOf(encoded.toByteArray(), MAX_PARALLELISM);

            int consumer = selector.select(key + ":0");

            assertThat(KeyGroups.rangeOf(consumer, MAX_PARALLELISM, 3).contains(keyGroup)).as(key).isTrue();
        }
    }
}
