package io.spindle.state.rocksdb;

import io.spindle.core.config.Configuration;
import io.spindle.core.options.CheckpointingOptions;

/**
 * How a RocksDB backend checkpoints.
 *
 * @param incremental upload only SST files that the last confirmed checkpoint did not upload, to
 *                    {@code shared/}; otherwise every file of every checkpoint goes to {@code chk-<n>/} and
 *                    nothing is shared between checkpoints
 * @param transferThreads threads that upload a snapshot's files (and download them on restore) in parallel
 */
public record RocksDbCheckpointOptions(boolean incremental, int transferThreads) {

    /** As Flink's {@code state.backend.rocksdb.checkpoint.transfer.thread.num}. */
    public static final int DEFAULT_TRANSFER_THREADS = 4;

    /** Full snapshots (the configuration's default), {@value #DEFAULT_TRANSFER_THREADS} transfer threads. */
    public static final RocksDbCheckpointOptions DEFAULTS =
            new RocksDbCheckpointOptions(CheckpointingOptions.INCREMENTAL.defaultValue().orElse(false),
                    DEFAULT_TRANSFER_THREADS);

    public RocksDbCheckpointOptions {
        if (transferThreads < 1) {
            throw new IllegalArgumentException("at least one transfer thread is needed, got " + transferThreads);
        }
    }

    /** {@code execution.checkpointing.incremental} (or {@code state.backend.incremental}). */
    public static RocksDbCheckpointOptions fromConfig(Configuration config) {
        return new RocksDbCheckpointOptions(config.get(CheckpointingOptions.INCREMENTAL), DEFAULT_TRANSFER_THREADS);
    }

    public static RocksDbCheckpointOptions incremental(int transferThreads) {
        return new RocksDbCheckpointOptions(true, transferThreads);
    }

    public static RocksDbCheckpointOptions full(int transferThreads) {
        return new RocksDbCheckpointOptions(false, transferThreads);
    }
}
