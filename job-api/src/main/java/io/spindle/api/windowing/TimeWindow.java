package io.spindle.api.windowing;

import io.spindle.api.codec.Codec;

/**
 * A window of time {@code [start, end)} in epoch milliseconds: it holds the records with
 * {@code start <= timestamp < end}, and is never empty. Ordered by start, then end.
 */
public record TimeWindow(long start, long end) implements Comparable<TimeWindow> {

    /** Id "time-window": start then end, each 8 bytes big-endian. Part of the savepoint format. */
    public static final Codec<TimeWindow> CODEC = new TimeWindowCodec();

    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException("a window must end after it starts, got [" + start + ", " + end + ")");
        }
    }

    /** The last timestamp in the window: the time an event-time window is complete at. */
    public long maxTimestamp() {
        return end - 1;
    }

    /**
     * Whether the windows overlap or touch. Touching counts so that session windows of gap g, each
     * {@code [timestamp, timestamp + g)}, merge the records at most g apart.
     */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window containing both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code size} that contains {@code timestamp}, when windows start at
     * {@code offset} plus multiples of {@code size} (rounding down, also for negative timestamps).
     */
    public static long windowStart(long timestamp, long offset, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + size);
        }
        // Both remainders are in [0, size), so nothing overflows, unlike a remainder of (timestamp - offset).
        return timestamp - Math.floorMod(Math.floorMod(timestamp, size) - Math.floorMod(offset, size), size);
    }

    @Override
    public int compareTo(TimeWindow other) {
        int byStart = Long.compare(start, other.start);
        return byStart != 0 ? byStart : Long.compare(end, other.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
