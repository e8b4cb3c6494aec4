package io.spindle.runtime.operators;

import io.spindle.api.functions.MapFunction;

public final class MapOperator<IN, OUT> extends StreamOperator<IN, OUT> {

    private final MapFunction<IN, OUT> function;

    public MapOperator(String name, MapFunction<IN, OUT> function) {
        super(name);
        this.function = function;
    }

    @Override
    protected void processElement(IN record) throws Exception {
        output.collect(function.map(record));
    }
}
