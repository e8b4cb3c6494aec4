package io.spindle.api.windowing;

import java.time.Duration;

/**
 * Tumbling windows by event time: the windows [offset + k * size, offset + (k + 1) * size) for every integer k; a
 * record is in the one containing its timestamp. Without an offset they are aligned to the epoch (hourly windows
 * start on the hour in UTC); an offset shifts them, e.g. by a time zone's distance from UTC for daily windows.
 */
public final class TumblingEventTimeWindows extends TumblingWindows {

    private TumblingEventTimeWindows(Duration size, Duration offset) {
        super(true, size, offset);
    }

    /** @throws IllegalArgumentException if the size is not positive or not whole milliseconds */
    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size, Duration.ZERO);
    }

    /** @throws IllegalArgumentException also if the offset is as long as the size or longer, either way */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size, offset);
    }
}
