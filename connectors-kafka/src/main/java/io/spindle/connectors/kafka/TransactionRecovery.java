package io.spindle.connectors.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What one subtask of an exactly-once sink does before it writes: it commits the restored transactions of the ids it
 * owns, then aborts every other open transaction of the ids of its prefix it owns. See {@link KafkaSink}.
 */
final class TransactionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRecovery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final Properties producerProperties;
    private final int subtask;
    private final int parallelism;

    TransactionRecovery(Admin admin, Properties producerProperties, int subtask, int parallelism) {
        this.admin = admin;
        this.producerProperties = producerProperties;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /** Commits, in checkpoint order, the restored transactions whose ids this subtask owns. */
    void commitRestored(List<PendingTransaction> restored) throws Exception {
        List<PendingTransaction> owned = new ArrayList<>();
        for (PendingTransaction pending : restored) {
            if (TransactionalIds.owns(pending.transactionalId(), subtask, parallelism)) {
                owned.add(pending);
            }
        }
        owned.sort((a, b) -> Long.compare(a.checkpointId(), b.checkpointId()));
        boolean transactionV2 = !owned.isEmpty() && transactionV2();
        for (PendingTransaction pending : owned) {
            switch (outcome(pending)) {
                case COMMIT -> commit(pending, transactionV2);
                case COMMITTED -> LOG.info("Transaction {} of checkpoint {} was committed before the restore",
                        pending.transactionalId(), pending.checkpointId());
                case ABORTED -> throw new IllegalStateException("transaction " + pending.transactionalId()
                        + " of checkpoint " + pending.checkpointId() + " was aborted by Kafka, so its records are"
                        + " lost: was the job down longer than the transaction timeout?");
            }
        }
    }

    /** Aborts the open transactions of this prefix's ids that this subtask owns, of any old subtask. */
    void abortLingering(String prefix) throws Exception {
        ListTransactionsOptions options = new ListTransactionsOptions().filterStates(Set.of(TransactionState.ONGOING));
        for (TransactionListing listing : get(admin.listTransactions(options).all())) {
            String id = listing.transactionalId();
            if (TransactionalIds.hasPrefix(id, prefix) && TransactionalIds.owns(id, subtask, parallelism)) {
                // initTransactions fences the id's last producer and aborts its open transaction
                KafkaProducer<byte[], byte[]> producer = producer(id);
                try {
                    producer.initTransactions();
                } finally {
                    producer.close(Duration.ZERO);
                }
                LOG.info("Aborted lingering transaction {}", id);
            }
        }
    }

    private RestoredTransactionOutcome outcome(PendingTransaction pending) throws Exception {
        TransactionDescription now;
        try {
            now = get(admin.describeTransactions(Set.of(pending.transactionalId())).all())
                    .get(pending.transactionalId());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                // unused for transactional.id.expiration.ms (7 days by default): long ended, committed or aborted
                LOG.warn("Transaction {} of checkpoint {} is unknown to Kafka (its id expired); taking it as"
                        + " committed", pending.transactionalId(), pending.checkpointId());
                return RestoredTransactionOutcome.COMMITTED;
            }
            throw e;
        }
        return RestoredTransactionOutcome.of(pending.producerId(), pending.epoch(), now.producerId(),
                now.producerEpoch(), now.state());
    }

    private void commit(PendingTransaction pending, boolean transactionV2) {
        KafkaProducer<byte[], byte[]> producer = producer(pending.transactionalId());
        try {
            TransactionResumer.resume(producer, pending.producerId(), pending.epoch(), transactionV2);
            producer.commitTransaction();
        } finally {
            // at once: a graceful close would abort the transaction if the commit failed
            producer.close(Duration.ZERO);
        }
        LOG.info("Committed transaction {} of checkpoint {} after the restore", pending.transactionalId(),
                pending.checkpointId());
    }

    private boolean transactionV2() throws Exception {
        FeatureMetadata features = get(admin.describeFeatures().featureMetadata());
        FinalizedVersionRange version = features.finalizedFeatures().get("transaction.version");
        return version != null && version.maxVersionLevel() >= 2;
    }

    private KafkaProducer<byte[], byte[]> producer(String transactionalId) {
        Properties properties = new Properties();
        properties.putAll(producerProperties);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(properties);
    }

    private static <V> V get(KafkaFuture<V> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
