package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.ReduceFunction;

import java.time.Duration;

/**
 * A keyed stream cut into windows. A window's contents live in the keyed state (per key and window); an event-time
 * window fires once the watermark passes its end, a processing-time one when the clock does, and its output records
 * carry the window's last millisecond as their timestamp.
 */
public interface WindowedStream<K, T> {

    /**
     * Keeps event-time windows this long after they fired: a late record within it is added and the window fires again
     * with it. Later records are dropped, or go to {@link #sideOutputLateData}. Zero by default.
     */
    WindowedStream<K, T> allowedLateness(Duration lateness);

    /** Records too late for all their windows go to this side output instead of being dropped. */
    WindowedStream<K, T> sideOutputLateData(OutputTag<T> tag);

    /** Emits, per window, the reduction of its records; the window keeps only the running value. */
    DataStream<T> reduce(String name, ReduceFunction<T> function);

    /** Emits, per window, the aggregate's result; the window keeps only the accumulator. */
    <A, R> DataStream<R> aggregate(String name, AggregateFunction<T, A, R> function, Codec<A> accumulatorCodec,
                                   Codec<R> codec);

    /** As {@link #aggregate(String, AggregateFunction, Codec, Codec)}, the result handed to a window function. */
    <A, V, R> DataStream<R> aggregate(String name, AggregateFunction<T, A, V> function, Codec<A> accumulatorCodec,
                                      ProcessWindowFunction<V, R, K> windowFunction, Codec<R> codec);

    /** Calls the function with all records of the window; the window keeps every record until it fires. */
    <R> DataStream<R> process(String name, ProcessWindowFunction<T, R, K> function, Codec<R> codec);
}
