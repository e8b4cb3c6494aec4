package io.spindle.runtime.checkpoint;

import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.List;
import java.util.Map;

/**
 * What one subtask starts from when the job resumes from a checkpoint or savepoint.
 *
 * @param operatorStates per operator name of the chain, the encoded entries of each list state, as
 *                       redistributed to this subtask
 * @param keyedState the RocksDB files of the chain's keyed head operator, or null (none, or new to the job)
 * @param files where the keyed state's files are read from
 * @param reuseUploadedFiles whether the checkpoint lies in this job's own checkpoint directory, so later
 *                           incremental checkpoints may reference its files instead of uploading them again
 */
public record TaskRestore(Map<String, Map<String, List<byte[]>>> operatorStates, KeyedStateHandle keyedState,
                          SnapshotFiles files, boolean reuseUploadedFiles) {

    public TaskRestore {
        operatorStates = Map.copyOf(operatorStates);
    }
}
