package io.spindle.state.checkpoint;

import java.util.List;

/** All subtasks' state of one operator, found by the operator's name (its stable id). */
public record OperatorState(String operatorName, int parallelism, int maxParallelism,
                            List<OperatorSubtaskState> subtasks) {

    public OperatorState {
        subtasks = List.copyOf(subtasks);
    }
}
