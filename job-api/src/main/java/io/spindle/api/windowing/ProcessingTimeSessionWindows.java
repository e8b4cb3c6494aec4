package io.spindle.api.windowing;

import java.time.Duration;

/**
 * Session windows by processing time: the records of a key processed at most {@code gap} apart form one session, the
 * window [first, last + gap); a record that comes between two sessions joins them into one.
 */
public final class ProcessingTimeSessionWindows extends SessionWindows {

    private ProcessingTimeSessionWindows(Duration gap) {
        super(false, gap);
    }

    /** @throws IllegalArgumentException if the gap is not positive or not whole milliseconds */
    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(gap);
    }
}
