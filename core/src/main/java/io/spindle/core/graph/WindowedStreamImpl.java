package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.OutputTag;
import io.spindle.api.WindowedStream;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.api.windowing.WindowAssigner;

import java.time.Duration;

/** A keyed stream with a window assigner; each terminal call adds one window operator. */
final class WindowedStreamImpl<K, T> implements WindowedStream<K, T> {

    private final DataStreamImpl<T> input;
    private final StreamEdge keyedTemplate;
    private final WindowAssigner<Object> assigner;
    private final long allowedLatenessMillis;
    private final OutputTag<Object> lateRecords;

    WindowedStreamImpl(DataStreamImpl<T> input, StreamEdge keyedTemplate, WindowAssigner<Object> assigner,
                       long allowedLatenessMillis, OutputTag<Object> lateRecords) {
        this.input = input;
        this.keyedTemplate = keyedTemplate;
        this.assigner = assigner;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.lateRecords = lateRecords;
    }

    @Override
    public WindowedStream<K, T> allowedLateness(Duration lateness) {
        if (lateness == null || lateness.isNegative()) {
            throw new JobDefinitionException("the allowed lateness of " + assigner.describe()
                    + " windows must be zero or positive, got " + lateness);
        }
        if (!lateness.isZero() && !assigner.isEventTime()) {
            throw new JobDefinitionException("allowed lateness applies to event-time windows only, not to "
                    + assigner.describe());
        }
        return new WindowedStreamImpl<>(input, keyedTemplate, assigner, lateness.toMillis(), lateRecords);
    }

    @Override
    @SuppressWarnings("unchecked")
    public WindowedStream<K, T> sideOutputLateData(OutputTag<T> tag) {
        if (tag == null) {
            throw new JobDefinitionException("sideOutputLateData of " + assigner.describe() + " windows needs a tag");
        }
        return new WindowedStreamImpl<>(input, keyedTemplate, assigner, allowedLatenessMillis,
                (OutputTag<Object>) tag);
    }

    @Override
    @SuppressWarnings("unchecked")
    public DataStream<T> reduce(String name, ReduceFunction<T> function) {
        StreamGraphBuilder.requireNonNull(name, function, "reduce function");
        return add(name, new ReducingAggregate<>(function), (Codec<T>) input.codecOfInput(), null,
                (Codec<T>) input.codecOfInput());
    }

    @Override
    public <A, R> DataStream<R> aggregate(String name, AggregateFunction<T, A, R> function, Codec<A> accumulatorCodec,
                                          Codec<R> codec) {
        StreamGraphBuilder.requireNonNull(name, function, "aggregate function");
        return add(name, function, StreamGraphBuilder.requireCodec(name, accumulatorCodec), null, codec);
    }

    @Override
    public <A, V, R> DataStream<R> aggregate(String name, AggregateFunction<T, A, V> function,
                                             Codec<A> accumulatorCodec, ProcessWindowFunction<V, R, K> windowFunction,
                                             Codec<R> codec) {
        StreamGraphBuilder.requireNonNull(name, function, "aggregate function");
        StreamGraphBuilder.requireNonNull(name, windowFunction, "window function");
        return add(name, function, StreamGraphBuilder.requireCodec(name, accumulatorCodec), windowFunction, codec);
    }

    @Override
    public <R> DataStream<R> process(String name, ProcessWindowFunction<T, R, K> function, Codec<R> codec) {
        StreamGraphBuilder.requireNonNull(name, function, "window function");
        return add(name, null, null, function, codec);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> DataStream<R> add(String name, AggregateFunction<?, ?, ?> aggregate, Codec<?> accumulatorCodec,
                                  ProcessWindowFunction<?, ?, ?> windowFunction, Codec<R> codec) {
        WindowDefinition definition = new WindowDefinition(assigner, allowedLatenessMillis, lateRecords,
                (AggregateFunction) aggregate, (Codec) accumulatorCodec, (Codec) input.codecOfInput(),
                (ProcessWindowFunction) windowFunction);
        DataStreamImpl<R> result = input.then(name, OperatorKind.WINDOW, definition, "window", codec, keyedTemplate);
        StreamNode node = input.builder().node(result.producerId());
        if (lateRecords != null) {
            node.addSideOutput(lateRecords);
        }
        String window = TimeWindow.CODEC.id();
        node.states().add(aggregate != null
                ? StateDeclaration.keyed(new ValueStateDescriptor<>(WindowDefinition.CONTENTS_STATE, accumulatorCodec),
                        window)
                : StateDeclaration.keyed(new ListStateDescriptor<>(WindowDefinition.CONTENTS_STATE,
                        input.codecOfInput()), window));
        if (assigner.isMerging()) {
            node.states().add(StateDeclaration.keyed(WindowDefinition.sessionsDescriptor(), ""));
        }
        TimerServices.declare(node, window);
        return result;
    }

    /** A reduce function as an aggregate whose accumulator is the running value, null while the window is empty. */
    private record ReducingAggregate<T>(ReduceFunction<T> function) implements AggregateFunction<T, T, T> {
        @Override
        public T createAccumulator() {
            return null;
        }

        @Override
        public T add(T value, T accumulator) throws Exception {
            return accumulator == null ? value : function.reduce(accumulator, value);
        }

        @Override
        public T getResult(T accumulator) {
            return accumulator;
        }

        @Override
        public T merge(T first, T second) throws Exception {
            return function.reduce(first, second);
        }
    }
}
