package io.spindle.state.operator;

import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an operator's list state among its subtasks on restore: each state's entries of all old
 * subtasks, in subtask order, cut into {@code parallelism} contiguous runs whose lengths differ by at
 * most one. Every entry (a file split, a generator slice) lands on exactly one subtask, whatever the
 * old and new parallelism. A union list state ({@link OperatorStateStore#UNION_PREFIX}) goes whole to
 * every subtask instead.
 */
public final class OperatorStateRedistribution {

    private OperatorStateRedistribution() { }

    /**
     * The entries of each state for {@code subtask} of {@code parallelism}; every state the operator had
     * is present, possibly with no entries, so the subtask can tell it was restored.
     */
    public static Map<String, List<byte[]>> forSubtask(OperatorState state, int parallelism, int subtask) {
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("subtask " + subtask + " of parallelism " + parallelism);
        }
        Map<String, List<byte[]>> all = new LinkedHashMap<>();
        List<OperatorSubtaskState> old = new ArrayList<>(state.subtasks());
        old.sort(Comparator.comparingInt(OperatorSubtaskState::subtaskIndex));
        for (OperatorSubtaskState subtaskState : old) {
            subtaskState.operatorListState().forEach((name, entries) ->
                    all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(entries));
        }
        Map<String, List<byte[]>> share = new LinkedHashMap<>();
        all.forEach((name, entries) -> {
            if (name.startsWith(OperatorStateStore.UNION_PREFIX)) {
                share.put(name, List.copyOf(entries));
                return;
            }
            int from = (int) ((long) entries.size() * subtask / parallelism);
            int to = (int) ((long) entries.size() * (subtask + 1) / parallelism);
            share.put(name, List.copyOf(entries.subList(from, to)));
        });
        return share;
    }
}
