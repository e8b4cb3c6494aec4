package io.spindle.connectors.kafka;

import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * One Kafka transaction per checkpoint interval, begun at the first record after a barrier, flushed at the barrier
 * and committed when the checkpoint completes; see {@link KafkaSink} for how restores finish them.
 *
 * <p>Each transaction has a producer of its own: its initTransactions gives the transaction an epoch no other
 * transaction of the id has, which is what tells after a restore whether the transaction was committed
 * ({@link RestoredTransactionOutcome}). The cost is a producer per checkpoint interval and subtask.
 */
final class ExactlyOnceWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceWriter.class);

    private final Properties properties;
    private final KafkaRecordSerializer<T> serializer;
    private final String prefix;
    private final int subtask;
    private final ListState<PendingTransaction> state;
    private final TransactionalIdPool pool = new TransactionalIdPool();
    /** Flushed transactions awaiting their checkpoint's completion, in checkpoint order. */
    private final List<Prepared> prepared = new ArrayList<>();
    private Open open;

    ExactlyOnceWriter(Properties properties, KafkaRecordSerializer<T> serializer, String prefix, int subtask,
                      ListState<PendingTransaction> state) {
        this.properties = properties;
        this.serializer = serializer;
        this.prefix = prefix;
        this.subtask = subtask;
        this.state = state;
    }

    @Override
    public void write(T value) throws Exception {
        if (open == null) {
            open = begin();
        }
        open.errors.check();
        open.producer.send(serializer.serialize(value), open.errors);
    }

    private Open begin() {
        int k = pool.acquire();
        Properties withId = new Properties();
        withId.putAll(properties);
        withId.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TransactionalIds.id(prefix, subtask, k));
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(withId);
        try {
            producer.initTransactions();
            producer.beginTransaction();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            pool.release(k);
            throw e;
        }
        return new Open(k, producer, new SendErrors());
    }

    /** Makes the open transaction durable (not visible) and notes in the state what commits it. */
    @Override
    public void prepareCommit(long checkpointId) throws Exception {
        if (open != null) {
            open.producer.flush();
            open.errors.check();
            String id = TransactionalIds.id(prefix, subtask, open.k);
            PendingTransaction pending = new PendingTransaction(checkpointId, id,
                    TransactionResumer.producerId(open.producer), TransactionResumer.epoch(open.producer));
            prepared.add(new Prepared(pending, open.k, open.producer));
            open = null;
        }
        List<PendingTransaction> entries = new ArrayList<>();
        prepared.forEach(p -> entries.add(p.pending));
        state.update(entries);
    }

    /**
     * Commits every transaction prepared for this checkpoint or an earlier one. A commit Kafka refuses (the
     * transaction was aborted, by timeout or by another producer of the id) fails the job: its records are lost.
     */
    @Override
    public void commit(long checkpointId) throws Exception {
        Iterator<Prepared> due = prepared.iterator();
        while (due.hasNext()) {
            Prepared next = due.next();
            if (next.pending.checkpointId() > checkpointId) {
                break;
            }
            try {
                next.producer.commitTransaction();
            } catch (KafkaException e) {
                throw new IllegalStateException("cannot commit transaction " + next.pending.transactionalId()
                        + " of checkpoint " + next.pending.checkpointId() + ", its records are lost: " + e, e);
            }
            next.producer.close(Duration.ZERO);
            pool.release(next.k);
            due.remove();
            LOG.debug("Committed transaction {} of checkpoint {}", next.pending.transactionalId(),
                    next.pending.checkpointId());
        }
    }

    /**
     * Leaves every transaction as it is: a prepared one may still be committed by a restore, an open one is aborted
     * by the restored subtask that owns its id, or by Kafka after the transaction timeout.
     */
    @Override
    public void close() {
        if (open != null) {
            open.producer.close(Duration.ZERO);
        }
        prepared.forEach(p -> p.producer.close(Duration.ZERO));
    }

    private record Open(int k, KafkaProducer<byte[], byte[]> producer, SendErrors errors) { }

    private record Prepared(PendingTransaction pending, int k, KafkaProducer<byte[], byte[]> producer) { }
}
