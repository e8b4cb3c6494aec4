package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.IntervalJoin;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.ProcessJoinFunction;

import java.time.Duration;

/** Two keyed streams into one keyed two-input operator: the first into input 0, the other into input 1. */
final class IntervalJoinImpl<K, A, B> implements IntervalJoin<K, A, B> {

    private final KeyedStreamImpl<K, A> first;
    private final KeyedStreamImpl<K, B> second;
    private final Duration lower;
    private final Duration upper;

    IntervalJoinImpl(KeyedStreamImpl<K, A> first, KeyedStreamImpl<K, B> second, Duration lower, Duration upper) {
        this.first = first;
        this.second = second;
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public IntervalJoin<K, A, B> between(Duration newLower, Duration newUpper) {
        if (newLower == null || newUpper == null || newLower.compareTo(newUpper) > 0) {
            throw new JobDefinitionException("an interval join needs lower <= upper, got [" + newLower + ", "
                    + newUpper + "]");
        }
        return new IntervalJoinImpl<>(first, second, newLower, newUpper);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <R> DataStream<R> process(String name, ProcessJoinFunction<A, B, R> function, Codec<R> codec) {
        if (lower == null) {
            throw new JobDefinitionException("interval join '" + name + "' needs between(lower, upper) first");
        }
        StreamGraphBuilder.requireNonNull(name, function, "join function");
        IntervalJoinDefinition definition = new IntervalJoinDefinition(lower.toMillis(), upper.toMillis(),
                (ProcessJoinFunction) function, (Codec) first.input().codecOfInput(),
                (Codec) second.input().codecOfInput());
        StreamGraphBuilder builder = first.input().builder();
        StreamNode node = builder.addNode(name, OperatorKind.INTERVAL_JOIN, definition,
                StreamGraphBuilder.requireCodec(name, codec));
        first.input().connect(node, first.keyedTemplate(), 0);
        second.input().connect(node, second.keyedTemplate(), 1);
        node.states().add(StateDeclaration.keyed(definition.firstBuffer(), ""));
        node.states().add(StateDeclaration.keyed(definition.secondBuffer(), ""));
        TimerServices.declare(node, Codecs.BOOLEAN.id());
        return DataStreamImpl.of(builder, node);
    }
}
