package io.spindle.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Windows of one size, a new one starting every slide: a record is in size / slide windows when the slide divides
 * the size. A slide longer than the size leaves gaps, and a record in a gap is in no window.
 */
abstract class SlidingWindows extends TimeWindowAssigner {

    private final long size;
    private final long slide;
    private final long offset;

    SlidingWindows(boolean eventTime, Duration size, Duration slide, Duration offset) {
        super(eventTime);
        this.size = positiveMillis(size, "window size");
        this.slide = positiveMillis(slide, "slide");
        this.offset = millis(offset, "offset");
        // Windows start at offset + k * slide, so the offset is relative to the slide, not to the size.
        checkOffset(this.offset, this.slide, "slide");
    }

    /** The windows containing {@code time}, the latest start first (as Flink orders them). */
    @Override
    final Collection<TimeWindow> windowsAt(long time) {
        List<TimeWindow> windows = new ArrayList<>();
        for (long start = TimeWindow.windowStart(time, offset, slide); start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    @Override
    public final boolean isMerging() {
        return false;
    }

    @Override
    public final String describe() {
        return name() + ".of(" + text(size) + ", " + text(slide) + (offset == 0 ? "" : ", " + text(offset)) + ")";
    }
}
