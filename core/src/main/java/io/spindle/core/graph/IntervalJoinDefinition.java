package io.spindle.core.graph;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.functions.ProcessJoinFunction;

import java.util.List;

/**
 * What an interval join does: pairs (a, b) of a key with {@code a.time + lower <= b.time <= a.time + upper}.
 *
 * @param firstCodec the left records' codec, for the state they wait in
 * @param secondCodec the right records'
 */
public record IntervalJoinDefinition(long lowerMillis, long upperMillis,
                                     ProcessJoinFunction<Object, Object, Object> function, Codec<Object> firstCodec,
                                     Codec<Object> secondCodec) {

    /** The states the two sides wait in, per key: buffered records by their timestamp. */
    public MapStateDescriptor<Long, List<Object>> firstBuffer() {
        return new MapStateDescriptor<>("interval-join-first", Codecs.LONG, Codecs.list(firstCodec));
    }

    public MapStateDescriptor<Long, List<Object>> secondBuffer() {
        return new MapStateDescriptor<>("interval-join-second", Codecs.LONG, Codecs.list(secondCodec));
    }
}
