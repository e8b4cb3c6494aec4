package io.spindle.state.checkpoint;

import io.spindle.core.keys.KeyGroupRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyed state as a RocksDB instance's files. Keys of the maps are the files' names in the RocksDB directory,
 * so a restore can lay them out again.
 *
 * @param sharedFiles immutable SST files under {@code shared/}, possibly uploaded by an earlier checkpoint;
 *                    none in a savepoint, which shares nothing
 * @param privateFiles MANIFEST, CURRENT, OPTIONS... under {@code chk-<n>/}, only this checkpoint's; in a
 *                     native savepoint, every file, SSTs included
 * @param incrementalBytes what this snapshot uploaded for this subtask (its "incremental size")
 */
public record NativeKeyedState(KeyGroupRange keyGroupRange, Map<String, StateFile> sharedFiles,
                               Map<String, StateFile> privateFiles, long incrementalBytes)
        implements KeyedStateHandle {

    public NativeKeyedState {
        sharedFiles = Map.copyOf(sharedFiles);
        privateFiles = Map.copyOf(privateFiles);
    }

    @Override
    public long fullBytes() {
        return sharedFiles.values().stream().mapToLong(StateFile::size).sum()
                + privateFiles.values().stream().mapToLong(StateFile::size).sum();
    }

    @Override
    public List<StateFile> files() {
        List<StateFile> files = new ArrayList<>(sharedFiles.values());
        files.addAll(privateFiles.values());
        return files;
    }
}
