package io.spindle.state.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * What {@code _metadata} records: the checkpoint or savepoint and every operator's state.
 *
 * @param jobName         the name of the job that took it, for people reading it
 * @param savepointFormat how a savepoint holds keyed state; null for a checkpoint
 */
public record CheckpointMetadata(String jobId, String jobName, long checkpointId, long timestampMillis,
                                 SavepointFormat savepointFormat, List<OperatorState> operators) {

    public CheckpointMetadata {
        operators = List.copyOf(operators);
    }

    public boolean isSavepoint() {
        return savepointFormat != null;
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
