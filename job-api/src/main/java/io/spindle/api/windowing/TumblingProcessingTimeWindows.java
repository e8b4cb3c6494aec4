package io.spindle.api.windowing;

import java.time.Duration;

/**
 * Tumbling windows by processing time: the windows [offset + k * size, offset + (k + 1) * size) for every integer k;
 * a record is in the one containing the time the operator processes it. Without an offset they are aligned to the
 * epoch (hourly windows start on the hour in UTC); an offset shifts them, e.g. by a time zone's distance from UTC
 * for daily windows.
 */
public final class TumblingProcessingTimeWindows extends TumblingWindows {

    private TumblingProcessingTimeWindows(Duration size, Duration offset) {
        super(false, size, offset);
    }

    /** @throws IllegalArgumentException if the size is not positive or not whole milliseconds */
    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size, Duration.ZERO);
    }

    /** @throws IllegalArgumentException also if the offset is as long as the size or longer, either way */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size, offset);
    }
}
