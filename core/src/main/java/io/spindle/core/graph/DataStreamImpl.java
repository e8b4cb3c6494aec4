package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.KeyedStream;
import io.spindle.api.SinkStream;
import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Sink;
import io.spindle.api.functions.FilterFunction;
import io.spindle.api.functions.FlatMapFunction;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.MapFunction;
import io.spindle.api.functions.ProcessFunction;

import java.util.ArrayList;
import java.util.List;

/** A stream: the operators producing it (several after a union) and how the next edge partitions. */
final class DataStreamImpl<T> implements DataStream<T> {

    private final StreamGraphBuilder builder;
    private final List<Integer> producers;
    /** Null: forward. */
    private final Partitioning partitioning;

    DataStreamImpl(StreamGraphBuilder builder, List<Integer> producers, Partitioning partitioning) {
        this.builder = builder;
        this.producers = List.copyOf(producers);
        this.partitioning = partitioning;
    }

    @Override
    public <R> DataStream<R> map(String name, MapFunction<T, R> function, Codec<R> codec) {
        return then(name, OperatorKind.MAP, function, "map function", codec);
    }

    @Override
    public <R> DataStream<R> flatMap(String name, FlatMapFunction<T, R> function, Codec<R> codec) {
        return then(name, OperatorKind.FLAT_MAP, function, "flat-map function", codec);
    }

    @Override
    @SuppressWarnings("unchecked")
    public DataStream<T> filter(String name, FilterFunction<T> function) {
        return then(name, OperatorKind.FILTER, function, "filter function", (Codec<T>) codecOfInput());
    }

    @Override
    public <R> DataStream<R> process(String name, ProcessFunction<T, R> function, Codec<R> codec) {
        DataStreamImpl<R> result = then(name, OperatorKind.PROCESS, function, "process function", codec);
        StateDeclaringContext.declare(builder.node(result.producerId()), function);
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> KeyedStream<K, T> keyBy(KeySelector<T, K> selector, Codec<K> keyCodec) {
        if (selector == null || keyCodec == null) {
            throw new JobDefinitionException("keyBy after '" + builder.node(producers.get(0)).name()
                    + "' needs a key selector and a key codec");
        }
        return new KeyedStreamImpl<>(this, (KeySelector<Object, Object>) selector, (Codec<Object>) keyCodec);
    }

    @Override
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Integer> all = new ArrayList<>(producers);
        for (DataStream<T> other : others) {
            DataStreamImpl<T> stream = (DataStreamImpl<T>) other;
            if (stream.partitioning != partitioning) {
                throw new JobDefinitionException("union of streams partitioned differently after '"
                        + builder.node(stream.producers.get(0)).name() + "'; call rebalance()/broadcast() after union");
            }
            all.addAll(stream.producers);
        }
        return new DataStreamImpl<>(builder, all, partitioning);
    }

    @Override
    public DataStream<T> rebalance() {
        return new DataStreamImpl<>(builder, producers, Partitioning.REBALANCE);
    }

    @Override
    public DataStream<T> broadcast() {
        return new DataStreamImpl<>(builder, producers, Partitioning.BROADCAST);
    }

    @Override
    public DataStream<T> parallelism(int parallelism) {
        for (int producer : producers) {
            StreamNode node = builder.node(producer);
            builder.checkPositive("'" + node.name() + "'", parallelism);
            node.setParallelism(parallelism);
        }
        return this;
    }

    @Override
    public SinkStream sink(String name, Sink<T> sink) {
        StreamGraphBuilder.requireNonNull(name, sink, "sink");
        StreamNode node = builder.addNode(name, OperatorKind.SINK, sink, null);
        connect(node, null);
        return new SinkStream() {
            @Override
            public SinkStream parallelism(int parallelism) {
                builder.checkPositive("'" + name + "'", parallelism);
                node.setParallelism(parallelism);
                return this;
            }
        };
    }

    <R> DataStreamImpl<R> then(String name, OperatorKind kind, Object function, String what, Codec<R> codec) {
        return then(name, kind, function, what, codec, null);
    }

    <R> DataStreamImpl<R> then(String name, OperatorKind kind, Object function, String what, Codec<R> codec,
                               StreamEdge keyedTemplate) {
        StreamGraphBuilder.requireNonNull(name, function, what);
        StreamNode node = builder.addNode(name, kind, function, StreamGraphBuilder.requireCodec(name, codec));
        connect(node, keyedTemplate);
        return new DataStreamImpl<>(builder, List.of(node.id()), null);
    }

    private void connect(StreamNode node, StreamEdge keyedTemplate) {
        for (int producer : producers) {
            node.inputs().add(keyedTemplate != null
                    ? new StreamEdge(producer, node.id(), Partitioning.HASH, keyedTemplate.keySelector(),
                            keyedTemplate.keyCodec())
                    : StreamEdge.unkeyed(producer, node.id(), partitioning == null ? Partitioning.FORWARD : partitioning));
        }
    }

    /** The single operator producing this stream (a stream made by a transformation, not a union). */
    int producerId() {
        return producers.get(0);
    }

    Codec<?> codecOfInput() {
        return builder.node(producers.get(0)).outputCodec();
    }

    StreamGraphBuilder builder() {
        return builder;
    }
}
