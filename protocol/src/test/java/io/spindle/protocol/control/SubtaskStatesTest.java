package io.spindle.protocol.control;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubtaskStatesTest {

    private static final CheckpointTimes TIMES = new CheckpointTimes(12, 3, 250);

    private static final KeyedStateHandle KEYED = new NativeKeyedState(new KeyGroupRange(0, 63),
            Map.of("000012.sst", new StateFile("shared/abc-000012.sst", 4096, 0x5EED)),
            Map.of("MANIFEST-000005", new StateFile("chk-3/abc-MANIFEST-000005", 120, 0x5EED)), 4216);

    @Test
    void snapshotKeepsTaskIdentityListStatesAndKeyedState() {
        TaskSnapshot snapshot = new TaskSnapshot("source -> count (2/2)", 1, 1, 3,
                Map.of("source", Map.of("positions", List.of(new byte[] {7}, new byte[] {8, 9}))), "count", KEYED, false,
                TIMES);

        TaskSnapshot read = SubtaskStates.snapshot(SubtaskStates.snapshotBytes(snapshot), TIMES);

        assertThat(read.taskName()).isEqualTo("source -> count (2/2)");
        assertThat(read.vertexId()).isEqualTo(1);
        assertThat(read.subtaskIndex()).isEqualTo(1);
        assertThat(read.checkpointId()).isEqualTo(3);
        assertThat(read.operatorStates()).containsOnlyKeys("source");
        assertThat(read.operatorStates().get("source").get("positions")).containsExactly(new byte[] {7}, new byte[] {8, 9});
        assertThat(read.keyedOperator()).isEqualTo("count");
        assertThat(read.keyedState()).isEqualTo(KEYED);
        assertThat(read.inputEnded()).isFalse();
        assertThat(read.times()).isEqualTo(TIMES);
    }

    @Test
    void aSnapshotWithoutStateStillSaysThatItsInputEnded() {
        TaskSnapshot snapshot = new TaskSnapshot("map (1/2)", 2, 0, 4, Map.of(), true, TIMES);

        TaskSnapshot read = SubtaskStates.snapshot(SubtaskStates.snapshotBytes(snapshot), TIMES);

        assertThat(read.inputEnded()).isTrue();
        assertThat(read.operatorStates()).isEmpty();
        assertThat(read.keyedState()).isNull();
    }

    @Test
    void aRestoreCarriesWhetherTheInputHadEnded() {
        TaskRestore restore = new TaskRestore(Map.of("sink", Map.of()), List.of(), null, true, true);

        TaskRestore read = SubtaskStates.restore(SubtaskStates.restoreBytes(restore), null, true);

        assertThat(read.inputEnded()).isTrue();
        assertThat(read.operatorStates()).containsOnlyKeys("sink");
    }

    @Test
    void restoreTellsAnOperatorWithEmptyListStateFromOneWithNone() {
        TaskRestore restore = new TaskRestore(Map.of("sink", Map.of()), List.of(KEYED), null, true, false);

        TaskRestore read = SubtaskStates.restore(SubtaskStates.restoreBytes(restore), null, true);

        assertThat(read.operatorStates()).containsOnlyKeys("sink");
        assertThat(read.keyedStates()).containsExactly(KEYED);
        assertThat(read.reuseUploadedFiles()).isTrue();
    }

    @Test
    void restoreAfterRescalingCarriesTheHandleOfEveryOverlappingOldSubtask() {
        KeyedStateHandle second = new CanonicalKeyedState(new KeyGroupRange(64, 127),
                new StateFile("keyed-count-1", 40, 7));
        TaskRestore restore = new TaskRestore(Map.of("count", Map.of("positions", List.of(new byte[] {1}))),
                List.of(KEYED, second), null, false, false);

        TaskRestore read = SubtaskStates.restore(SubtaskStates.restoreBytes(restore), null, false);

        assertThat(read.keyedStates()).containsExactly(KEYED, second);
        assertThat(read.operatorStates().get("count").get("positions")).containsExactly(new byte[] {1});
    }
}
