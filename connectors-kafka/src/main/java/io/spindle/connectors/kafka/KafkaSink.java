package io.spindle.connectors.kafka;

import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.PreflightContext;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes records to Kafka, exactly once with {@link DeliveryGuarantee#EXACTLY_ONCE}: each subtask writes a
 * checkpoint interval's records in one transaction, flushes it at the checkpoint's barrier, notes it (checkpoint id,
 * transactional id, producer id, epoch) in union list state and commits it when the checkpoint completes.
 * Transactional ids are {@code <prefix>-<subtask>-<k>} from a small pool per subtask; the prefix is unique per job
 * and sink unless set.
 *
 * <p>One invariant keeps restores exact: <b>every transactional id has exactly one owner</b>, subtask
 * {@code s mod p} for the ids {@code <prefix>-<s>-*} at parallelism p, whatever the parallelism the ids were used
 * at. Before it writes, each subtask commits the restored transactions of the ids it owns (a commit of one committed
 * before is a no-op; one Kafka aborted fails the job, as its records are lost), then aborts every other open
 * transaction of the ids of its prefix it owns, found with Admin.listTransactions (so the ids of subtasks a downscale
 * removed are cleaned up too), and only then begins its own. Since no two subtasks own one id, none aborts what
 * another commits, and no open transaction outlives a restore to stall read_committed consumers.
 *
 * <p>A job restored from another job's savepoint commits the transactions of that job the savepoint holds, but
 * does not touch the other ids of that job, which may still run; to take them over (and have the open ones aborted
 * at once rather than after the transaction timeout), give both jobs the same {@code transactionalIdPrefix}.
 */
public final class KafkaSink<T> implements Sink<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    /** Kafka brokers' default transaction.max.timeout.ms. */
    static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private final String bootstrapServers;
    private final KafkaRecordSerializer<T> serializer;
    private final List<String> topics;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;
    private final Map<String, String> properties;

    private KafkaSink(Builder<T> builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.serializer = builder.serializer;
        this.topics = List.copyOf(builder.topics);
        this.guarantee = builder.guarantee;
        this.transactionalIdPrefix = builder.transactionalIdPrefix;
        this.transactionTimeout = builder.transactionTimeout;
        this.properties = Map.copyOf(builder.properties);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws Exception {
        Properties producer = producerProperties();
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            LOG.info("Kafka sink {} subtask {} writes {} to {}", context.operatorName(), context.subtaskIndex(),
                    guarantee, bootstrapServers);
            return new NonTransactionalWriter<>(producer, serializer, guarantee == DeliveryGuarantee.AT_LEAST_ONCE);
        }
        String prefix = transactionalIdPrefix != null ? transactionalIdPrefix
                : TransactionalIds.defaultPrefix(context.jobId(), context.operatorName());
        ListState<PendingTransaction> state = context.unionListState(PendingTransaction.STATE);
        List<PendingTransaction> restored = context.isRestored() ? List.copyOf(state.get()) : List.of();
        try (Admin admin = Admin.create(adminProperties())) {
            TransactionRecovery recovery = new TransactionRecovery(admin, producer, context.subtaskIndex(),
                    context.parallelism());
            recovery.commitRestored(restored);
            recovery.abortLingering(prefix);
            // a job restored from another job's savepoint or checkpoint has another default prefix: the other job's
            // transactions still open (written after the snapshot) would hold read_committed consumers back until
            // they time out
            for (String restoredPrefix : restoredPrefixes(restored, prefix)) {
                recovery.abortLingering(restoredPrefix);
            }
        }
        state.clear();
        LOG.info("Kafka sink {} subtask {} writes exactly once to {} with transactional ids {}-{}-*",
                context.operatorName(), context.subtaskIndex(), bootstrapServers, prefix, context.subtaskIndex());
        return new ExactlyOnceWriter<>(producer, serializer, prefix, context.subtaskIndex(), state);
    }

    /**
     * Refuses servers that do not answer, topics that do not exist and, for exactly once, a transaction timeout
     * Kafka would abort a checkpoint's transaction before a restore commits it, or that the brokers do not allow.
     */
    /** The prefixes of the restored transactions' ids other than {@code prefix}. */
    static Set<String> restoredPrefixes(List<PendingTransaction> restored, String prefix) {
        Set<String> prefixes = new TreeSet<>();
        for (PendingTransaction transaction : restored) {
            TransactionalIds.prefixOf(transaction.transactionalId()).filter(p -> !p.equals(prefix))
                    .ifPresent(prefixes::add);
        }
        return prefixes;
    }

    @Override
    public void check(PreflightContext context) throws ConnectorSettingsException {
        try (KafkaPreflight kafka = KafkaPreflight.connect(bootstrapServers, properties)) {
            kafka.checkTopicsExist(topics);
            if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
                return;
            }
            Duration interval = context.checkpointInterval().orElse(Duration.ZERO);
            Duration needed = interval.plus(context.longestRestartDelay());
            Duration timeout = transactionTimeout();
            if (timeout.compareTo(needed) < 0) {
                throw new ConnectorSettingsException("transaction timeout " + timeout + " is shorter than the"
                        + " checkpoint interval " + interval + " plus the longest restart delay "
                        + context.longestRestartDelay() + ": Kafka could abort a transaction before a restore"
                        + " commits it; set a transaction timeout of at least " + needed);
            }
            String brokerMax = kafka.brokerConfig("transaction.max.timeout.ms");
            if (brokerMax != null && timeout.toMillis() > Long.parseLong(brokerMax)) {
                throw new ConnectorSettingsException("transaction timeout " + timeout + " is longer than the"
                        + " brokers' transaction.max.timeout.ms " + Duration.ofMillis(Long.parseLong(brokerMax)));
            }
        }
    }

    private Duration transactionTimeout() {
        return transactionTimeout != null ? transactionTimeout : DEFAULT_TRANSACTION_TIMEOUT;
    }

    private Properties producerProperties() {
        Properties producer = new Properties();
        producer.putAll(properties);
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout().toMillis());
        }
        return producer;
    }

    private Properties adminProperties() {
        Properties admin = new Properties();
        admin.putAll(properties);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return admin;
    }

    /** Settings of a {@link KafkaSink}. */
    public static final class Builder<T> {
        private String bootstrapServers;
        private KafkaRecordSerializer<T> serializer;
        private final List<String> topics = new ArrayList<>();
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
        private String transactionalIdPrefix;
        private Duration transactionTimeout;
        private final Map<String, String> properties = new HashMap<>();

        private Builder() { }

        public Builder<T> setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** Every record to {@code topic}, its text (toString) the UTF-8 value. */
        public Builder<T> setTopic(String topic) {
            return setRecordSerializer(KafkaRecordSerializer.valueAsString(topic), topic);
        }

        /** Records as the serializer makes them; {@code topics} are those it writes to, which the preflight checks. */
        public Builder<T> setRecordSerializer(KafkaRecordSerializer<T> serializer, String... topics) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            this.topics.clear();
            this.topics.addAll(List.of(topics));
            return this;
        }

        /** At least once unless set. */
        public Builder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
            this.guarantee = Objects.requireNonNull(guarantee, "guarantee");
            return this;
        }

        /**
         * The start of this sink's transactional ids; by default one unique to the job and sink. Two jobs that
         * run at the same time must not share one.
         */
        public Builder<T> setTransactionalIdPrefix(String prefix) {
            this.transactionalIdPrefix = prefix;
            return this;
        }

        /**
         * How long Kafka lets a transaction stay open before it aborts it: at least the checkpoint interval plus the
         * longest restart delay, at most the brokers' transaction.max.timeout.ms. 15 minutes unless set.
         */
        public Builder<T> setTransactionTimeout(Duration timeout) {
            this.transactionTimeout = timeout;
            return this;
        }

        /** A Kafka producer (and admin client) setting. */
        public Builder<T> setProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public KafkaSink<T> build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("the Kafka sink needs bootstrap servers");
            }
            if (serializer == null) {
                throw new IllegalArgumentException("the Kafka sink needs a topic or a record serializer");
            }
            if (transactionalIdPrefix != null && transactionalIdPrefix.isBlank()) {
                throw new IllegalArgumentException("the transactional id prefix must not be blank");
            }
            if (transactionTimeout != null && (transactionTimeout.isNegative() || transactionTimeout.isZero())) {
                throw new IllegalArgumentException("the transaction timeout must be positive: " + transactionTimeout);
            }
            for (String key : List.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
                if (properties.containsKey(key)) {
                    throw new IllegalArgumentException("set " + key + " with the Kafka sink builder, not as a"
                            + " property");
                }
            }
            return new KafkaSink<>(this);
        }
    }
}
