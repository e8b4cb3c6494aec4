package io.spindle.runtime.operators.windowing;

import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.state.NamespacedValueState;

import java.util.List;

/** A window keeps one accumulator, updated per record. */
final class AggregatingContents implements WindowContents {

    private final NamespacedValueState<TimeWindow, Object> accumulators;
    private final AggregateFunction<Object, Object, Object> function;

    AggregatingContents(NamespacedValueState<TimeWindow, Object> accumulators,
                        AggregateFunction<Object, Object, Object> function) {
        this.accumulators = accumulators;
        this.function = function;
    }

    @Override
    public boolean add(TimeWindow window, Object record) throws Exception {
        Object accumulator = accumulators.value(window);
        boolean empty = accumulator == null;
        accumulators.update(window, function.add(record, empty ? function.createAccumulator() : accumulator));
        return empty;
    }

    @Override
    public List<Object> results(TimeWindow window) throws Exception {
        Object accumulator = accumulators.value(window);
        return accumulator == null ? List.of() : List.of(function.getResult(accumulator));
    }

    @Override
    public void merge(TimeWindow target, List<TimeWindow> sources) throws Exception {
        if (sources.isEmpty()) {
            return; // a session that only grew: its contents stay where they are
        }
        Object merged = accumulators.value(target);
        for (TimeWindow source : sources) {
            Object accumulator = accumulators.value(source);
            if (accumulator != null) {
                merged = merged == null ? accumulator : function.merge(merged, accumulator);
                accumulators.clear(source);
            }
        }
        accumulators.update(target, merged);
    }

    @Override
    public void clear(TimeWindow window) {
        accumulators.clear(window);
    }
}
