package io.spindle.api.eventtime;

import java.time.Duration;

/**
 * Records arrive at most {@code maxOutOfOrderness} later than a record with a larger timestamp: the watermark is the
 * largest timestamp seen, less that bound, less one (a record exactly at the bound is still on time). Emitted
 * periodically, as Flink's generator of the same name.
 */
final class BoundedOutOfOrderness<T> implements WatermarkGenerator<T> {

    private final long delay;
    private long maxTimestamp;

    BoundedOutOfOrderness(Duration maxOutOfOrderness) {
        this.delay = maxOutOfOrderness.toMillis();
        this.maxTimestamp = Watermarks.NO_TIMESTAMP + delay + 1;
    }

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, timestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - delay - 1);
    }
}
