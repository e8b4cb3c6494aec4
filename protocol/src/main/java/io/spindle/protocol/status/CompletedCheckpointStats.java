package io.spindle.protocol.status;

/** Figures of one completed checkpoint: trigger to completion, bytes uploaded, bytes a restore reads. */
public record CompletedCheckpointStats(long checkpointId, long durationMillis, long incrementalBytes, long fullBytes) { }
