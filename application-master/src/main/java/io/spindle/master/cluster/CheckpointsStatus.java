package io.spindle.master.cluster;

import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.protocol.status.CheckpointSummary;
import io.spindle.protocol.status.StatusDocument;

import java.util.Optional;

/** The checkpoints part of the status document. */
final class CheckpointsStatus {

    private CheckpointsStatus() { }

    /**
     * @param aborted checkpoints of this master attempt that did not complete
     */
    static StatusDocument.Checkpoints of(Optional<JobCheckpointing> checkpointing, int aborted) {
        if (checkpointing.isEmpty()) {
            return new StatusDocument.Checkpoints(0, aborted, Optional.empty(), Optional.empty());
        }
        JobCheckpointing checkpoints = checkpointing.get();
        // the summary is of this master attempt's checkpoints: an earlier attempt's figures died with it
        return new StatusDocument.Checkpoints(checkpoints.coordinator().completedCount(), aborted,
                checkpoints.coordinator().latestCompletedStats().map(latest -> new StatusDocument.Checkpoint(
                        latest.checkpointId(), checkpoints.jobDirectory() + "/chk-" + latest.checkpointId(),
                        latest.fullBytes(), latest.incrementalBytes(), latest.durationMillis())),
                CheckpointSummary.of(checkpoints.completed()));
    }
}
