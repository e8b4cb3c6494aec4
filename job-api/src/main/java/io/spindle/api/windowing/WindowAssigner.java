package io.spindle.api.windowing;

import io.spindle.api.eventtime.Watermarks;

import java.util.Collection;

/**
 * Puts each record into the windows it belongs to. Spindle's assigners are the static factories of
 * {@link TumblingEventTimeWindows}, {@link SlidingEventTimeWindows}, {@link EventTimeSessionWindows} and their
 * processing-time twins. Event-time windows are complete when the watermark passes their end; processing-time
 * windows when the clock does.
 *
 * @param <T> the records it assigns
 */
public abstract class WindowAssigner<T> {

    /**
     * The windows of a record, in a deterministic order. Event-time assigners read only {@code timestamp},
     * processing-time ones only {@code currentProcessingTime}.
     *
     * @throws IllegalStateException if an event-time assigner gets a record whose timestamp is {@link Watermarks#NO_TIMESTAMP}
     */
    public abstract Collection<TimeWindow> assignWindows(T element, long timestamp, long currentProcessingTime);

    public abstract boolean isEventTime();

    /** Whether windows merge as records arrive (sessions); the operator tracks them with {@link MergingWindows}. */
    public abstract boolean isMerging();

    /** The assigner as a job creates it, for messages and logs: "TumblingEventTimeWindows.of(PT5S)". */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }
}
