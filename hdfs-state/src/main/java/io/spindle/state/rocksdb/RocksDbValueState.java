package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ValueState;

/** Value state: key = the current key's prefix, value = the codec's bytes. */
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
        byte[] bytes = backend.get(state, key, key.length);
        return bytes == null ? null : backend.decode(codec, bytes, 0, bytes.length, "value state '" + state.name() + "'");
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
            return;
        }
        byte[] key = backend.currentKeyPrefix();
        backend.put(state, key, key.length, backend.encode(codec, value, backend.valueScratch(), "a value of state '"
                + state.name() + "'"));
    }

    @Override
    public void clear() {
        byte[] key = backend.currentKeyPrefix();
        backend.delete(state, key, key.length);
    }
}
