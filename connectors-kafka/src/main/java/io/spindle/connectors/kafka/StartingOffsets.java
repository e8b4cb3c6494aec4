package io.spindle.connectors.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a source starts reading a partition when no checkpoint says where: only in a job's first run, and for
 * partitions that appear later (those start at the earliest offset, so no record written to them is missed).
 */
public final class StartingOffsets {

    private enum Kind { EARLIEST, LATEST, TIMESTAMP, COMMITTED }

    private final Kind kind;
    private final long timestamp;
    private final StartingOffsets fallback;

    private StartingOffsets(Kind kind, long timestamp, StartingOffsets fallback) {
        this.kind = kind;
        this.timestamp = timestamp;
        this.fallback = fallback;
    }

    public static StartingOffsets earliest() {
        return new StartingOffsets(Kind.EARLIEST, 0, null);
    }

    public static StartingOffsets latest() {
        return new StartingOffsets(Kind.LATEST, 0, null);
    }

    /** The first record whose timestamp is at least {@code epochMillis}; the end of a partition that has none. */
    public static StartingOffsets timestamp(long epochMillis) {
        return new StartingOffsets(Kind.TIMESTAMP, epochMillis, null);
    }

    /** The consumer group's committed offsets (needs {@code group.id}); the earliest where the group has none. */
    public static StartingOffsets committed() {
        return committed(earliest());
    }

    /** The consumer group's committed offsets (needs {@code group.id}), {@code fallback} where it has none. */
    public static StartingOffsets committed(StartingOffsets fallback) {
        if (fallback.kind == Kind.COMMITTED) {
            throw new IllegalArgumentException("the fallback of committed offsets cannot be committed offsets");
        }
        return new StartingOffsets(Kind.COMMITTED, 0, fallback);
    }

    boolean needsGroup() {
        return kind == Kind.COMMITTED;
    }

    /** The offset of the first record to read in each of the partitions. */
    Map<TopicPartition, Long> resolve(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                      Duration timeout) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty()) {
            return offsets;
        }
        switch (kind) {
            case EARLIEST -> offsets.putAll(consumer.beginningOffsets(partitions, timeout));
            case LATEST -> offsets.putAll(consumer.endOffsets(partitions, timeout));
            case TIMESTAMP -> {
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(partition -> query.put(partition, timestamp));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
                for (TopicPartition partition : partitions) {
                    OffsetAndTimestamp at = found.get(partition);
                    offsets.put(partition, at == null ? ends.get(partition) : at.offset());
                }
            }
            case COMMITTED -> {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
                List<TopicPartition> missing = new ArrayList<>();
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if (offset == null) {
                        missing.add(partition);
                    } else {
                        offsets.put(partition, offset.offset());
                    }
                }
                offsets.putAll(fallback.resolve(consumer, missing, timeout));
            }
        }
        return offsets;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EARLIEST -> "earliest";
            case LATEST -> "latest";
            case TIMESTAMP -> "timestamp " + timestamp;
            case COMMITTED -> "committed, else " + fallback;
        };
    }
}
