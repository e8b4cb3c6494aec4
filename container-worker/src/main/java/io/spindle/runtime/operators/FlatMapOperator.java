package io.spindle.runtime.operators;

import io.spindle.api.functions.FlatMapFunction;

public final class FlatMapOperator<IN, OUT> extends StreamOperator<IN, OUT> {

    private final FlatMapFunction<IN, OUT> function;

    public FlatMapOperator(String name, FlatMapFunction<IN, OUT> function) {
        super(name);
        this.function = function;
    }

    @Override
    protected void processElement(IN record) throws Exception {
        function.flatMap(record, output);
    }
}
