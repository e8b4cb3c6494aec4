package io.spindle.state.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * One subtask's state of one operator in a checkpoint.
 *
 * @param operatorListState per state name, the entries, each encoded with the state's codec; small,
 *                          so stored inline in {@code _metadata}
 * @param keyedState null unless the operator is keyed
 */
public record OperatorSubtaskState(int subtaskIndex, Map<String, List<byte[]>> operatorListState,
                                   KeyedStateHandle keyedState) {

    public OperatorSubtaskState {
        operatorListState = Map.copyOf(operatorListState);
    }
}
