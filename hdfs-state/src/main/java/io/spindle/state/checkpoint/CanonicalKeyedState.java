package io.spindle.state.checkpoint;

import io.spindle.core.keys.KeyGroupRange;

import java.util.List;

/**
 * Keyed state in Spindle's canonical format: one file of the logical entries of every state, key group by
 * key group, with an index by key group (the byte format is documented in
 * {@code io.spindle.state.rocksdb.CanonicalKeyGroups}). Independent of RocksDB's files, so it can be restored
 * into any number of subtasks, read by tools and re-sharded offline. Only in savepoints: everything is
 * uploaded each time, nothing is shared.
 */
public record CanonicalKeyedState(KeyGroupRange keyGroupRange, StateFile file) implements KeyedStateHandle {

    @Override
    public long fullBytes() {
        return file.size();
    }

    @Override
    public long incrementalBytes() {
        return file.size();
    }

    @Override
    public List<StateFile> files() {
        return List.of(file);
    }
}
