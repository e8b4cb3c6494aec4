package io.spindle.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Windows of one size that follow each other without overlap: every record is in exactly one. */
abstract class TumblingWindows extends TimeWindowAssigner {

    private final long size;
    private final long offset;

    TumblingWindows(boolean eventTime, Duration size, Duration offset) {
        super(eventTime);
        this.size = positiveMillis(size, "window size");
        this.offset = millis(offset, "offset");
        checkOffset(this.offset, this.size, "window size");
    }

    @Override
    final Collection<TimeWindow> windowsAt(long time) {
        long start = TimeWindow.windowStart(time, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public final boolean isMerging() {
        return false;
    }

    @Override
    public final String describe() {
        return name() + ".of(" + text(size) + (offset == 0 ? "" : ", " + text(offset)) + ")";
    }
}
