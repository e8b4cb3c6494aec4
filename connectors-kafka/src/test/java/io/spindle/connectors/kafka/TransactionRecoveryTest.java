package io.spindle.connectors.kafka;

import io.spindle.master.local.LocalJobs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a restored subtask of the exactly-once sink does with the transactions a failed attempt left. */
class TransactionRecoveryTest {

    /** Aborts timed-out transactions within moments instead of 10 s. */
    @RegisterExtension
    static final KafkaBrokerPerClass kafka = new KafkaBrokerPerClass(
            Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "200"));

    @Test
    void aRestoredTransactionStillOpenIsCommitted() throws Exception {
        PendingTransaction pending = leaveOpen("commit-me-0-0", "a", Duration.ofMinutes(1));

        try (Admin admin = kafka.admin()) {
            recovery(admin, 0, 1).commitRestored(List.of(pending));
        }

        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "a", "read_committed")).containsExactly("a");
    }

    @Test
    void committingARestoredTransactionCommittedBeforeIsANoOp() throws Exception {
        PendingTransaction pending = leaveOpen("twice-0-0", "b", Duration.ofMinutes(1));
        try (Admin admin = kafka.admin()) {
            recovery(admin, 0, 1).commitRestored(List.of(pending));

            recovery(admin, 0, 1).commitRestored(List.of(pending));
        }

        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "b", "read_committed")).containsExactly("b");
    }

    @Test
    void aRestoredTransactionThatKafkaAbortedOnTimeoutFailsTheRestoreNamingIt() throws Exception {
        PendingTransaction pending = leaveOpen("timed-out-0-0", "c", Duration.ofMillis(500));
        try (Admin admin = kafka.admin()) {
            LocalJobs.awaitCondition("Kafka aborting the timed-out transaction",
                    () -> describe(admin, "timed-out-0-0").state() == TransactionState.COMPLETE_ABORT);

            assertThatThrownBy(() -> recovery(admin, 0, 1).commitRestored(List.of(pending)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transaction timed-out-0-0 of checkpoint 1 was aborted by Kafka");
        }
    }

    @Test
    void aSubtaskCommitsOnlyTheRestoredTransactionsOfIdsItOwns() throws Exception {
        PendingTransaction other = leaveOpen("owned-1-0", "d", Duration.ofMinutes(1));
        try (Admin admin = kafka.admin()) {
            recovery(admin, 0, 2).commitRestored(List.of(other));

            assertThat(describe(admin, "owned-1-0").state()).isEqualTo(TransactionState.ONGOING);
            recovery(admin, 1, 2).commitRestored(List.of(other));
            // a commit returns once prepared; the coordinator completes it after writing the markers
            LocalJobs.awaitCondition("the owner's commit completing", () -> describe(admin, "owned-1-0").state()
                    == TransactionState.COMPLETE_COMMIT);
        }
    }

    @Test
    void openTransactionsOfThePrefixAreAbortedByTheirOwnersAfterADownscale() throws Exception {
        leaveOpen("lingering-0-3", "e", Duration.ofMinutes(1));
        leaveOpen("lingering-5-0", "f", Duration.ofMinutes(1));
        leaveOpen("lingering-other-1-0", "g", Duration.ofMinutes(1));
        try (Admin admin = kafka.admin()) {
            recovery(admin, 0, 2).abortLingering("lingering");
            assertThat(describe(admin, "lingering-5-0").state()).isEqualTo(TransactionState.ONGOING);
            recovery(admin, 1, 2).abortLingering("lingering");

            assertThat(describe(admin, "lingering-0-3").state()).isNotEqualTo(TransactionState.ONGOING);
            assertThat(describe(admin, "lingering-5-0").state()).isNotEqualTo(TransactionState.ONGOING);
            assertThat(describe(admin, "lingering-other-1-0").state()).as("another prefix's")
                    .isEqualTo(TransactionState.ONGOING);
        }
    }

    /**
     * A transaction with one record to the topic named as the value, flushed and left open by a producer that goes
     * away, as a failed attempt's.
     */
    private static PendingTransaction leaveOpen(String transactionalId, String value, Duration timeout)
            throws Exception {
        kafka.createTopic(value, 1);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(timeout.toMillis()))));
        try {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(value, value.getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            return new PendingTransaction(1, transactionalId, TransactionResumer.producerId(producer),
                    TransactionResumer.epoch(producer));
        } finally {
            producer.close(Duration.ZERO);
        }
    }

    private static TransactionRecovery recovery(Admin admin, int subtask, int parallelism) {
        return new TransactionRecovery(admin, producerProperties(Map.of()), subtask, parallelism);
    }

    private static Properties producerProperties(Map<String, String> extra) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.putAll(extra);
        return properties;
    }

    private static TransactionDescription describe(Admin admin, String transactionalId) throws Exception {
        return admin.describeTransactions(Set.of(transactionalId)).all().get(30, TimeUnit.SECONDS)
                .get(transactionalId);
    }
}
