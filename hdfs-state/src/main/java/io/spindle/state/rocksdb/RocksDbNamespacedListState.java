package io.spindle.state.rocksdb;

import io.spindle.state.NamespacedListState;

import java.util.List;

/** Namespaced list state: stored as list state, under the current key's prefix followed by the namespace. */
final class RocksDbNamespacedListState<N, T> implements NamespacedListState<N, T> {

    private final RocksDbListState<T> lists;
    private final NamespaceKeys<N> keys;

    RocksDbNamespacedListState(RocksDbListState<T> lists, NamespaceKeys<N> keys) {
        this.lists = lists;
        this.keys = keys;
    }

    @Override
    public List<T> get(N namespace) {
        ScratchOutput key = keys.of(namespace);
        return lists.get(key.array(), key.size());
    }

    @Override
    public void add(N namespace, T element) {
        ScratchOutput key = keys.of(namespace);
        lists.add(key.array(), key.size(), element);
    }

    @Override
    public void update(N namespace, List<T> elements) {
        ScratchOutput key = keys.of(namespace);
        lists.update(key.array(), key.size(), elements);
    }

    @Override
    public void clear(N namespace) {
        update(namespace, null);
    }
}
