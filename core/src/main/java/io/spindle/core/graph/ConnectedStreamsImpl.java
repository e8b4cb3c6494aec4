package io.spindle.core.graph;

import io.spindle.api.ConnectedStreams;
import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.CoProcessFunction;
import io.spindle.api.functions.KeySelector;

/** Two streams feeding one operator: the first into its input 0, the second into input 1; keyed after keyBy. */
final class ConnectedStreamsImpl<A, B> implements ConnectedStreams<A, B> {

    private final DataStreamImpl<A> first;
    private final DataStreamImpl<B> second;
    /** Null until keyBy. */
    private final StreamEdge firstKeyed;
    private final StreamEdge secondKeyed;

    ConnectedStreamsImpl(DataStreamImpl<A> first, DataStreamImpl<B> second, StreamEdge firstKeyed,
                         StreamEdge secondKeyed) {
        this.first = first;
        this.second = second;
        this.firstKeyed = firstKeyed;
        this.secondKeyed = secondKeyed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> ConnectedStreams<A, B> keyBy(KeySelector<A, K> firstKey, KeySelector<B, K> secondKey,
                                            Codec<K> keyCodec) {
        if (firstKey == null || secondKey == null || keyCodec == null) {
            throw new JobDefinitionException("keyBy of connected streams needs a key selector for each and a key codec");
        }
        return new ConnectedStreamsImpl<>(first, second,
                new StreamEdge(-1, -1, Partitioning.HASH, (KeySelector<Object, Object>) firstKey,
                        (Codec<Object>) keyCodec, null, 0),
                new StreamEdge(-1, -1, Partitioning.HASH, (KeySelector<Object, Object>) secondKey,
                        (Codec<Object>) keyCodec, null, 1));
    }

    @Override
    public <R> DataStream<R> process(String name, CoProcessFunction<A, B, R> function, Codec<R> codec) {
        StreamGraphBuilder builder = first.builder();
        StreamGraphBuilder.requireNonNull(name, function, "co-process function");
        StreamNode node = builder.addNode(name, OperatorKind.CO_PROCESS, function,
                StreamGraphBuilder.requireCodec(name, codec));
        first.connect(node, firstKeyed, 0);
        second.connect(node, secondKeyed, 1);
        StateDeclaringContext.declare(node, function::open);
        if (firstKeyed != null) {
            TimerServices.declare(node, VoidNamespace.CODEC.id());
        }
        return DataStreamImpl.of(builder, node);
    }
}
