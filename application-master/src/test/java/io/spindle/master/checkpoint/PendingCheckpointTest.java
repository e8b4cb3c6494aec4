package io.spindle.master.checkpoint;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CheckpointMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PendingCheckpointTest {

    private static TaskSnapshot snapshot(int vertex, int subtask, long checkpoint, String operator, byte[] entry) {
        return timed(vertex, subtask, checkpoint, operator, entry, new CheckpointTimes(0, 0, 0));
    }

    private static TaskSnapshot timed(int vertex, int subtask, long checkpoint, String operator, byte[] entry,
                                      CheckpointTimes times) {
        return new TaskSnapshot("task", vertex, subtask, checkpoint, Map.of(operator, Map.of("positions", List.of(entry))), false,
                times);
    }

    private final PendingCheckpoint pending = new PendingCheckpoint(CheckpointBarrier.checkpoint(7), 1000,
            Set.of(new SubtaskId(0, 0), new SubtaskId(0, 1), new SubtaskId(1, 0)));

    @Test
    void completesWhenEveryExpectedSubtaskAcknowledged() {
        pending.acknowledge(snapshot(0, 0, 7, "source", new byte[] {1}));
        pending.acknowledge(snapshot(0, 1, 7, "source", new byte[] {2}));
        assertThat(pending.isComplete()).isFalse();

        pending.acknowledge(snapshot(1, 0, 7, "sink", new byte[] {3}));

        assertThat(pending.isComplete()).isTrue();
    }

    @Test
    void eachPartsSlowestSubtaskIsWhatTheCheckpointTook() {
        pending.acknowledge(timed(0, 0, 7, "source", new byte[] {1}, new CheckpointTimes(0, 2, 300)));
        pending.acknowledge(timed(0, 1, 7, "source", new byte[] {2}, new CheckpointTimes(0, 9, 120)));
        pending.acknowledge(timed(1, 0, 7, "sink", new byte[] {3}, new CheckpointTimes(45, 1, 80)));

        assertThat(pending.slowestTimes()).isEqualTo(new CheckpointTimes(45, 9, 300));
    }

    @Test
    void duplicateOrForeignAcknowledgementsAreRefused() {
        assertThat(pending.acknowledge(snapshot(0, 0, 7, "source", new byte[0]))).isTrue();
        assertThat(pending.acknowledge(snapshot(0, 0, 7, "source", new byte[0]))).isFalse();
        assertThat(pending.acknowledge(snapshot(5, 0, 7, "source", new byte[0]))).isFalse();
        assertThat(pending.acknowledge(snapshot(0, 1, 8, "source", new byte[0]))).isFalse();
        assertThat(pending.awaited()).containsExactlyInAnyOrder(new SubtaskId(0, 1), new SubtaskId(1, 0));
    }

    @Test
    void metadataListsEveryOperatorWithItsSubtasksInOrder() {
        pending.acknowledge(snapshot(0, 1, 7, "source", new byte[] {2}));
        pending.acknowledge(snapshot(1, 0, 7, "sink", new byte[] {3}));
        pending.acknowledge(snapshot(0, 0, 7, "source", new byte[] {1}));

        CheckpointMetadata metadata = pending.toMetadata("job", "test job", List.of(new OperatorInfo("source", 0, 2, 128, List.of()),
                new OperatorInfo("sink", 1, 1, 128, List.of()), new OperatorInfo("stateless", 2, 1, 128, List.of())));

        assertThat(metadata.checkpointId()).isEqualTo(7);
        assertThat(metadata.operator("source").orElseThrow().subtasks())
                .extracting(s -> s.operatorListState().get("positions").get(0)[0])
                .containsExactly((byte) 1, (byte) 2);
        assertThat(metadata.operator("stateless").orElseThrow().subtasks()).isEmpty();
    }

    @Test
    void metadataOfAnIncompleteCheckpointIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> pending.toMetadata("job", "test job", List.of()));
    }
}
