package io.spindle.runtime.checkpoint;

import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.concurrent.Executor;

/**
 * Where the asynchronous part of task snapshots runs: the files go to the job's checkpoint
 * directory, on threads other than the tasks', so processing resumes right after the barrier.
 */
public record CheckpointUploads(SnapshotFiles files, Executor executor) { }
