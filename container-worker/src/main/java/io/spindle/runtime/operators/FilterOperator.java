package io.spindle.runtime.operators;

import io.spindle.api.functions.FilterFunction;

public final class FilterOperator<T> extends StreamOperator<T, T> {

    private final FilterFunction<T> function;

    public FilterOperator(String name, FilterFunction<T> function) {
        super(name);
        this.function = function;
    }

    @Override
    protected void processElement(T record) throws Exception {
        if (function.keep(record)) {
            output.collect(record);
        }
    }
}
