package io.spindle.master.local;

import io.spindle.master.checkpoint.CompletedCheckpointStats;

import java.util.List;
import java.util.Map;

/**
 * How a finished job went.
 *
 * @param recordsIn records each operator received, by operator name, summed over its subtasks
 * @param checkpoints every checkpoint completed, in order (empty without checkpointing)
 */
public record JobResult(String jobName, long wallMillis, Map<String, Long> recordsIn,
                        List<CompletedCheckpointStats> checkpoints) { }
