package io.spindle.api.state;

/** A value per key that every added value is folded into with the declared reduce function. */
public interface ReducingState<T> {

    /** The folded value for the current key, or null if nothing was added. */
    T get();

    void add(T value);

    void clear();
}
