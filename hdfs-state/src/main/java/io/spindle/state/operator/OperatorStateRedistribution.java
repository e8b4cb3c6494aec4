package io.spindle.state.operator;

import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an operator's list state among its subtasks on restore. At the parallelism it was saved with, every
 * subtask gets back exactly what it saved (as Flink's round-robin repartitioner does), so state that belongs to
 * a subtask stays with it. At another, each state's entries of all old subtasks, in subtask order, are cut into
 * {@code parallelism} contiguous runs whose lengths differ by at most one: every entry (a file split, a generator
 * slice) lands on exactly one subtask. A union list state ({@link OperatorStateStore#UNION_PREFIX}) goes whole
 * to every subtask instead.
 *
 * <p>Whether a subtask's input had ended moves with its state: at the saved parallelism each subtask keeps its
 * own; at another, a new subtask's input has ended only if every old subtask's had, and an operator whose input
 * had ended on some subtasks only cannot be restored at another parallelism ({@link #partlyEnded}).
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
        boolean sameParallelism = parallelism == state.parallelism();
        for (OperatorSubtaskState subtaskState : old) {
            boolean candidate = !sameParallelism || subtaskState.subtaskIndex() == subtask;
            subtaskState.operatorListState().forEach((name, entries) -> {
                List<byte[]> collected = all.computeIfAbsent(name, n -> new ArrayList<>());
                if (candidate || name.startsWith(OperatorStateStore.UNION_PREFIX)) {
                    collected.addAll(entries);
                }
            });
        }
        Map<String, List<byte[]>> share = new LinkedHashMap<>();
        all.forEach((name, entries) -> {
            if (name.startsWith(OperatorStateStore.UNION_PREFIX)) {
                share.put(name, List.copyOf(entries));
                return;
            }
            if (sameParallelism) {
                share.put(name, List.copyOf(entries));
                return;
            }
            int from = (int) ((long) entries.size() * subtask / parallelism);
            int to = (int) ((long) entries.size() * (subtask + 1) / parallelism);
            share.put(name, List.copyOf(entries.subList(from, to)));
        });
        return share;
    }

    /** Whether the input of new subtask {@code subtask} of {@code parallelism} had ended (see the class comment). */
    public static boolean inputEnded(OperatorState state, int parallelism, int subtask) {
        if (parallelism == state.parallelism()) {
            return state.subtasks().stream().anyMatch(s -> s.subtaskIndex() == subtask && s.inputEnded());
        }
        return !state.subtasks().isEmpty() && state.subtasks().stream().allMatch(OperatorSubtaskState::inputEnded);
    }

    /**
     * Whether the operator's input had ended on some of its subtasks but not all: its end-of-input work ran on
     * some only, which no other parallelism can represent.
     */
    public static boolean partlyEnded(OperatorState state) {
        long ended = state.subtasks().stream().filter(OperatorSubtaskState::inputEnded).count();
        return ended > 0 && ended < state.subtasks().size();
    }
}
