package io.spindle.master.checkpoint;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.operator.OperatorStateRedistribution;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides what every subtask of a job starts from, given a completed checkpoint: operators are matched
 * by name, list state is spread over the new subtasks, keyed state goes to the subtasks owning its key
 * groups, at any parallelism. Operators new to the job start empty. A subtask whose input had ended when the
 * state was taken starts so (see {@link OperatorStateRedistribution}). Checked before anything runs.
 */
public final class StateAssignment {

    private StateAssignment() { }

    /**
     * @param files where the checkpoint's state files are read from
     * @param ownCheckpoint whether the checkpoint lies in the job's own checkpoint directory (a failover)
     * @param allowNonRestoredState whether state of operators the job no longer has may be dropped
     * @throws StateRestoreException if the checkpoint does not fit the job
     */
    public static Map<SubtaskId, TaskRestore> assign(CompletedCheckpoint checkpoint, ExecutionPlan plan,
                                                     SnapshotFiles files, boolean ownCheckpoint,
                                                     boolean allowNonRestoredState) {
        CheckpointMetadata metadata = checkpoint.metadata();
        check(metadata, plan, allowNonRestoredState, checkpoint.directory());
        Map<SubtaskId, TaskRestore> assignment = new HashMap<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                Map<String, Map<String, List<byte[]>>> operatorStates = new LinkedHashMap<>();
                boolean inputEnded = false;
                for (StreamNode node : vertex.chain()) {
                    Optional<OperatorState> state = metadata.operator(node.name());
                    if (state.isPresent()) {
                        operatorStates.put(node.name(),
                                OperatorStateRedistribution.forSubtask(state.get(), vertex.parallelism(), subtask));
                        inputEnded |= OperatorStateRedistribution.inputEnded(state.get(), vertex.parallelism(), subtask);
                    }
                }
                KeyGroupRange keyGroups = KeyGroups.rangeOf(subtask, plan.graph().maxParallelism(), vertex.parallelism());
                List<KeyedStateHandle> keyed = metadata.operator(vertex.head().name()).stream()
                        .flatMap(state -> state.subtasks().stream())
                        .map(OperatorSubtaskState::keyedState)
                        .filter(handle -> handle != null && handle.keyGroupRange().intersects(keyGroups))
                        .toList();
                assignment.put(new SubtaskId(vertex.id(), subtask), new TaskRestore(operatorStates, keyed, files,
                        ownCheckpoint, inputEnded));
            }
        }
        return assignment;
    }

    /** The checkpoint or savepoint {@code path} points at; one that cannot be read is bad input. */
    public static CompletedCheckpoint checkpointAt(String path, org.apache.hadoop.conf.Configuration hadoop) {
        try {
            return CheckpointStorage.load(path, hadoop);
        } catch (IOException e) {
            throw new StateRestoreException("cannot restore from " + path + ": " + e.getMessage(), e);
        }
    }

    private static void check(CheckpointMetadata metadata, ExecutionPlan plan, boolean allowNonRestoredState,
                              String location) {
        Map<String, StreamNode> nodes = plan.graph().nodes().stream()
                .collect(Collectors.toMap(StreamNode::name, node -> node));
        Set<String> missing = new TreeSet<>();
        for (OperatorState state : metadata.operators()) {
            StreamNode node = nodes.get(state.operatorName());
            if (node == null) {
                if (hasState(state)) {
                    missing.add(state.operatorName());
                }
                continue;
            }
            int jobMaxParallelism = plan.graph().maxParallelism();
            if (state.maxParallelism() != jobMaxParallelism) {
                throw new StateRestoreException(location + ": operator '" + state.operatorName()
                        + "' was saved with max parallelism " + state.maxParallelism() + ", the job has "
                        + jobMaxParallelism + "; set pipeline.max-parallelism: " + state.maxParallelism()
                        + ", or re-shard a canonical savepoint: spindle savepoint-rescale " + location + " <new path> "
                        + "--max-parallelism " + jobMaxParallelism);
            }
            checkDeclarations(state, node, location);
            if (node.parallelism() != state.parallelism() && OperatorStateRedistribution.partlyEnded(state)) {
                throw new StateRestoreException(location + ": the input of operator '" + state.operatorName()
                        + "' had ended on some of its " + state.parallelism() + " subtasks only, so its end-of-input "
                        + "work ran on those only; restore it at parallelism " + state.parallelism());
            }
        }
        if (!missing.isEmpty() && !allowNonRestoredState) {
            throw new StateRestoreException(location + ": state of operators the job does not have: "
                    + String.join(", ", missing) + " (allow dropping it with -n / "
                    + "execution.state-recovery.ignore-unclaimed-state: true)");
        }
    }

    /** A state the job declares again must be of the kind and codecs it was saved with. */
    private static void checkDeclarations(OperatorState state, StreamNode node, String location) {
        for (StateDeclaration saved : state.states()) {
            for (StateDeclaration declared : node.states()) {
                if (declared.name().equals(saved.name()) && !declared.compatibleWith(saved)) {
                    throw new StateRestoreException(location + ": state '" + saved.name() + "' of operator '"
                            + node.name() + "' was saved as " + saved.describe() + ", the job declares it as "
                            + declared.describe());
                }
            }
        }
    }

    private static boolean hasState(OperatorState state) {
        return state.subtasks().stream().anyMatch(s -> s.keyedState() != null
                || s.operatorListState().values().stream().anyMatch(entries -> !entries.isEmpty()));
    }
}
