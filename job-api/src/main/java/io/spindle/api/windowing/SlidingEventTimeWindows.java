package io.spindle.api.windowing;

import java.time.Duration;

/**
 * Sliding windows by event time: windows of the size starting at offset + k * slide for every integer k, so they
 * overlap when the slide is shorter than the size. Each record is placed by its timestamp in every window that
 * contains it (size / slide of them when the slide divides the size), listed latest start first.
 */
public final class SlidingEventTimeWindows extends SlidingWindows {

    private SlidingEventTimeWindows(Duration size, Duration slide, Duration offset) {
        super(true, size, slide, offset);
    }

    /** @throws IllegalArgumentException if the size or the slide is not positive or not whole milliseconds */
    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size, slide, Duration.ZERO);
    }

    /** @throws IllegalArgumentException also if the offset is as long as the slide or longer, either way */
    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size, slide, offset);
    }
}
