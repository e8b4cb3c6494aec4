package io.spindle.state;

/**
 * Value state of the current key in each of its namespaces (e.g. a window): one value per key and namespace.
 * Null means absent, as for value state.
 *
 * @param <N> the namespace type
 * @param <T> the value type
 */
public interface NamespacedValueState<N, T> {

    /** The value of the current key in {@code namespace}, null if none. */
    T value(N namespace);

    /** Sets the value of the current key in {@code namespace}; null clears it. */
    void update(N namespace, T value);

    void clear(N namespace);
}
