package io.spindle.state.checkpoint;

import java.util.List;
import java.util.Optional;

/** What {@code chk-<n>/_metadata} records: the checkpoint and every operator's state. */
public record CheckpointMetadata(String jobId, long checkpointId, long timestampMillis, List<OperatorState> operators) {

    public CheckpointMetadata {
        operators = List.copyOf(operators);
    }

    public Optional<OperatorState> operator(String name) {
        return operators.stream().filter(o -> o.operatorName().equals(name)).findFirst();
    }

    /** Bytes this checkpoint uploaded. */
    public long incrementalBytes() {
        return operators.stream().flatMap(o -> o.subtasks().stream())
                .filter(s -> s.keyedState() != null).mapToLong(s -> s.keyedState().incrementalBytes()).sum();
    }

    /** Bytes a restore reads. */
    public long fullBytes() {
        return operators.stream().flatMap(o -> o.subtasks().stream())
                .filter(s -> s.keyedState() != null).mapToLong(s -> s.keyedState().fullBytes()).sum();
    }
}
