package io.spindle.state.checkpoint;

import io.spindle.core.keys.KeyGroupRange;

import java.util.Map;

/**
 * The keyed state of one subtask in a checkpoint: a RocksDB instance as files. Keys of the maps are
 * the files' names in the RocksDB directory, so a restore can lay them out again.
 *
 * @param sharedFiles immutable SST files under {@code shared/}, possibly uploaded by an earlier checkpoint
 * @param privateFiles MANIFEST, CURRENT, OPTIONS... under {@code chk-<n>/}, only this checkpoint's
 * @param incrementalBytes what this checkpoint uploaded for this subtask (its "incremental size")
 */
public record KeyedStateHandle(KeyGroupRange keyGroupRange, Map<String, StateFile> sharedFiles,
                               Map<String, StateFile> privateFiles, long incrementalBytes) {

    public KeyedStateHandle {
        sharedFiles = Map.copyOf(sharedFiles);
        privateFiles = Map.copyOf(privateFiles);
    }

    /** Every byte the restored instance needs. */
    public long fullBytes() {
        return sharedFiles.values().stream().mapToLong(StateFile::size).sum()
                + privateFiles.values().stream().mapToLong(StateFile::size).sum();
    }
}
