package io.spindle.runtime.checkpoint;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.state.rocksdb.SnapshotFiles;

import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Where the asynchronous part of task snapshots runs: the files go to the job's checkpoint directory, or to
 * a savepoint's own directory, on threads other than the tasks', so processing resumes right after the barrier.
 *
 * @param checkpointFiles the job's checkpoint directory
 * @param savepointFiles a savepoint's directory, by its fully qualified path
 */
public record CheckpointUploads(SnapshotFiles checkpointFiles, Function<String, SnapshotFiles> savepointFiles,
                                Executor executor) {

    /** Where the keyed state of this barrier's snapshot goes. */
    public SnapshotFiles target(CheckpointBarrier barrier) {
        return barrier.isSavepoint() ? savepointFiles.apply(barrier.savepoint().directory()) : checkpointFiles;
    }
}
