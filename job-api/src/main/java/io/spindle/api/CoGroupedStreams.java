package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.CoGroupFunction;
import io.spindle.api.functions.JoinFunction;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.windowing.WindowAssigner;

/**
 * Two streams grouped by a common key and window: {@code a.coGroup(b).where(keyOfA).equalTo(keyOfB, keyCodec)
 * .window(assigner)}, then {@code apply} (both groups of each key and window at once) or {@code join} (each pair).
 */
public interface CoGroupedStreams<A, B> {

    <K> Where<A, B, K> where(KeySelector<A, K> firstKey);

    /** The first stream's key chosen. */
    interface Where<A, B, K> {
        EqualTo<A, B> equalTo(KeySelector<B, K> secondKey, Codec<K> keyCodec);
    }

    /** Both keys chosen. */
    interface EqualTo<A, B> {
        Windowed<A, B> window(WindowAssigner<Object> assigner);
    }

    /** Keyed and windowed: what each key and window emits. */
    interface Windowed<A, B> {
        <R> DataStream<R> apply(String name, CoGroupFunction<A, B, R> function, Codec<R> codec);

        /** An inner join: the function's result for every pair of records of the key and window. */
        <R> DataStream<R> join(String name, JoinFunction<A, B, R> function, Codec<R> codec);
    }
}
