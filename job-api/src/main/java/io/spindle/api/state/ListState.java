package io.spindle.api.state;

import java.util.List;

/** A list of values per key (also the shape of operator state, where it is per subtask). */
public interface ListState<T> {

    /** The values for the current key, in the order they were added; empty if none. */
    List<T> get();

    void add(T value);

    /** Replaces all values for the current key. */
    void update(List<T> values);

    void clear();
}
