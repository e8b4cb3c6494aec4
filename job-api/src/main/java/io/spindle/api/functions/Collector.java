package io.spindle.api.functions;

/** Where a function emits its output records. */
@FunctionalInterface
public interface Collector<T> {

    void collect(T value);
}
