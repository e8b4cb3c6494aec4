package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.windowing.WindowAssigner;

/** A stream partitioned by key; its operators have keyed state and timers. */
public interface KeyedStream<K, T> {

    <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec);

    /** Emits, for every record, the reduction of all records of its key so far. */
    DataStream<T> reduce(String name, ReduceFunction<T> function);

    /** Joins with another keyed stream by key and event-time interval; set the interval with {@code between}. */
    <B> IntervalJoin<K, T, B> intervalJoin(KeyedStream<K, B> other);

    /** Cuts each key's records into the assigner's windows. */
    WindowedStream<K, T> window(WindowAssigner<? super T> assigner);
}
