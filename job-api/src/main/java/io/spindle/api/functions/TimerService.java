package io.spindle.api.functions;

/** Processing-time timers of the current key. */
public interface TimerService {

    long currentProcessingTime();

    /** Calls {@link ProcessFunction#onTimer} for the current key once the clock reaches the time. */
    void registerProcessingTimeTimer(long timeMillis);

    void deleteProcessingTimeTimer(long timeMillis);
}
