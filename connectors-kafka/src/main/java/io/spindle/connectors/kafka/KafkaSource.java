package io.spindle.connectors.kafka;

import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.PreflightContext;
import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.SourceContext;
import io.spindle.api.connectors.SourceReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads Kafka topics. Partitions are the splits: each subtask reads the partitions {@link PartitionAssignment}
 * gives it, so subtasks need no coordination, and each partition's records get their own watermarks (with Kafka's
 * record timestamps as event time unless the job's strategy takes others). The read position of every partition
 * lives in the job's checkpoints, never in Kafka's committed offsets, which the source only writes for monitoring
 * ({@link Builder#setCommitOffsetsOnCheckpoint}). Reads are read_committed unless set otherwise.
 */
public final class KafkaSource<T> implements Source<T> {

    private final String bootstrapServers;
    private final List<String> topics;
    private final Pattern topicPattern;
    private final KafkaRecordDeserializer<T> deserializer;
    private final Codec<T> codec;
    private final StartingOffsets startingOffsets;
    private final boolean bounded;
    private final Duration discoveryInterval;
    private final boolean commitOffsetsOnCheckpoint;
    private final Map<String, String> properties;

    private KafkaSource(Builder<T> builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topics = builder.topics;
        this.topicPattern = builder.topicPattern;
        this.deserializer = builder.deserializer;
        this.codec = builder.codec;
        this.startingOffsets = builder.startingOffsets;
        this.bounded = builder.bounded;
        this.discoveryInterval = builder.discoveryInterval;
        this.commitOffsetsOnCheckpoint = builder.commitOffsetsOnCheckpoint;
        this.properties = Map.copyOf(builder.properties);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public Codec<T> codec() {
        return codec;
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public SourceReader<T> createReader(SourceContext context) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.putAll(properties);
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG,
                "spindle-" + context.operatorName() + "-" + context.subtaskIndex());
        PartitionDiscovery discovery = new PartitionDiscovery(topics, topicPattern, context.subtaskIndex(),
                context.parallelism());
        return new KafkaSourceReader<>(new KafkaConsumer<>(consumer), discovery, deserializer, startingOffsets,
                bounded, bounded ? null : discoveryInterval, commitOffsetsOnCheckpoint, context);
    }

    /** Refuses servers that do not answer and named topics that do not exist. */
    @Override
    public void check(PreflightContext context) throws ConnectorSettingsException {
        try (KafkaPreflight kafka = KafkaPreflight.connect(bootstrapServers, properties)) {
            kafka.checkTopicsExist(topics == null ? List.of() : topics);
        }
    }

    /** Settings of a {@link KafkaSource}. */
    public static final class Builder<T> {
        private String bootstrapServers;
        private List<String> topics;
        private Pattern topicPattern;
        private KafkaRecordDeserializer<T> deserializer;
        private Codec<T> codec;
        private StartingOffsets startingOffsets = StartingOffsets.earliest();
        private boolean bounded;
        private Duration discoveryInterval;
        private boolean commitOffsetsOnCheckpoint;
        private final Map<String, String> properties = new HashMap<>();

        private Builder() { }

        public Builder<T> setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder<T> setTopics(String... topics) {
            this.topics = List.of(topics);
            this.topicPattern = null;
            return this;
        }

        /** Every topic whose whole name matches, including topics created later if partitions are discovered. */
        public Builder<T> setTopicPattern(Pattern pattern) {
            this.topicPattern = Objects.requireNonNull(pattern, "pattern");
            this.topics = null;
            return this;
        }

        /** How Kafka records become the source's records, and the codec the job moves them with. */
        public Builder<T> setDeserializer(KafkaRecordDeserializer<T> deserializer, Codec<T> codec) {
            this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Where partitions start when no checkpoint says; earliest unless set. */
        public Builder<T> setStartingOffsets(StartingOffsets startingOffsets) {
            this.startingOffsets = Objects.requireNonNull(startingOffsets, "startingOffsets");
            return this;
        }

        /**
         * Ends at the offsets the partitions end at when the job first starts (kept in the checkpoints, so a
         * restored job stops at the same place): a batch read.
         */
        public Builder<T> setBoundedAtLatest() {
            this.bounded = true;
            return this;
        }

        /** Looks for new partitions (of new topics too, with a pattern) this often; new ones start at the earliest. */
        public Builder<T> setPartitionDiscoveryInterval(Duration interval) {
            this.discoveryInterval = interval;
            return this;
        }

        /** Writes each completed checkpoint's offsets to the consumer group, for monitoring (needs group.id). */
        public Builder<T> setCommitOffsetsOnCheckpoint(boolean commit) {
            this.commitOffsetsOnCheckpoint = commit;
            return this;
        }

        /** A Kafka consumer setting, such as group.id or isolation.level. */
        public Builder<T> setProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public KafkaSource<T> build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("the Kafka source needs bootstrap servers");
            }
            if ((topics == null || topics.isEmpty()) && topicPattern == null) {
                throw new IllegalArgumentException("the Kafka source needs topics or a topic pattern");
            }
            if (deserializer == null) {
                throw new IllegalArgumentException("the Kafka source needs a deserializer and its codec");
            }
            boolean group = properties.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
            if ((commitOffsetsOnCheckpoint || startingOffsets.needsGroup()) && !group) {
                throw new IllegalArgumentException("the Kafka source needs " + ConsumerConfig.GROUP_ID_CONFIG
                        + " to " + (commitOffsetsOnCheckpoint ? "commit offsets" : "start at committed offsets"));
            }
            if (discoveryInterval != null && (discoveryInterval.isNegative() || discoveryInterval.isZero())) {
                throw new IllegalArgumentException("the partition discovery interval must be positive: "
                        + discoveryInterval);
            }
            return new KafkaSource<>(this);
        }
    }
}
