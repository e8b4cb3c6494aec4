package io.spindle.runtime.checkpoint;

import io.spindle.protocol.checkpoint.TaskSnapshot;

/** Where tasks report their part of each checkpoint: the coordinator, directly or over the wire. */
public interface CheckpointResponder {

    void acknowledge(TaskSnapshot snapshot);

    /** The task could not take its part of the checkpoint; the checkpoint must be aborted. */
    void decline(String taskName, long checkpointId, Throwable cause);
}
