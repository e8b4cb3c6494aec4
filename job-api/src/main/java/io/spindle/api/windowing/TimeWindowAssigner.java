package io.spindle.api.windowing;

import io.spindle.api.eventtime.Watermarks;

import java.time.Duration;
import java.util.Collection;

/**
 * The built-in assigners: windows of the record's timestamp or of the clock, and checks of the durations they
 * are made of. Argument errors name the concrete assigner, as the job wrote it.
 */
abstract class TimeWindowAssigner extends WindowAssigner<Object> {

    private final boolean eventTime;

    TimeWindowAssigner(boolean eventTime) {
        this.eventTime = eventTime;
    }

    @Override
    public final Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        if (!eventTime) {
            return windowsAt(currentProcessingTime);
        }
        if (timestamp == Watermarks.NO_TIMESTAMP) {
            throw new IllegalStateException(describe() + " windows records by event time, but the stream has no"
                    + " timestamps: give its source a WatermarkStrategy that assigns them, or use processing-time"
                    + " windows");
        }
        return windowsAt(timestamp);
    }

    /** The windows containing {@code time}. */
    abstract Collection<TimeWindow> windowsAt(long time);

    @Override
    public final boolean isEventTime() {
        return eventTime;
    }

    final String name() {
        return getClass().getSimpleName();
    }

    /** Windows are made of whole milliseconds; a finer duration is refused rather than silently truncated. */
    final long millis(Duration duration, String what) {
        if (duration == null) {
            throw new NullPointerException(name() + ": the " + what + " is null");
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    name() + ": the " + what + " must be whole milliseconds, got " + duration);
        }
        return duration.toMillis();
    }

    final long positiveMillis(Duration duration, String what) {
        long millis = millis(duration, what);
        if (millis <= 0) {
            throw new IllegalArgumentException(name() + ": the " + what + " must be positive, got " + duration);
        }
        return millis;
    }

    /** An offset of a period or more would only repeat the windows of a smaller one. */
    final void checkOffset(long offset, long period, String periodName) {
        if (offset <= -period || offset >= period) {
            throw new IllegalArgumentException(name() + ": the offset must be shorter than the " + periodName
                    + " (-" + periodName + " < offset < " + periodName + "), got offset " + text(offset) + " for "
                    + periodName + " " + text(period));
        }
    }

    static String text(long millis) {
        return Duration.ofMillis(millis).toString();
    }
}
