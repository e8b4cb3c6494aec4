package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.KeyedStream;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.state.StateDescriptor;

/** A stream partitioned by key: the next operator gets a HASH edge and keyed state. */
final class KeyedStreamImpl<K, T> implements KeyedStream<K, T> {

    /** The state a keyed reduce keeps its running value in. */
    static final String REDUCE_STATE = "reduce";

    private final DataStreamImpl<T> input;
    private final StreamEdge keyedTemplate;

    KeyedStreamImpl(DataStreamImpl<T> input, KeySelector<Object, Object> selector, Codec<Object> keyCodec) {
        this.input = input;
        this.keyedTemplate = new StreamEdge(-1, -1, Partitioning.HASH, selector, keyCodec);
    }

    @Override
    public <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec) {
        DataStreamImpl<R> result = input.then(name, OperatorKind.PROCESS, function, "process function", codec,
                keyedTemplate);
        StateDeclaringContext.declare(result.builder().node(result.producerId()), function);
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public DataStream<T> reduce(String name, ReduceFunction<T> function) {
        Codec<T> codec = (Codec<T>) input.codecOfInput();
        DataStreamImpl<T> result = input.then(name, OperatorKind.REDUCE, function, "reduce function", codec,
                keyedTemplate);
        result.builder().node(result.producerId()).states()
                .add(new StateDeclaration(REDUCE_STATE, StateDescriptor.Kind.VALUE, codec.id(), true));
        return result;
    }
}
