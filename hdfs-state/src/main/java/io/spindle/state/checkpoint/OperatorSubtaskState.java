package io.spindle.state.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * One subtask's state of one operator in a checkpoint.
 *
 * @param operatorListState per state name, the entries, each encoded with the state's codec; small,
 *                          so stored inline in {@code _metadata}
 * @param keyedState null unless the operator is keyed
 * @param inputEnded whether the operator had done its end-of-input work when the state was taken: restored from
 *                   it, the subtask does not do it again
 */
public record OperatorSubtaskState(int subtaskIndex, Map<String, List<byte[]>> operatorListState,
                                   KeyedStateHandle keyedState, boolean inputEnded) {

    public OperatorSubtaskState {
        operatorListState = Map.copyOf(operatorListState);
    }

    /** The state of a subtask whose input had not ended. */
    public OperatorSubtaskState(int subtaskIndex, Map<String, List<byte[]>> operatorListState,
                                KeyedStateHandle keyedState) {
        this(subtaskIndex, operatorListState, keyedState, false);
    }
}
