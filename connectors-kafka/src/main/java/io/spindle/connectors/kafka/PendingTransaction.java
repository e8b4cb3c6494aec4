package io.spindle.connectors.kafka;

import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListStateDescriptor;

/**
 * A transaction flushed at the barrier of a checkpoint, to be committed when that checkpoint completes. The producer
 * id and epoch are what Kafka needs to commit it from another producer after a restore. Kept in union list state: on
 * restore each subtask sees all of them, and commits those whose transactional id it owns.
 */
record PendingTransaction(long checkpointId, String transactionalId, long producerId, short epoch) {

    static final ListStateDescriptor<PendingTransaction> STATE =
            new ListStateDescriptor<>("kafka-sink-pending-transactions", Codecs.record(PendingTransaction.class));
}
