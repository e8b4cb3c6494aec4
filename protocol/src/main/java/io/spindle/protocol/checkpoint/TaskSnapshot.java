package io.spindle.protocol.checkpoint;

import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import java.util.List;
import java.util.Map;

/**
 * A subtask's part of checkpoint n, sent when it took its snapshot and uploaded its keyed state.
 *
 * @param operatorStates per operator name, the encoded entries of each of its list states
 * @param keyedOperator the operator the keyed state belongs to, or null if the task has none
 * @param keyedState the uploaded RocksDB files, or null if the task has no keyed state
 * @param inputEnded whether the task's operators had done their end-of-input work before the snapshot: a task
 *                   restored from it does not do it again
 * @param times how long the subtask took for each part of it
 */
public record TaskSnapshot(String taskName, int vertexId, int subtaskIndex, long checkpointId,
                           Map<String, Map<String, List<byte[]>>> operatorStates, String keyedOperator,
                           KeyedStateHandle keyedState, boolean inputEnded,
                           CheckpointTimes times) {

    /** A snapshot without keyed state. */
    public TaskSnapshot(String taskName, int vertexId, int subtaskIndex, long checkpointId,
                        Map<String, Map<String, List<byte[]>>> operatorStates, boolean inputEnded,
                        CheckpointTimes times) {
        this(taskName, vertexId, subtaskIndex, checkpointId, operatorStates, null, null, inputEnded, times);
    }

    /** Files this snapshot put under {@code shared/} (to delete if its checkpoint is aborted). */
    public List<StateFile> sharedFiles() {
        return keyedState instanceof NativeKeyedState nativeState ? List.copyOf(nativeState.sharedFiles().values())
                : List.of();
    }
}
