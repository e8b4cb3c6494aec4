package io.spindle.api.eventtime;

/**
 * Decides watermarks from the records of one source split (or subtask). Called by one thread: on every record, and
 * every {@code pipeline.auto-watermark-interval} for periodic watermarks.
 */
public interface WatermarkGenerator<T> {

    void onEvent(T event, long timestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
