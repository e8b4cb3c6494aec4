package io.spindle.connectors.kafka;

import org.apache.kafka.clients.admin.TransactionState;

/**
 * What became of a transaction that a restored checkpoint says is awaiting its commit, from what the broker says of
 * its transactional id now. A transaction is known by its producer id and epoch: the sink begins every transaction
 * with a new producer (whose initTransactions bumps the epoch), reuses an id only after it committed the
 * transaction before, and never aborts one itself. So a later epoch on the id means the transaction was committed,
 * unless it is the one bump Kafka makes when it aborts a transaction (on timeout; with transactions v2 also on an
 * abort), which leaves the id aborted at the next epoch.
 */
enum RestoredTransactionOutcome {
    /** Still open: commit it. */
    COMMIT,
    /** Committed before the failure (or by another attempt): nothing to do. */
    COMMITTED,
    /** Kafka aborted it: its records are lost, which the job must not pass over. */
    ABORTED;

    static RestoredTransactionOutcome of(long producerId, short epoch, long currentProducerId, int currentEpoch,
                                         TransactionState state) {
        boolean aborted = state == TransactionState.PREPARE_ABORT || state == TransactionState.COMPLETE_ABORT
                || state == TransactionState.PREPARE_EPOCH_FENCE;
        if (currentProducerId != producerId) {
            // the epochs ran out and Kafka gave the id a new producer id: later transactions used it
            return COMMITTED;
        }
        if (currentEpoch == epoch) {
            if (state == TransactionState.ONGOING || state == TransactionState.PREPARE_COMMIT) {
                return COMMIT;
            }
            return state == TransactionState.COMPLETE_COMMIT ? COMMITTED : ABORTED;
        }
        if (currentEpoch == epoch + 1) {
            return aborted ? ABORTED : COMMITTED;
        }
        return currentEpoch > epoch ? COMMITTED : ABORTED;
    }
}
