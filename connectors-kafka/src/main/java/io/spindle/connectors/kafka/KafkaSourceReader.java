package io.spindle.connectors.kafka;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.SourceContext;
import io.spindle.api.connectors.SourceOutput;
import io.spindle.api.connectors.SourceReader;
import io.spindle.api.state.ListState;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the partitions one subtask owns, each from its position in the restored checkpoint or, where none, from the
 * starting offsets; a bounded read releases each partition at its stop offset and ends when all are released.
 */
final class KafkaSourceReader<T> implements SourceReader<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Bounds how long a poll keeps the task from a checkpoint barrier when no record comes. */
    private static final Duration POLL = Duration.ofMillis(20);
    /** Holds the subtask's watermark back while it owns no partition, until the strategy's idleness releases it. */
    static final String NO_PARTITION = "no-partition";

    private final Consumer<byte[], byte[]> consumer;
    private final PartitionDiscovery discovery;
    private final KafkaRecordDeserializer<T> deserializer;
    private final boolean bounded;
    private final Duration discoveryInterval;
    private final boolean commitOffsets;
    private final ListState<PartitionPosition> state;
    private final String name;
    private final Map<TopicPartition, Partition> partitions = new LinkedHashMap<>();
    /** Offsets stored by each checkpoint not yet completed, to commit to Kafka when it completes. */
    private final NavigableMap<Long, Map<TopicPartition, OffsetAndMetadata>> snapshots = new TreeMap<>();
    private ReaderOutput<T> out;
    private boolean placeholder;
    private long nextDiscovery;

    KafkaSourceReader(Consumer<byte[], byte[]> consumer, PartitionDiscovery discovery,
                      KafkaRecordDeserializer<T> deserializer, StartingOffsets startingOffsets, boolean bounded,
                      Duration discoveryInterval, boolean commitOffsets, SourceContext context) {
        this.consumer = consumer;
        this.discovery = discovery;
        this.deserializer = deserializer;
        this.bounded = bounded;
        this.discoveryInterval = discoveryInterval;
        this.commitOffsets = commitOffsets;
        this.state = context.unionListState(PartitionPosition.STATE);
        this.name = context.operatorName() + " subtask " + context.subtaskIndex();
        try {
            if (context.isRestored()) {
                restore();
            } else {
                start(startingOffsets);
            }
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        nextDiscovery = System.nanoTime() + (discoveryInterval == null ? 0 : discoveryInterval.toNanos());
        assign();
        LOG.info("Kafka source {} reads {} partitions{}", name, partitions.size(),
                bounded ? ", up to the offsets they had when the job started" : "");
    }

    private void start(StartingOffsets startingOffsets) {
        List<TopicPartition> owned = discovery.owned(consumer, TIMEOUT);
        Map<TopicPartition, Long> start = startingOffsets.resolve(consumer, owned, TIMEOUT);
        Map<TopicPartition, Long> stop = bounded ? consumer.endOffsets(owned, TIMEOUT) : Map.of();
        for (TopicPartition partition : owned) {
            add(new PartitionPosition(partition.topic(), partition.partition(), start.get(partition),
                    bounded ? stop.get(partition) : PartitionPosition.UNBOUNDED));
        }
    }

    /** The restored positions of the partitions this subtask owns now; partitions that came since start early. */
    private void restore() {
        for (PartitionPosition position : state.get()) {
            if (discovery.owns(position.topic(), position.partition())) {
                add(position);
            }
        }
        if (!bounded) {
            addNew();
        }
    }

    /** Partitions this subtask owns that it does not know yet: they start at their earliest offset. */
    private List<TopicPartition> addNew() {
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition partition : discovery.owned(consumer, TIMEOUT)) {
            if (!partitions.containsKey(partition)) {
                added.add(partition);
            }
        }
        Map<TopicPartition, Long> earliest = StartingOffsets.earliest().resolve(consumer, added, TIMEOUT);
        for (TopicPartition partition : added) {
            add(new PartitionPosition(partition.topic(), partition.partition(), earliest.get(partition),
                    PartitionPosition.UNBOUNDED));
        }
        return added;
    }

    private void add(PartitionPosition position) {
        partitions.put(position.topicPartition(), new Partition(position.topic(), position.partition(),
                position.nextOffset(), position.stopOffset()));
    }

    /** Reads the partitions not finished, each from its position. */
    private void assign() {
        List<TopicPartition> active = new ArrayList<>();
        partitions.forEach((partition, p) -> {
            if (!p.finished()) {
                active.add(partition);
            }
        });
        consumer.assign(active);
        for (TopicPartition partition : active) {
            consumer.seek(partition, partitions.get(partition).next);
        }
    }

    @Override
    public Status poll(ReaderOutput<T> output) throws Exception {
        if (out == null) {
            openOutputs(output);
        }
        if (discoveryInterval != null && System.nanoTime() - nextDiscovery >= 0) {
            discover();
        }
        if (consumer.assignment().isEmpty()) {
            return bounded ? Status.END_OF_INPUT : Status.NOTHING_AVAILABLE;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (TopicPartition partition : records.partitions()) {
            Partition p = partitions.get(partition);
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (record.offset() >= p.stop) {
                    break;
                }
                p.output.collect(deserialize(record), record.timestamp());
            }
        }
        boolean finishedAny = false;
        for (TopicPartition partition : consumer.assignment()) {
            Partition p = partitions.get(partition);
            // past the records returned, and past aborted records and transaction markers with read_committed
            p.next = consumer.position(partition, TIMEOUT);
            if (p.finished()) {
                out.releaseSplit(p.splitId());
                finishedAny = true;
                LOG.info("Kafka source {} finished partition {} at offset {}", name, partition, p.stop);
            }
        }
        if (finishedAny) {
            assign();
        }
        if (bounded && consumer.assignment().isEmpty()) {
            return Status.END_OF_INPUT;
        }
        return records.isEmpty() ? Status.NOTHING_AVAILABLE : Status.MORE_AVAILABLE;
    }

    /**
     * Asks for every partition's output before any record is emitted, so that none starts late; a subtask of an
     * unbounded read that owns no partition holds the watermark with a placeholder until idleness releases it.
     */
    private void openOutputs(ReaderOutput<T> output) {
        out = output;
        for (Partition p : partitions.values()) {
            if (!p.finished()) {
                p.output = out.forSplit(p.splitId());
            }
        }
        if (!bounded && partitions.isEmpty()) {
            out.forSplit(NO_PARTITION);
            placeholder = true;
        }
    }

    private void discover() {
        nextDiscovery = System.nanoTime() + discoveryInterval.toNanos();
        List<TopicPartition> added = addNew();
        if (added.isEmpty()) {
            return;
        }
        for (TopicPartition partition : added) {
            Partition p = partitions.get(partition);
            p.output = out.forSplit(p.splitId());
        }
        if (placeholder) {
            out.releaseSplit(NO_PARTITION);
            placeholder = false;
        }
        assign();
        LOG.info("Kafka source {} found new partitions {}", name, added);
    }

    private T deserialize(ConsumerRecord<byte[], byte[]> record) {
        try {
            return deserializer.deserialize(record);
        } catch (Exception e) {
            throw new IllegalStateException("cannot deserialize the record of topic " + record.topic()
                    + ", partition " + record.partition() + " at offset " + record.offset() + ": " + e, e);
        }
    }

    @Override
    public void snapshotState() {
        List<PartitionPosition> positions = new ArrayList<>();
        partitions.values().forEach(p -> positions.add(p.position()));
        state.update(positions);
    }

    @Override
    public void snapshotState(long checkpointId) {
        snapshotState();
        if (commitOffsets) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            partitions.forEach((partition, p) -> offsets.put(partition, new OffsetAndMetadata(p.next)));
            snapshots.put(checkpointId, offsets);
        }
    }

    /** Tells Kafka's consumer group the offsets of the completed checkpoint; a failure only costs monitoring. */
    @Override
    public void checkpointComplete(long checkpointId) {
        Map.Entry<Long, Map<TopicPartition, OffsetAndMetadata>> completed = snapshots.floorEntry(checkpointId);
        if (completed == null) {
            return;
        }
        snapshots.headMap(checkpointId, true).clear();
        consumer.commitAsync(completed.getValue(), (offsets, error) -> {
            if (error != null) {
                LOG.warn("Kafka source {} could not commit the offsets of checkpoint {} to Kafka: {}", name,
                        checkpointId, error.toString());
            }
        });
    }

    /**
     * Gives an offset commit in flight a moment, unless the task was cancelled: then closes at once, and without the
     * interrupt, which would make the consumer log a failure for every request it cannot finish.
     */
    @Override
    public void close() {
        boolean cancelled = Thread.interrupted();
        try {
            consumer.close(cancelled ? Duration.ZERO : Duration.ofSeconds(1));
        } finally {
            if (cancelled) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A partition this subtask reads: its position, stop offset and output. */
    private final class Partition {
        final String topic;
        final int partition;
        final long stop;
        long next;
        SourceOutput<T> output;

        Partition(String topic, int partition, long next, long stop) {
            this.topic = topic;
            this.partition = partition;
            this.next = next;
            this.stop = stop;
        }

        PartitionPosition position() {
            return new PartitionPosition(topic, partition, next, stop);
        }

        boolean finished() {
            return position().finished();
        }

        String splitId() {
            return position().splitId();
        }
    }
}
