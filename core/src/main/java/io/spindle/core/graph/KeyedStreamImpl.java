package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.IntervalJoin;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.KeyedStream;
import io.spindle.api.WindowedStream;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.state.StateDescriptor;
import io.spindle.api.windowing.WindowAssigner;

/** A stream partitioned by key: the next operator gets a HASH edge and keyed state. */
final class KeyedStreamImpl<K, T> implements KeyedStream<K, T> {

    /** The state a keyed reduce keeps its running value in. */
    static final String REDUCE_STATE = "reduce";

    private final DataStreamImpl<T> input;
    private final StreamEdge keyedTemplate;

    KeyedStreamImpl(DataStreamImpl<T> input, KeySelector<Object, Object> selector, Codec<Object> keyCodec) {
        this.input = input;
        this.keyedTemplate = new StreamEdge(-1, -1, Partitioning.HASH, selector, keyCodec, null, 0);
    }

    @Override
    public <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec) {
        DataStreamImpl<R> result = input.then(name, OperatorKind.PROCESS, function, "process function", codec,
                keyedTemplate);
        StreamNode node = result.builder().node(result.producerId());
        StateDeclaringContext.declare(node, function::open);
        TimerServices.declare(node, VoidNamespace.CODEC.id());
        return result;
    }

    @Override
    public <B> IntervalJoin<K, T, B> intervalJoin(KeyedStream<K, B> other) {
        if (other == null) {
            throw new JobDefinitionException("intervalJoin after '" + input.builder().node(input.producerId()).name()
                    + "' needs the other keyed stream");
        }
        return new IntervalJoinImpl<>(this, (KeyedStreamImpl<K, B>) other, null, null);
    }

    DataStreamImpl<T> input() {
        return input;
    }

    StreamEdge keyedTemplate() {
        return keyedTemplate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public WindowedStream<K, T> window(WindowAssigner<? super T> assigner) {
        if (assigner == null) {
            throw new JobDefinitionException("window after '" + input.builder().node(input.producerId()).name()
                    + "' needs a window assigner");
        }
        return new WindowedStreamImpl<>(input, keyedTemplate, (WindowAssigner<Object>) assigner, 0, null);
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
