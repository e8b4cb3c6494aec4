package io.spindle.api.state;

import java.util.Map;

/** A map per key. */
public interface MapState<K, V> {

    V get(K key);

    void put(K key, V value);

    boolean contains(K key);

    void remove(K key);

    /** The entries for the current key, ordered by the encoded bytes of their keys. */
    Iterable<Map.Entry<K, V>> entries();

    boolean isEmpty();

    void clear();
}
