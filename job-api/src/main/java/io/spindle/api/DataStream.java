package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Sink;
import io.spindle.api.functions.FilterFunction;
import io.spindle.api.functions.FlatMapFunction;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.MapFunction;
import io.spindle.api.functions.ProcessFunction;

/** A stream of records of type T; each transformation names its operator. */
public interface DataStream<T> {

    <R> DataStream<R> map(String name, MapFunction<T, R> function, Codec<R> codec);

    <R> DataStream<R> flatMap(String name, FlatMapFunction<T, R> function, Codec<R> codec);

    DataStream<T> filter(String name, FilterFunction<T> function);

    /** Without keyed state or timers; use {@code keyBy(...).process(...)} for those. */
    <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec);

    /** Partitions by key: all records with equal keys (by their encoded bytes) reach the same subtask. */
    <K> KeyedStream<K, T> keyBy(KeySelector<T, K> selector, Codec<K> keyCodec);

    /** This stream and the others as one; all must have the same record type. */
    @SuppressWarnings("unchecked")
    DataStream<T> union(DataStream<T>... others);

    /** This stream and another, for an operator that reads both (see {@link ConnectedStreams}). */
    <B> ConnectedStreams<T, B> connect(DataStream<B> other);

    /** This stream and another, grouped by key and window (window joins). */
    <B> CoGroupedStreams<T, B> coGroup(DataStream<B> other);

    /** The records the operator producing this stream emitted to the tag's side output. */
    <X> DataStream<X> sideOutput(OutputTag<X> tag);

    /** Spreads records round-robin over the next operator's subtasks. */
    DataStream<T> rebalance();

    /** Sends every record to every subtask of the next operator. */
    DataStream<T> broadcast();

    /** Sets the parallelism of the operator that produces this stream. */
    DataStream<T> parallelism(int parallelism);

    SinkStream sink(String name, Sink<T> sink);
}
