package io.spindle.api.functions;

/**
 * Timers of the current key. A timer is kept in the keyed state (it survives failures, savepoints and rescaling) and
 * fires once, however often it was registered: processing-time timers when the clock reaches their time, event-time
 * timers when the watermark does.
 */
public interface TimerService {

    long currentProcessingTime();

    /** The watermark the operator last saw; {@link io.spindle.api.eventtime.Watermarks#NO_TIMESTAMP} before the first. */
    long currentWatermark();

    /** Calls {@code onTimer} for the current key once the clock reaches the time. */
    void registerProcessingTimeTimer(long timeMillis);

    void deleteProcessingTimeTimer(long timeMillis);

    /** Calls {@code onTimer} for the current key once the watermark reaches the time. */
    void registerEventTimeTimer(long timeMillis);

    void deleteEventTimeTimer(long timeMillis);
}
