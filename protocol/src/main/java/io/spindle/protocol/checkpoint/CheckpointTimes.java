package io.spindle.protocol.checkpoint;

/**
 * How long a subtask's part of a checkpoint took, in milliseconds: barrier alignment (the first barrier's arrival to
 * the last's), the snapshot on the task thread, and the upload after it.
 */
public record CheckpointTimes(long alignmentMillis, long syncMillis, long asyncMillis) {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public static CheckpointTimes ofNanos(long alignmentNanos, long syncNanos, long asyncNanos) {
        return new CheckpointTimes(alignmentNanos / NANOS_PER_MILLI, syncNanos / NANOS_PER_MILLI,
                asyncNanos / NANOS_PER_MILLI);
    }

    /** Each part's longest of the two: a checkpoint waits for its slowest subtask in every part. */
    public CheckpointTimes max(CheckpointTimes other) {
        return new CheckpointTimes(Math.max(alignmentMillis, other.alignmentMillis),
                Math.max(syncMillis, other.syncMillis), Math.max(asyncMillis, other.asyncMillis));
    }
}
