package io.spindle.master.checkpoint;

import io.spindle.protocol.checkpoint.CheckpointBarrier;

/** The running tasks as the coordinator sees them: in one JVM, or across containers. */
public interface CheckpointTarget {

    /** Asks every source subtask to start checkpoint n, or a savepoint, with this barrier. */
    void triggerCheckpoint(CheckpointBarrier barrier);

    /** Tells every subtask that checkpoint n is complete: sinks may commit, backends move their base. */
    void notifyCheckpointComplete(long checkpointId);

    /** Tells every subtask that checkpoint n will never complete. */
    void notifyCheckpointAborted(long checkpointId);
}
