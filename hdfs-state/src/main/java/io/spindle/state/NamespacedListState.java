package io.spindle.state;

import java.util.List;

/**
 * List state of the current key in each of its namespaces (e.g. a window): one list per key and namespace.
 * Adding a null element is a {@link NullPointerException}, as for list state.
 *
 * @param <N> the namespace type
 * @param <T> the element type
 */
public interface NamespacedListState<N, T> {

    /** The elements of the current key in {@code namespace} in the order they were added; empty if none. */
    List<T> get(N namespace);

    /** Appends an element without reading the list. */
    void add(N namespace, T element);

    /** Replaces the list; null or an empty list clears it. */
    void update(N namespace, List<T> elements);

    void clear(N namespace);
}
