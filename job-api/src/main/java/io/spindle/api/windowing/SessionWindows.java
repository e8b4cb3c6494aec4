package io.spindle.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Sessions: a record opens the window [time, time + gap), and {@link MergingWindows} merges the windows that
 * overlap or touch, so a session holds the records at most gap apart and ends gap after its last record.
 */
abstract class SessionWindows extends TimeWindowAssigner {

    private final long gap;

    SessionWindows(boolean eventTime, Duration gap) {
        super(eventTime);
        this.gap = positiveMillis(gap, "session gap");
    }

    @Override
    final Collection<TimeWindow> windowsAt(long time) {
        return List.of(new TimeWindow(time, time + gap));
    }

    @Override
    public final boolean isMerging() {
        return true;
    }

    @Override
    public final String describe() {
        return name() + ".withGap(" + text(gap) + ")";
    }
}
