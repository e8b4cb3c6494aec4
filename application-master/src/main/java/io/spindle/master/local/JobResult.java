package io.spindle.master.local;

import io.spindle.protocol.status.CompletedCheckpointStats;

import java.util.List;
import java.util.Map;

/**
 * How a finished job went.
 *
 * @param recordsIn records each operator received, by operator name, summed over its subtasks and over
 *                  every attempt (records replayed after a restore count again)
 * @param checkpoints every checkpoint completed, in order (empty without checkpointing)
 * @param restarts how many times the job failed over
 * @param recoveryMillis per restart, from the failure to the first record received after the restore
 *                       (missing for a restart whose attempt failed before any record arrived)
 * @param firstRecordMillis when a task first received a record from upstream in the first attempt (after a
 *                          restore: the state is in place), in epoch milliseconds; 0 if none did
 */
public record JobResult(String jobName, long wallMillis, Map<String, Long> recordsIn,
                        List<CompletedCheckpointStats> checkpoints, int restarts, List<Long> recoveryMillis,
                        long firstRecordMillis) {

    public JobResult {
        recordsIn = Map.copyOf(recordsIn);
        checkpoints = List.copyOf(checkpoints);
        recoveryMillis = List.copyOf(recoveryMillis);
    }
}
