package io.spindle.api;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.ProcessJoinFunction;

import java.time.Duration;

/**
 * Joins each record a of a keyed stream with every record b of another, of the same key, whose event time lies in
 * {@code [a's time + lower, a's time + upper]}, both ends included (as Flink's interval join). Both sides wait in the
 * keyed state until the watermark passes the last time a partner could come.
 */
public interface IntervalJoin<K, A, B> {

    IntervalJoin<K, A, B> between(Duration lower, Duration upper);

    <R> DataStream<R> process(String name, ProcessJoinFunction<A, B, R> function, Codec<R> codec);
}
