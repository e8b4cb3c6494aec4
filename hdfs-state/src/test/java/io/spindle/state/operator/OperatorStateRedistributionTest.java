package io.spindle.state.operator;

import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorStateRedistributionTest {

    /** Three old subtasks: "splits" with 1, 2 and 3 entries; the union state "offsets" with one entry each. */
    private static final OperatorState STATE = new OperatorState("source", 3, 128, List.of(), List.of(
            subtask(0, List.of(new byte[] {1}), new byte[] {10}),
            subtask(1, List.of(new byte[] {2}, new byte[] {3}), new byte[] {11}),
            subtask(2, List.of(new byte[] {4}, new byte[] {5}, new byte[] {6}), new byte[] {12})));

    private static OperatorSubtaskState subtask(int index, List<byte[]> splits, byte[] offset) {
        return new OperatorSubtaskState(index, Map.of("splits", splits,
                OperatorStateStore.UNION_PREFIX + "offsets", List.of(offset)), null);
    }

    @Test
    void evenlySplitStateLandsEachEntryOnExactlyOneNewSubtask() {
        List<Byte> all = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            List<byte[]> share = OperatorStateRedistribution.forSubtask(STATE, 2, subtask).get("splits");
            assertThat(share).hasSize(3);
            share.forEach(entry -> all.add(entry[0]));
        }

        assertThat(all).containsExactly((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6);
    }

    @Test
    void unionStateGoesWholeToEveryNewSubtask() {
        for (int subtask = 0; subtask < 4; subtask++) {
            assertThat(OperatorStateRedistribution.forSubtask(STATE, 4, subtask)
                    .get(OperatorStateStore.UNION_PREFIX + "offsets"))
                    .containsExactly(new byte[] {10}, new byte[] {11}, new byte[] {12});
        }
    }
}
