package io.spindle.state.checkpoint;

import io.spindle.core.graph.StateDeclaration;

import java.util.List;

/**
 * All subtasks' state of one operator, found by the operator's name (its stable id).
 *
 * @param states what the operator declared (name, kind, codec id, keyed), so that tools and restores can
 *               read and check the state without the job's code
 */
public record OperatorState(String operatorName, int parallelism, int maxParallelism, List<StateDeclaration> states,
                            List<OperatorSubtaskState> subtasks) {

    public OperatorState {
        states = List.copyOf(states);
        subtasks = List.copyOf(subtasks);
    }
}
