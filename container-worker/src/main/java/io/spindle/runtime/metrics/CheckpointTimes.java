package io.spindle.runtime.metrics;

/** The parts of a subtask's checkpoint, in milliseconds: barrier alignment, the snapshot on the task thread, the upload. */
public record CheckpointTimes(long checkpointId, long alignmentMillis, long syncMillis, long asyncMillis) {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public static CheckpointTimes of(long checkpointId, long alignmentNanos, long syncNanos, long asyncNanos) {
        return new CheckpointTimes(checkpointId, alignmentNanos / NANOS_PER_MILLI, syncNanos / NANOS_PER_MILLI,
                asyncNanos / NANOS_PER_MILLI);
    }
}
