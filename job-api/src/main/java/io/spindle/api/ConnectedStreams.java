package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.CoProcessFunction;
import io.spindle.api.functions.KeySelector;

/** Two streams, possibly of different types, processed together by one operator. */
public interface ConnectedStreams<A, B> {

    /** Partitions both by a key of the same type: records of both inputs with equal keys meet in one subtask. */
    <K> ConnectedStreams<A, B> keyBy(KeySelector<A, K> first, KeySelector<B, K> second, Codec<K> keyCodec);

    /** Keyed state and timers need {@link #keyBy} first. */
    <R> DataStream<R> process(String name, CoProcessFunction<A, B, R> function, Codec<R> codec);
}
