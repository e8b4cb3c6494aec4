package io.spindle.api.functions;

/** Folds two values into one; must be associative. */
@FunctionalInterface
public interface ReduceFunction<T> {

    T reduce(T accumulated, T value) throws Exception;
}
