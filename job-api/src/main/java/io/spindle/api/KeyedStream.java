package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ReduceFunction;

/** A stream partitioned by key; its operators have keyed state and timers. */
public interface KeyedStream<K, T> {

    <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec);

    /** Emits, for every record, the reduction of all records of its key so far. */
    DataStream<T> reduce(String name, ReduceFunction<T> function);
}
