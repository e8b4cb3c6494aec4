package io.spindle.protocol.control;

import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.storage.CorruptMetadataException;
import io.spindle.state.checkpoint.storage.MetadataSerializer;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subtask's state on the control connection, both ways: its checkpoint acknowledgement and what it
 * restores from. Written in the {@code _metadata} format (checksummed, pinned by its own tests) with one
 * operator entry per operator of the chain: the list states it snapshotted, the keyed state on the operator
 * that owns it. An operator entry's parallelism says whether the operator had list state to carry (1) or is
 * present only for its keyed state (0), so that "restored with no list state" and "nothing to restore" stay
 * apart. A snapshot's task name travels as the job id and its vertex and subtask as the timestamp; whether the
 * subtask's input had ended, as every entry's flag. The snapshot's times travel beside these bytes.
 */
public final class SubtaskStates {

    private SubtaskStates() { }

    public static byte[] snapshotBytes(TaskSnapshot snapshot) {
        List<OperatorState> operators = operators(snapshot.subtaskIndex(), snapshot.operatorStates(),
                snapshot.keyedOperator(), snapshot.keyedState() == null ? List.of() : List.of(snapshot.keyedState()),
                snapshot.inputEnded());
        return MetadataSerializer.serialize(new CheckpointMetadata(snapshot.taskName(), "", snapshot.checkpointId(),
                ((long) snapshot.vertexId() << 32) | snapshot.subtaskIndex(), null, operators));
    }

    public static TaskSnapshot snapshot(byte[] bytes, CheckpointTimes times) {
        CheckpointMetadata metadata = parse(bytes);
        int vertexId = (int) (metadata.timestampMillis() >>> 32);
        int subtask = (int) metadata.timestampMillis();
        Decoded decoded = decode(metadata);
        return new TaskSnapshot(metadata.jobId(), vertexId, subtask, metadata.checkpointId(), decoded.operatorStates,
                decoded.keyedOperator, decoded.keyedStates.isEmpty() ? null : decoded.keyedStates.get(0),
                decoded.inputEnded, times);
    }

    /** The restore's files are not carried: the worker opens them from the directory the deployment names. */
    public static byte[] restoreBytes(TaskRestore restore) {
        return MetadataSerializer.serialize(new CheckpointMetadata("", "", 0, 0, null,
                operators(0, restore.operatorStates(), restore.keyedStates().isEmpty() ? null : "",
                        restore.keyedStates(), restore.inputEnded())));
    }

    public static TaskRestore restore(byte[] bytes, SnapshotFiles files, boolean reuseUploadedFiles) {
        Decoded decoded = decode(parse(bytes));
        return new TaskRestore(decoded.operatorStates, decoded.keyedStates, files, reuseUploadedFiles,
                decoded.inputEnded);
    }

    private static List<OperatorState> operators(int subtask, Map<String, Map<String, List<byte[]>>> operatorStates,
                                                 String keyedOperator, List<KeyedStateHandle> keyedStates,
                                                 boolean inputEnded) {
        List<OperatorState> operators = new ArrayList<>();
        operatorStates.forEach((name, lists) -> operators.add(new OperatorState(name, 1, 1, List.of(),
                entries(subtask, lists, name.equals(keyedOperator) ? keyedStates : List.of(), inputEnded))));
        if (!keyedStates.isEmpty() && !operatorStates.containsKey(keyedOperator)) {
            operators.add(new OperatorState(keyedOperator, 0, 1, List.of(),
                    entries(subtask, Map.of(), keyedStates, inputEnded)));
        }
        if (operators.isEmpty() && inputEnded) {
            // a task without state still says that its input had ended
            operators.add(new OperatorState("", 0, 1, List.of(), entries(subtask, Map.of(), List.of(), true)));
        }
        return operators;
    }

    /** The list states and the first keyed handle in one entry, every further keyed handle in an entry of its own. */
    private static List<OperatorSubtaskState> entries(int subtask, Map<String, List<byte[]>> lists,
                                                      List<KeyedStateHandle> keyedStates, boolean inputEnded) {
        List<OperatorSubtaskState> entries = new ArrayList<>();
        entries.add(new OperatorSubtaskState(subtask, lists, keyedStates.isEmpty() ? null : keyedStates.get(0),
                inputEnded));
        for (int i = 1; i < keyedStates.size(); i++) {
            entries.add(new OperatorSubtaskState(subtask, Map.of(), keyedStates.get(i), inputEnded));
        }
        return entries;
    }

    private static Decoded decode(CheckpointMetadata metadata) {
        Map<String, Map<String, List<byte[]>>> operatorStates = new LinkedHashMap<>();
        String keyedOperator = null;
        List<KeyedStateHandle> keyedStates = new ArrayList<>();
        boolean inputEnded = false;
        for (OperatorState operator : metadata.operators()) {
            inputEnded |= operator.subtasks().stream().anyMatch(OperatorSubtaskState::inputEnded);
            if (operator.parallelism() == 1) {
                operatorStates.put(operator.operatorName(), operator.subtasks().get(0).operatorListState());
            }
            for (OperatorSubtaskState entry : operator.subtasks()) {
                if (entry.keyedState() != null) {
                    keyedOperator = operator.operatorName();
                    keyedStates.add(entry.keyedState());
                }
            }
        }
        return new Decoded(operatorStates, keyedOperator, keyedStates, inputEnded);
    }

    private static CheckpointMetadata parse(byte[] bytes) {
        try {
            return MetadataSerializer.deserialize(bytes);
        } catch (CorruptMetadataException e) {
            throw new UncheckedIOException("corrupt subtask state on the control connection: " + e.getMessage(), e);
        }
    }

    private record Decoded(Map<String, Map<String, List<byte[]>>> operatorStates, String keyedOperator,
                           List<KeyedStateHandle> keyedStates, boolean inputEnded) { }
}
