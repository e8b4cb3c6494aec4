package io.spindle.api.windowing;

import java.time.Duration;

/**
 * Session windows by event time: the records of a key whose timestamps are at most {@code gap} apart form one session,
 * the window [first, last + gap); a record that comes between two sessions joins them into one.
 */
public final class EventTimeSessionWindows extends SessionWindows {

    private EventTimeSessionWindows(Duration gap) {
        super(true, gap);
    }

    /** @throws IllegalArgumentException if the gap is not positive or not whole milliseconds */
    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(gap);
    }
}
