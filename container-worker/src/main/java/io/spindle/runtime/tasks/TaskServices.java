package io.spindle.runtime.tasks;

import io.spindle.api.connectors.FileAccess;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.runtime.checkpoint.CheckpointUploads;
import io.spindle.state.rocksdb.RocksDbResources;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What every task of a worker shares.
 *
 * @param jobId the job's id: the same in all its attempts, unique among jobs
 * @param attemptNumber 0 in the job's first execution, one more after each restart
 * @param stateDirectory where the tasks' RocksDB instances live
 * @param bufferTimeoutMillis the longest a partly filled buffer waits before it is sent
 * @param exactlyOnce whether barriers are aligned (EXACTLY_ONCE) or only counted (AT_LEAST_ONCE)
 * @param checkpointing whether the job takes periodic checkpoints: then a task whose input ended waits for the final
 *                      checkpoint, whose completion commits what it wrote; without, it commits at the end of its input
 * @param uploads where and on which threads keyed state is uploaded (checkpoints and savepoints); null without a
 *                checkpoint directory
 * @param metricsEnabled whether tasks time their waits and read their RocksDB for the metrics
 */
public record TaskServices(String jobId, int attemptNumber, ChannelProvider channels, RocksDbResources rocksDb, Path stateDirectory, FileAccess files,
                           LongSupplier clock, long bufferTimeoutMillis, int bufferSize, TaskListener listener,
                           CheckpointResponder checkpoints, boolean exactlyOnce, boolean checkpointing,
                           CheckpointUploads uploads, boolean metricsEnabled) { }
