package io.spindle.api.state;

/** One value per key. */
public interface ValueState<T> {

    /** The value for the current key, or null if none. */
    T value();

    void update(T value);

    void clear();
}
