package io.spindle.protocol.checkpoint;

import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.List;
import java.util.Map;

/**
 * What one subtask starts from when the job resumes from a checkpoint or savepoint.
 *
 * @param operatorStates per operator name of the chain, the encoded entries of each list state, as
 *                       redistributed to this subtask
 * @param keyedStates the keyed state of the chain's keyed head operator: the handles of the old subtasks whose
 *                    key groups overlap this subtask's (one, unless the parallelism changed); none if it has none
 *                    or is new to the job
 * @param files where the keyed state's files are read from
 * @param reuseUploadedFiles whether the checkpoint lies in this job's own checkpoint directory, so later
 *                           incremental checkpoints may reference its files instead of uploading them again
 * @param inputEnded whether the subtask's operators had done their end-of-input work when the state was taken:
 *                   they do not do it again (their output is in the restored state downstream)
 */
public record TaskRestore(Map<String, Map<String, List<byte[]>>> operatorStates, List<KeyedStateHandle> keyedStates,
                          SnapshotFiles files, boolean reuseUploadedFiles, boolean inputEnded) {

    public TaskRestore {
        operatorStates = Map.copyOf(operatorStates);
        keyedStates = List.copyOf(keyedStates);
    }
}
