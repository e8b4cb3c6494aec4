package io.spindle.state.checkpoint;

import io.spindle.core.keys.KeyGroupRange;

import java.util.List;

/**
 * The keyed state of one subtask in a checkpoint or savepoint, in one of two forms: RocksDB's own files
 * ({@link NativeKeyedState}: checkpoints and native savepoints) or Spindle's canonical key-group file
 * ({@link CanonicalKeyedState}: canonical savepoints only, never in a checkpoint).
 */
public sealed interface KeyedStateHandle permits NativeKeyedState, CanonicalKeyedState {

    KeyGroupRange keyGroupRange();

    /** Every byte a restore of the whole handle reads. */
    long fullBytes();

    /** What the snapshot uploaded for this handle (less than {@link #fullBytes()} if it reused files). */
    long incrementalBytes();

    /** Every file the handle references. */
    List<StateFile> files();
}
