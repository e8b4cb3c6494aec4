package io.spindle.runtime.tasks;

import io.spindle.api.connectors.FileAccess;
import io.spindle.state.rocksdb.RocksDbResources;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What every task of a worker shares.
 *
 * @param stateDirectory where the tasks' RocksDB instances live
 * @param bufferTimeoutMillis the longest a partly filled buffer waits before it is sent
 */
public record TaskServices(ChannelProvider channels, RocksDbResources rocksDb, Path stateDirectory, FileAccess files,
                           LongSupplier clock, long bufferTimeoutMillis, int bufferSize, TaskListener listener) { }
