package io.spindle.state.operator;

import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OperatorStateStoreTest {

    private static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Codecs.LONG);

    @Test
    void unionStateIsSnapshottedUnderItsUnionNameAndRestoredFromIt() throws Exception {
        OperatorStateStore store = new OperatorStateStore();
        store.unionListState(OFFSETS).add(7L);

        Map<String, List<byte[]>> snapshot = store.snapshot();
        ListState<Long> restored = new OperatorStateStore(snapshot, true).unionListState(OFFSETS);

        assertThat(snapshot).containsOnlyKeys(OperatorStateStore.UNION_PREFIX + "offsets");
        assertThat(restored.get()).containsExactly(7L);
    }

    @Test
    void aStateNameWithTheUnionPrefixIsRefused() {
        OperatorStateStore store = new OperatorStateStore();

        assertThatIllegalArgumentException().isThrownBy(() -> store.listState(
                new ListStateDescriptor<>(OperatorStateStore.UNION_PREFIX + "x", Codecs.LONG)))
                .withMessage("operator state 'union:x': names starting with 'union:' are reserved");
    }

    @Test
    void oneNameCannotBeBothUnionAndEvenlySplit() {
        OperatorStateStore store = new OperatorStateStore();
        store.listState(OFFSETS);

        assertThatIllegalArgumentException().isThrownBy(() -> store.unionListState(OFFSETS))
                .withMessage("operator state 'offsets' declared both as union and as evenly split list state");
    }
}
