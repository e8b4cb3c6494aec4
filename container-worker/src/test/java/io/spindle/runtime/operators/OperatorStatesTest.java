package io.spindle.runtime.operators;

import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListStateDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorStatesTest {

    private static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Codecs.LONG);

    @Test
    void eachOperatorHasAStoreOfItsOwnTheSameOnEveryCall() {
        OperatorStates states = new OperatorStates();

        states.of("source").listState(OFFSETS).add(1L);
        states.of("sink").listState(OFFSETS).add(2L);

        assertThat(states.of("source").listState(OFFSETS).get()).containsExactly(1L);
        assertThat(states.of("sink").listState(OFFSETS).get()).containsExactly(2L);
    }

    @Test
    void aSnapshotRestoresEachOperatorsEntriesToThatOperator() {
        OperatorStates running = new OperatorStates();
        running.of("source").listState(OFFSETS).update(List.of(3L, 4L));
        running.of("sink").listState(OFFSETS).add(9L);

        Map<String, Map<String, List<byte[]>>> snapshot = running.snapshot();
        OperatorStates restored = new OperatorStates(snapshot);

        assertThat(snapshot).containsOnlyKeys("source", "sink");
        assertThat(restored.of("source").listState(OFFSETS).get()).containsExactly(3L, 4L);
        assertThat(restored.of("sink").listState(OFFSETS).get()).containsExactly(9L);
    }

    @Test
    void aFreshSubtasksOperatorsAreNotRestored() {
        assertThat(new OperatorStates().of("source").isRestored()).isFalse();
    }

    @Test
    void everyOperatorOfARestoredSubtaskIsRestoredEvenOneTheSnapshotGaveNothing() {
        // an operator new to the job, or one that had no state, must still know the job resumed
        OperatorStates restored = new OperatorStates(Map.of("source", Map.of()));

        assertThat(restored.of("source").isRestored()).isTrue();
        assertThat(restored.of("added").isRestored()).isTrue();
        assertThat(restored.of("added").listState(OFFSETS).get()).isEmpty();
    }

    @Test
    void aSnapshotHoldsOnlyTheOperatorsThatAskedForState() {
        OperatorStates states = new OperatorStates(Map.of("gone", Map.of("offsets", List.of(new byte[8]))));
        states.of("source");

        assertThat(states.snapshot()).containsOnlyKeys("source");
    }
}
