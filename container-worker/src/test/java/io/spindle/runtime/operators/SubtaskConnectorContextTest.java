package io.spindle.runtime.operators;

import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.operator.OperatorStateStore;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubtaskConnectorContextTest {

    private static final ListStateDescriptor<Long> POSITIONS = new ListStateDescriptor<>("positions", Codecs.LONG);

    private final FileAccess files = new HadoopFileAccess(new org.apache.hadoop.conf.Configuration());

    private static OperatorRuntime runtime(OperatorStates states, FileAccess files) {
        return new OperatorRuntime("job-1", 1, 4, 2, states, null, files, () -> 0L, new ElementTimestamp());
    }

    @Test
    void aConnectorSeesItsJobSubtaskAttemptAndFiles() {
        SubtaskConnectorContext context = new SubtaskConnectorContext(runtime(new OperatorStates(), files), "source");

        assertThat(List.of(context.jobId(), context.subtaskIndex(), context.parallelism(), context.attemptNumber()))
                .containsExactly("job-1", 1, 4, 2);
        assertThat(context.files()).isSameAs(files);
    }

    @Test
    void theStateOfAConnectorIsThatOfItsOperatorNotOfAnotherInTheChain() {
        OperatorStates states = new OperatorStates();
        SubtaskConnectorContext source = new SubtaskConnectorContext(runtime(states, files), "source");
        SubtaskConnectorContext sink = new SubtaskConnectorContext(runtime(states, files), "sink");

        source.operatorListState(POSITIONS).add(1L);
        sink.unionListState(POSITIONS).add(2L);

        assertThat(states.snapshot()).containsOnlyKeys("source", "sink");
        assertThat(states.snapshot().get("source")).containsOnlyKeys("positions");
        assertThat(states.snapshot().get("sink")).containsOnlyKeys(OperatorStateStore.UNION_PREFIX + "positions");
    }

    @Test
    void aConnectorOfARestoredSubtaskIsRestoredWithItsOperatorsEntries() {
        OperatorStates running = new OperatorStates();
        new SubtaskConnectorContext(runtime(running, files), "source").operatorListState(POSITIONS).add(42L);

        SubtaskConnectorContext restored = new SubtaskConnectorContext(
                runtime(new OperatorStates(running.snapshot()), files), "source");

        assertThat(restored.isRestored()).isTrue();
        assertThat(restored.operatorListState(POSITIONS).get()).containsExactly(42L);
    }

    @Test
    void aConnectorOfAFreshSubtaskIsNotRestored() {
        assertThat(new SubtaskConnectorContext(runtime(new OperatorStates(), files), "source").isRestored()).isFalse();
        assertThat(new SubtaskConnectorContext(runtime(new OperatorStates(Map.of()), files), "source").isRestored())
                .isTrue();
    }
}
