package io.spindle.connectors.kafka;

import org.junit.jupiter.api.Test;

import static io.spindle.connectors.kafka.RestoredTransactionOutcome.ABORTED;
import static io.spindle.connectors.kafka.RestoredTransactionOutcome.COMMIT;
import static io.spindle.connectors.kafka.RestoredTransactionOutcome.COMMITTED;
import static org.apache.kafka.clients.admin.TransactionState.COMPLETE_ABORT;
import static org.apache.kafka.clients.admin.TransactionState.COMPLETE_COMMIT;
import static org.apache.kafka.clients.admin.TransactionState.EMPTY;
import static org.apache.kafka.clients.admin.TransactionState.ONGOING;
import static org.apache.kafka.clients.admin.TransactionState.PREPARE_ABORT;
import static org.apache.kafka.clients.admin.TransactionState.PREPARE_COMMIT;
import static org.assertj.core.api.Assertions.assertThat;

class RestoredTransactionOutcomeTest {

    private static final short EPOCH = 5;

    @Test
    void theTransactionStillOpenAtItsEpochIsCommitted() {
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH, ONGOING)).isEqualTo(COMMIT);
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH, PREPARE_COMMIT)).isEqualTo(COMMIT);
    }

    @Test
    void aTransactionCommittedAtItsEpochNeedsNothing() {
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH, COMPLETE_COMMIT)).isEqualTo(COMMITTED);
    }

    @Test
    void aCommitThatBumpedTheEpochAsTransactionsV2DoNeedsNothing() {
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH + 1, COMPLETE_COMMIT)).isEqualTo(COMMITTED);
    }

    @Test
    void aLaterTransactionOfTheIdMeansThisOneWasCommitted() {
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH + 1, ONGOING)).isEqualTo(COMMITTED);
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH + 3, COMPLETE_ABORT)).isEqualTo(COMMITTED);
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 9, 0, EMPTY)).isEqualTo(COMMITTED);
    }

    @Test
    void anAbortAtTheEpochOrTheOneAKafkaTimeoutBumpsToIsALoss() {
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH, COMPLETE_ABORT)).isEqualTo(ABORTED);
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH + 1, COMPLETE_ABORT)).isEqualTo(ABORTED);
        assertThat(RestoredTransactionOutcome.of(7, EPOCH, 7, EPOCH + 1, PREPARE_ABORT)).isEqualTo(ABORTED);
    }
}
