package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.TimeDomain;
import io.spindle.core.graph.TimerServices;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.KeyedTimers;

/**
 * A keyed operator's event-time and processing-time timers, kept in its keyed state backend (so checkpoints,
 * savepoints and rescaling carry them) and fired in time order with their key current. What an event-time timer
 * emits gets the timer's time as its timestamp; what a processing-time timer emits gets none.
 *
 * @param <N> the namespace of a timer (a window; {@link VoidNamespace} for process functions)
 */
public final class OperatorTimers<N> {

    /** What a firing timer calls. */
    public interface Firing<N> {
        void onTimer(long time, N namespace, TimeDomain domain) throws Exception;
    }

    private final KeyedTimers<Object, N> eventTime;
    private final KeyedTimers<Object, N> processingTime;
    private final ElementTimestamp timestamp;

    public OperatorTimers(KeyedStateBackend<Object> backend, Codec<N> namespaceCodec, ElementTimestamp timestamp) {
        this.eventTime = backend.timers(TimerServices.EVENT_TIME, namespaceCodec);
        this.processingTime = backend.timers(TimerServices.PROCESSING_TIME, namespaceCodec);
        this.timestamp = timestamp;
    }

    public void registerEventTime(N namespace, long time) {
        eventTime.register(namespace, time);
    }

    public void deleteEventTime(N namespace, long time) {
        eventTime.delete(namespace, time);
    }

    public void registerProcessingTime(N namespace, long time) {
        processingTime.register(namespace, time);
    }

    public void deleteProcessingTime(N namespace, long time) {
        processingTime.delete(namespace, time);
    }

    /** Fires the event-time timers at or before the watermark, earliest first. */
    public void advanceWatermark(long watermark, Firing<N> firing) throws Exception {
        if (eventTime.nextTime() > watermark) {
            return;
        }
        KeyedTimers.Timer<Object, N> timer;
        while ((timer = eventTime.pollDue(watermark)) != null) {
            timestamp.set(timer.time());
            firing.onTimer(timer.time(), timer.namespace(), TimeDomain.EVENT_TIME);
        }
    }

    /** Fires the processing-time timers due at {@code now}; returns the time of the next one, or Long.MAX_VALUE. */
    public long fireProcessingTime(long now, Firing<N> firing) throws Exception {
        if (processingTime.nextTime() > now) {
            return processingTime.nextTime();
        }
        KeyedTimers.Timer<Object, N> timer;
        while ((timer = processingTime.pollDue(now)) != null) {
            timestamp.clear();
            firing.onTimer(timer.time(), timer.namespace(), TimeDomain.PROCESSING_TIME);
        }
        return processingTime.nextTime();
    }
}
