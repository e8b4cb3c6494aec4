package io.spindle.state.rocksdb;

import io.spindle.state.NamespacedValueState;

/** Namespaced value state: stored as value state, under the current key's prefix followed by the namespace. */
final class RocksDbNamespacedValueState<N, T> implements NamespacedValueState<N, T> {

    private final RocksDbValueState<T> values;
    private final NamespaceKeys<N> keys;

    RocksDbNamespacedValueState(RocksDbValueState<T> values, NamespaceKeys<N> keys) {
        this.values = values;
        this.keys = keys;
    }

    @Override
    public T value(N namespace) {
        ScratchOutput key = keys.of(namespace);
        return values.value(key.array(), key.size());
    }

    @Override
    public void update(N namespace, T value) {
        ScratchOutput key = keys.of(namespace);
        values.update(key.array(), key.size(), value);
    }

    @Override
    public void clear(N namespace) {
        update(namespace, null);
    }
}
