package io.spindle.api.eventtime;

import java.util.function.LongSupplier;

/**
 * Marks its output idle when no record came for the idleness timeout (measured in processing time at periodic
 * emits), so a quiet split or subtask does not hold back the watermark of the whole job; its next record makes it
 * active again.
 */
final class IdlenessAware<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long timeoutMillis;
    private final LongSupplier clock;
    private long lastActivity;
    private boolean idle;

    IdlenessAware(WatermarkGenerator<T> watermarks, long timeoutMillis, LongSupplier clock) {
        this.watermarks = watermarks;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
        this.lastActivity = clock.getAsLong();
    }

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
        watermarks.onEvent(event, timestamp, output);
        lastActivity = clock.getAsLong();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (clock.getAsLong() - lastActivity >= timeoutMillis) {
            idle = true;
            output.markIdle();
            return;
        }
        watermarks.onPeriodicEmit(output);
    }
}
