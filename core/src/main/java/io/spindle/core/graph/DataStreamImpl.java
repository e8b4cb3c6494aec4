package io.spindle.core.graph;

import io.spindle.api.CoGroupedStreams;
import io.spindle.api.ConnectedStreams;
import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.KeyedStream;
import io.spindle.api.OutputTag;
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

/**
 * A stream: the outputs producing it (several after a union; each an operator's main or side output) and how the next
 * edge partitions.
 */
final class DataStreamImpl<T> implements DataStream<T> {

    /** An operator's main output (null tag) or one of its side outputs. */
    record Producer(int node, String sideOutput) { }

    private final StreamGraphBuilder builder;
    private final List<Producer> producers;
    /** Null: forward. */
    private final Partitioning partitioning;

    DataStreamImpl(StreamGraphBuilder builder, List<Producer> producers, Partitioning partitioning) {
        this.builder = builder;
        this.producers = List.copyOf(producers);
        this.partitioning = partitioning;
    }

    /** The main output of one operator. */
    static <T> DataStreamImpl<T> of(StreamGraphBuilder builder, StreamNode node) {
        return new DataStreamImpl<>(builder, List.of(new Producer(node.id(), null)), null);
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
        StateDeclaringContext.declare(builder.node(result.producerId()), function::open);
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> KeyedStream<K, T> keyBy(KeySelector<T, K> selector, Codec<K> keyCodec) {
        if (selector == null || keyCodec == null) {
            throw new JobDefinitionException("keyBy after '" + firstProducerName()
                    + "' needs a key selector and a key codec");
        }
        return new KeyedStreamImpl<>(this, (KeySelector<Object, Object>) selector, (Codec<Object>) keyCodec);
    }

    @Override
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Producer> all = new ArrayList<>(producers);
        for (DataStream<T> other : others) {
            DataStreamImpl<T> stream = (DataStreamImpl<T>) other;
            if (stream.partitioning != partitioning) {
                throw new JobDefinitionException("union of streams partitioned differently after '"
                        + stream.firstProducerName() + "'; call rebalance()/broadcast() after union");
            }
            String codec = codecOfInput().id();
            if (!stream.codecOfInput().id().equals(codec)) {
                throw new JobDefinitionException("union of streams with different codecs: '" + codec + "' after '"
                        + firstProducerName() + "', '" + stream.codecOfInput().id() + "' after '"
                        + stream.firstProducerName() + "'");
            }
            all.addAll(stream.producers);
        }
        return new DataStreamImpl<>(builder, all, partitioning);
    }

    @Override
    public <B> ConnectedStreams<T, B> connect(DataStream<B> other) {
        return new ConnectedStreamsImpl<>(this, (DataStreamImpl<B>) other, null, null);
    }

    @Override
    public <B> CoGroupedStreams<T, B> coGroup(DataStream<B> other) {
        return new CoGroupedStreamsImpl<>(this, (DataStreamImpl<B>) other);
    }

    @Override
    public <X> DataStream<X> sideOutput(OutputTag<X> tag) {
        if (tag == null) {
            throw new JobDefinitionException("sideOutput after '" + firstProducerName() + "' needs a tag");
        }
        if (producers.size() != 1 || producers.get(0).sideOutput() != null) {
            throw new JobDefinitionException("sideOutput(" + tag.name() + ") reads the side output of one operator: "
                    + "call it on the stream the operator returned, not on a union or another side output");
        }
        builder.node(producerId()).addSideOutput(tag);
        return new DataStreamImpl<>(builder, List.of(new Producer(producerId(), tag.name())), null);
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
        for (Producer producer : producers) {
            StreamNode node = builder.node(producer.node());
            builder.checkPositive("'" + node.name() + "'", parallelism);
            node.setParallelism(parallelism);
        }
        return this;
    }

    @Override
    public SinkStream sink(String name, Sink<T> sink) {
        StreamGraphBuilder.requireNonNull(name, sink, "sink");
        StreamNode node = builder.addNode(name, OperatorKind.SINK, sink, null);
        connect(node, null, 0);
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
        connect(node, keyedTemplate, 0);
        return of(builder, node);
    }

    /** Feeds this stream into {@code input} of {@code node}: by key after the template's keyBy, else as partitioned. */
    void connect(StreamNode node, StreamEdge keyedTemplate, int input) {
        for (Producer producer : producers) {
            node.inputs().add(keyedTemplate != null
                    ? new StreamEdge(producer.node(), node.id(), Partitioning.HASH, keyedTemplate.keySelector(),
                            keyedTemplate.keyCodec(), producer.sideOutput(), input)
                    : new StreamEdge(producer.node(), node.id(),
                            partitioning == null ? Partitioning.FORWARD : partitioning, null, null,
                            producer.sideOutput(), input));
        }
    }

    /** The single operator producing this stream (a stream made by a transformation, not a union). */
    int producerId() {
        return producers.get(0).node();
    }

    private String firstProducerName() {
        return builder.node(producerId()).name();
    }

    Codec<?> codecOfInput() {
        Producer first = producers.get(0);
        return builder.node(first.node()).outputCodec(first.sideOutput());
    }

    StreamGraphBuilder builder() {
        return builder;
    }
}
