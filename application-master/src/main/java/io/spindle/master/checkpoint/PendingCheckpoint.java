package io.spindle.master.checkpoint;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint triggered but not yet complete: which subtasks still owe their snapshot, and the
 * snapshots received. Complete when every expected subtask acknowledged.
 */
public final class PendingCheckpoint {

    /** Where an operator's state belongs in the metadata, with the states it declared and its task vertex. */
    public record OperatorInfo(String name, int vertexId, int parallelism, int maxParallelism,
                               List<StateDeclaration> states) {

        public OperatorInfo {
            states = List.copyOf(states);
        }
    }

    private final CheckpointBarrier barrier;
    private final long triggerMillis;
    private final Set<SubtaskId> awaited;
    private final List<TaskSnapshot> received = new ArrayList<>();
    private final CompletableFuture<CompletedCheckpoint> completion = new CompletableFuture<>();

    public PendingCheckpoint(CheckpointBarrier barrier, long triggerMillis, Set<SubtaskId> expected) {
        this.barrier = barrier;
        this.triggerMillis = triggerMillis;
        this.awaited = new HashSet<>(expected);
    }

    public long checkpointId() {
        return barrier.checkpointId();
    }

    public CheckpointBarrier barrier() {
        return barrier;
    }

    public boolean isSavepoint() {
        return barrier.isSavepoint();
    }

    /** Completed with the published checkpoint or savepoint, or exceptionally with why it was aborted. */
    public CompletableFuture<CompletedCheckpoint> completion() {
        return completion;
    }

    public long triggerMillis() {
        return triggerMillis;
    }

    /**
     * Records a subtask's snapshot.
     *
     * @return false if the snapshot was not awaited (unknown subtask, or a duplicate)
     */
    public boolean acknowledge(TaskSnapshot snapshot) {
        if (snapshot.checkpointId() != checkpointId()
                || !awaited.remove(new SubtaskId(snapshot.vertexId(), snapshot.subtaskIndex()))) {
            return false;
        }
        received.add(snapshot);
        return true;
    }

    /** Each part's longest among the subtasks that acknowledged: what held the checkpoint up. */
    public CheckpointTimes slowestTimes() {
        return received.stream().map(TaskSnapshot::times).reduce(new CheckpointTimes(0, 0, 0), CheckpointTimes::max);
    }

    public boolean isComplete() {
        return awaited.isEmpty();
    }

    public Set<SubtaskId> awaited() {
        return Set.copyOf(awaited);
    }

    /** Shared files the acknowledgements so far uploaded: what an abort must delete if nobody else uses them. */
    public List<StateFile> sharedFiles() {
        return received.stream().flatMap(snapshot -> snapshot.sharedFiles().stream()).toList();
    }

    /**
     * The metadata of the complete checkpoint: every operator with a subtask entry per subtask that has state, and
     * for a subtask whose input had ended an entry for every operator of its task, saying so.
     */
    public CheckpointMetadata toMetadata(String jobId, String jobName, List<OperatorInfo> operators) {
        if (!isComplete()) {
            throw new IllegalStateException("checkpoint " + checkpointId() + " still awaits " + awaited);
        }
        Map<String, List<OperatorSubtaskState>> byOperator = new HashMap<>();
        for (TaskSnapshot snapshot : received) {
            Map<String, Map<String, List<byte[]>>> listStates = new HashMap<>(snapshot.operatorStates());
            if (snapshot.keyedOperator() != null) {
                listStates.putIfAbsent(snapshot.keyedOperator(), Map.of());
            }
            if (snapshot.inputEnded()) {
                operators.stream().filter(operator -> operator.vertexId() == snapshot.vertexId())
                        .forEach(operator -> listStates.putIfAbsent(operator.name(), Map.of()));
            }
            listStates.forEach((operator, states) -> byOperator
                    .computeIfAbsent(operator, name -> new ArrayList<>())
                    .add(new OperatorSubtaskState(snapshot.subtaskIndex(), states,
                            operator.equals(snapshot.keyedOperator()) ? snapshot.keyedState() : null,
                            snapshot.inputEnded())));
        }
        Map<String, OperatorState> states = new LinkedHashMap<>();
        for (OperatorInfo operator : operators) {
            List<OperatorSubtaskState> subtasks = new ArrayList<>(byOperator.getOrDefault(operator.name(), List.of()));
            subtasks.sort(Comparator.comparingInt(OperatorSubtaskState::subtaskIndex));
            states.put(operator.name(), new OperatorState(operator.name(), operator.parallelism(),
                    operator.maxParallelism(), operator.states(), subtasks));
        }
        return new CheckpointMetadata(jobId, jobName, checkpointId(), triggerMillis,
                isSavepoint() ? barrier.savepoint().format() : null, List.copyOf(states.values()));
    }
}
