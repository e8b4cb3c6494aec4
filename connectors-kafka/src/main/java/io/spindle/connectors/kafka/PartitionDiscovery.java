package io.spindle.connectors.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The partitions of the source's topics that one subtask owns, as Kafka has them now. */
final class PartitionDiscovery {

    private final List<String> topics;
    private final Pattern pattern;
    private final int subtask;
    private final int parallelism;

    PartitionDiscovery(List<String> topics, Pattern pattern, int subtask, int parallelism) {
        this.topics = topics;
        this.pattern = pattern;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /** Asks the cluster afresh (listTopics, not the consumer's cached metadata, which may be minutes old). */
    List<TopicPartition> owned(Consumer<?, ?> consumer, Duration timeout) {
        List<TopicPartition> owned = new ArrayList<>();
        for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(timeout).entrySet()) {
            if (reads(topic.getKey())) {
                addOwned(owned, topic.getValue());
            }
        }
        return owned;
    }

    private boolean reads(String topic) {
        return topics != null ? topics.contains(topic) : pattern.matcher(topic).matches();
    }

    /** Whether the partition is one of the source's topics' and this subtask's. */
    boolean owns(String topic, int partition) {
        return reads(topic) && PartitionAssignment.owner(topic, partition, parallelism) == subtask;
    }

    private void addOwned(List<TopicPartition> owned, List<PartitionInfo> partitions) {
        for (PartitionInfo partition : partitions) {
            if (PartitionAssignment.owner(partition.topic(), partition.partition(), parallelism) == subtask) {
                owned.add(new TopicPartition(partition.topic(), partition.partition()));
            }
        }
    }
}
