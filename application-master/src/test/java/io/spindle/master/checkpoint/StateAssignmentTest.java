package io.spindle.master.checkpoint;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.state.StateDescriptor.Kind;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateAssignmentTest {

    private static final String LOCATION = "hdfs://nn/savepoints/savepoint-abc";
    private static final StateDeclaration SUM = new StateDeclaration("reduce", Kind.VALUE,
            Codecs.LONG.id(), true);

    /** numbers → keyBy → reduce "sum" (declares the reducing state "sum") → sink; max parallelism 128. */
    private static ExecutionPlan plan(int parallelism) {
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(100, i -> i, Codecs.LONG, 0))
                .keyBy(i -> i % 10, Codecs.LONG)
                .reduce("sum", Long::sum)
                .sink("out", Sinks.discard());
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", String.valueOf(parallelism),
                "pipeline.max-parallelism", "128"));
        return ExecutionPlan.of(JobGraphs.build(job, JobParams.of(Map.of()), configuration));
    }

    /** A savepoint of "sum" at {@code parallelism}, one canonical handle per subtask. */
    private static CompletedCheckpoint savepoint(String operator, int parallelism, int maxParallelism,
                                                 StateDeclaration state) {
        List<OperatorSubtaskState> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            subtasks.add(new OperatorSubtaskState(i, Map.of(), handle(i, parallelism, maxParallelism)));
        }
        return new CompletedCheckpoint(new CheckpointMetadata("job", "job", 7, 0, SavepointFormat.CANONICAL,
                List.of(new OperatorState(operator, parallelism, maxParallelism, List.of(state), subtasks))),
                LOCATION, true);
    }

    private static KeyedStateHandle handle(int subtask, int parallelism, int maxParallelism) {
        int start = (subtask * maxParallelism + parallelism - 1) / parallelism;
        int end = ((subtask + 1) * maxParallelism - 1) / parallelism;
        return new CanonicalKeyedState(new KeyGroupRange(start, end), new StateFile("keyed-" + subtask, 10, 1));
    }

    private static List<KeyedStateHandle> keyedStatesOf(Map<SubtaskId, TaskRestore> assignment, ExecutionPlan plan,
                                                        int subtask) {
        TaskVertex sum = plan.vertices().stream().filter(v -> v.head().name().equals("sum")).findFirst().orElseThrow();
        return assignment.get(new SubtaskId(sum.id(), subtask)).keyedStates();
    }

    @Test
    void scalingUpGivesEachSubtaskTheOldHandleHoldingItsKeyGroups() {
        ExecutionPlan plan = plan(4);
        CompletedCheckpoint savepoint = savepoint("sum", 2, 128, SUM);

        Map<SubtaskId, TaskRestore> assignment = StateAssignment.assign(savepoint, plan, null, false, false);

        assertThat(keyedStatesOf(assignment, plan, 0)).containsExactly(handle(0, 2, 128));
        assertThat(keyedStatesOf(assignment, plan, 1)).containsExactly(handle(0, 2, 128));
        assertThat(keyedStatesOf(assignment, plan, 3)).containsExactly(handle(1, 2, 128));
    }

    @Test
    void scalingDownGivesTheSubtaskEveryOldHandle() {
        ExecutionPlan plan = plan(1);

        Map<SubtaskId, TaskRestore> assignment = StateAssignment.assign(savepoint("sum", 3, 128, SUM), plan, null,
                false, false);

        assertThat(keyedStatesOf(assignment, plan, 0)).hasSize(3);
    }

    @Test
    void stateSavedWithAnotherCodecIsRefusedNamingOperatorAndState() {
        StateDeclaration saved = new StateDeclaration(SUM.name(), Kind.VALUE, Codecs.STRING.id(), true);

        assertThatThrownBy(() -> StateAssignment.assign(savepoint("sum", 2, 128, saved), plan(2), null, false, false))
                .isInstanceOf(StateRestoreException.class)
                .hasMessage(LOCATION + ": state '" + SUM.name() + "' of operator 'sum' was saved as value state with codec '"
                        + Codecs.STRING.id() + "', the job declares it as value state with codec '" + Codecs.LONG.id() + "'");
    }

    @Test
    void anotherMaxParallelismIsRefusedWithBothValuesAndTheReshardCommand() {
        assertThatThrownBy(() -> StateAssignment.assign(savepoint("sum", 2, 256, SUM), plan(2), null, false, false))
                .isInstanceOf(StateRestoreException.class)
                .hasMessage(LOCATION + ": operator 'sum' was saved with max parallelism 256, the job has 128; set "
                        + "pipeline.max-parallelism: 256, or re-shard a canonical savepoint: spindle savepoint-rescale "
                        + LOCATION + " <new path> --max-parallelism 128");
    }

    @Test
    void stateOfOperatorsTheJobLacksIsRefusedNamingThemUnlessAllowed() {
        CompletedCheckpoint savepoint = savepoint("total", 2, 128, SUM);

        assertThatThrownBy(() -> StateAssignment.assign(savepoint, plan(2), null, false, false))
                .isInstanceOf(StateRestoreException.class)
                .hasMessage(LOCATION + ": state of operators the job does not have: total (allow dropping it with -n / "
                        + "execution.state-recovery.ignore-unclaimed-state: true)");
        ExecutionPlan plan = plan(2);
        assertThat(StateAssignment.assign(savepoint, plan, null, false, true)).hasSize(plan.totalSubtasks());
    }
}
