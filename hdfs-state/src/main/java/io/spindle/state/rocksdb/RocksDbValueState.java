package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ValueState;

/**
 * Value state: key = the current key's prefix, value = the codec's bytes. The methods that take a key serve
 * namespaced value state too ({@link RocksDbNamespacedValueState}), whose key is the prefix and a namespace.
 */
final class RocksDbValueState<T> implements ValueState<T> {

    private final RocksDbKeyedStateBackend<?> backend;
    private final RegisteredState state;
    private final Codec<T> codec;

    RocksDbValueState(RocksDbKeyedStateBackend<?> backend, RegisteredState state, Codec<T> codec) {
        this.backend = backend;
        this.state = state;
        this.codec = codec;
    }

    @Override
    public T value() {
        byte[] key = backend.currentKeyPrefix();
        return value(key, key.length);
    }

    @Override
    public void update(T value) {
        byte[] key = backend.currentKeyPrefix();
        update(key, key.length, value);
    }

    @Override
    public void clear() {
        byte[] key = backend.currentKeyPrefix();
        backend.delete(state, key, key.length);
    }

    T value(byte[] key, int keyLength) {
        byte[] bytes = backend.get(state, key, keyLength);
        return bytes == null ? null : backend.decode(codec, bytes, 0, bytes.length, "value state", state.name());
    }

    void update(byte[] key, int keyLength, T value) {
        if (value == null) {
            backend.delete(state, key, keyLength);
            return;
        }
        backend.put(state, key, keyLength,
                backend.encode(codec, value, backend.valueScratch(), "a value of state", state.name()));
    }
}
