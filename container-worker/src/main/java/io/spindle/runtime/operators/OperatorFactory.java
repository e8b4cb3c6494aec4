package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Sink;
import io.spindle.api.functions.CoProcessFunction;
import io.spindle.api.functions.FilterFunction;
import io.spindle.api.functions.FlatMapFunction;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.MapFunction;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.core.graph.IntervalJoinDefinition;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.graph.WindowDefinition;
import io.spindle.runtime.operators.windowing.WindowOperator;

/** Makes the runtime operator for a node of the job graph. */
public final class OperatorFactory {

    private OperatorFactory() { }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static StreamOperator<Object, Object> create(StreamNode node) {
        KeySelector<Object, Object> keySelector = node.isKeyed() ? node.inputs().get(0).keySelector() : null;
        StreamOperator operator = switch (node.kind()) {
            case MAP -> new MapOperator<>(node.name(), (MapFunction) node.function());
            case FLAT_MAP -> new FlatMapOperator<>(node.name(), (FlatMapFunction) node.function());
            case FILTER -> new FilterOperator<>(node.name(), (FilterFunction) node.function());
            case PROCESS -> new ProcessOperator<>(node.name(), (ProcessFunction) node.function(), keySelector);
            case CO_PROCESS -> new CoProcessOperator<>(node.name(), (CoProcessFunction) node.function(),
                    keySelector, node.isKeyed() ? secondInput(node).keySelector() : null);
            case REDUCE -> new ReduceOperator<>(node.name(), (ReduceFunction) node.function(), keySelector,
                    node.states().get(0).name(), (Codec) node.outputCodec());
            case WINDOW -> new WindowOperator(node.name(), (WindowDefinition) node.function(), keySelector);
            case INTERVAL_JOIN -> new IntervalJoinOperator(node.name(), (IntervalJoinDefinition) node.function(),
                    keySelector, secondInput(node).keySelector());
            case SINK -> new SinkOperator<>(node.name(), (Sink) node.function());
            case SOURCE -> throw new IllegalArgumentException("a source is not a chained operator: " + node.name());
        };
        return operator;
    }

    private static StreamEdge secondInput(StreamNode node) {
        return node.inputs().stream().filter(edge -> edge.input() == 1).findFirst().orElseThrow();
    }
}
