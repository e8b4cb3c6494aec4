package io.spindle.api.functions;

/** Picks the key of a record. Must be deterministic: the same record always gives an equal key. */
@FunctionalInterface
public interface KeySelector<T, K> {

    K key(T value) throws Exception;
}
