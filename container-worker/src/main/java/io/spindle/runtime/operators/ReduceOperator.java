package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;

/** Keyed reduce: keeps the running value per key and emits it after every record. */
public final class ReduceOperator<T> extends StreamOperator<T, T> {

    private final ReduceFunction<T> function;
    private final KeySelector<Object, Object> keySelector;
    private final ValueStateDescriptor<T> descriptor;
    private OperatorRuntime runtime;
    private ValueState<T> value;

    public ReduceOperator(String name, ReduceFunction<T> function, KeySelector<Object, Object> keySelector,
                          String stateName, Codec<T> codec) {
        super(name);
        this.function = function;
        this.keySelector = keySelector;
        this.descriptor = new ValueStateDescriptor<>(stateName, codec);
    }

    @Override
    public void open(OperatorRuntime operatorRuntime) {
        this.runtime = operatorRuntime;
        this.value = operatorRuntime.keyedState().valueState(descriptor);
    }

    @Override
    protected void processElement(T record) throws Exception {
        runtime.keyedState().setCurrentKey(keySelector.key(record));
        T current = value.value();
        T reduced = current == null ? record : function.reduce(current, record);
        value.update(reduced);
        output.collect(reduced);
    }
}
