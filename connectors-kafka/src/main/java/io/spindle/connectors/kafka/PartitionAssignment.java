package io.spindle.connectors.kafka;

/**
 * Which subtask reads a partition, computed the same way by every subtask so that none needs to ask another:
 * a topic's partitions go round the subtasks starting at a place that depends on the topic (Flink's formula), so
 * the partitions 0 of several topics do not all land on subtask 0.
 */
final class PartitionAssignment {

    private PartitionAssignment() { }

    static int owner(String topic, int partition, int parallelism) {
        int start = ((topic.hashCode() * 31) & 0x7FFFFFFF) % parallelism;
        return (start + partition) % parallelism;
    }
}
