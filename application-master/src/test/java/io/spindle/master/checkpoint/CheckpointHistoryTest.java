package io.spindle.master.checkpoint;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointHistoryTest {

    private static PendingCheckpoint pending(long id) {
        return new PendingCheckpoint(CheckpointBarrier.checkpoint(id), 1000 * id, Set.of());
    }

    @Test
    void keepsTheNewestCheckpointsFirstUpToItsCapacity() {
        CheckpointHistory history = new CheckpointHistory();
        for (long id = 1; id <= CheckpointHistory.CAPACITY + 3; id++) {
            history.completed(pending(id), 1000 * id + 40, "hdfs:///chk-" + id, 100, 10);
        }

        assertThat(history.entries()).hasSize(CheckpointHistory.CAPACITY);
        assertThat(history.entries().get(0).checkpointId()).isEqualTo(CheckpointHistory.CAPACITY + 3);
        assertThat(history.entries().get(0).durationMillis()).isEqualTo(40);
        assertThat(history.entries().get(0).path()).hasValue("hdfs:///chk-" + (CheckpointHistory.CAPACITY + 3));
    }

    @Test
    void aFailedCheckpointKeepsItsReasonAndCause() {
        CheckpointHistory history = new CheckpointHistory();

        history.failed(pending(7), 7500, CheckpointFailureReason.EXPIRED, new CheckpointCoordinator.CheckpointFailure("took too long"));

        CheckpointHistory.Entry entry = history.entries().get(0);
        assertThat(entry.failure()).hasValue("EXPIRED: took too long");
        assertThat(entry.path()).isEmpty();
        assertThat(entry.durationMillis()).isEqualTo(500);
    }
}
