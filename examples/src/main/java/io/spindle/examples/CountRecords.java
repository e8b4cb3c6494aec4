package io.spindle.examples;

import io.spindle.api.functions.AggregateFunction;

/** Counts a window's records; mergeable, so session windows can use it too. */
public final class CountRecords<T> implements AggregateFunction<T, Long, Long> {

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T value, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long first, Long second) {
        return first + second;
    }
}
