package io.spindle.connectors.kafka;

import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListStateDescriptor;
import org.apache.kafka.common.TopicPartition;

/**
 * A partition's place in a source's checkpoint: the offset of the next record to read and, for a bounded read,
 * the offset it stops at ({@link #UNBOUNDED} for none). Every subtask stores those of its partitions in union list
 * state, so on restore each subtask finds, whatever the parallelism, the positions of the partitions it now owns.
 */
record PartitionPosition(String topic, int partition, long nextOffset, long stopOffset) {

    static final long UNBOUNDED = Long.MAX_VALUE;

    static final ListStateDescriptor<PartitionPosition> STATE =
            new ListStateDescriptor<>("kafka-source-positions", Codecs.record(PartitionPosition.class));

    TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** The split id of the partition, for its own watermarks. */
    String splitId() {
        return topic + "-" + partition;
    }

    /** With read_committed, a transaction marker can take the position past the stop offset. */
    boolean finished() {
        return nextOffset >= stopOffset;
    }
}
