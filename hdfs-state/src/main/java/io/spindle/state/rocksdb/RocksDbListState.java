package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ListState;
import io.spindle.state.StateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * List state: the value is the concatenation of [varint length][element bytes] per element. add() is a
 * RocksDB merge whose operator appends bytes (no read); get() reads the merged value and splits it. The methods
 * that take a key serve namespaced list state too ({@link RocksDbNamespacedListState}).
 */
final class RocksDbListState<T> implements ListState<T> {

    private final RocksDbKeyedStateBackend<?> backend;
    private final RegisteredState state;
    private final Codec<T> codec;

    RocksDbListState(RocksDbKeyedStateBackend<?> backend, RegisteredState state, Codec<T> codec) {
        this.backend = backend;
        this.state = state;
        this.codec = codec;
    }

    @Override
    public List<T> get() {
        byte[] key = backend.currentKeyPrefix();
        return get(key, key.length);
    }

    @Override
    public void add(T value) {
        byte[] key = backend.currentKeyPrefix();
        add(key, key.length, value);
    }

    @Override
    public void update(List<T> values) {
        byte[] key = backend.currentKeyPrefix();
        update(key, key.length, values);
    }

    @Override
    public void clear() {
        byte[] key = backend.currentKeyPrefix();
        backend.delete(state, key, key.length);
    }

    List<T> get(byte[] key, int keyLength) {
        byte[] bytes = backend.get(state, key, keyLength);
        List<T> values = new ArrayList<>();
        if (bytes == null) {
            return values;
        }
        int position = 0;
        while (position < bytes.length) {
            int length = RocksDbLayout.readVarInt(bytes, position);
            position += RocksDbLayout.varIntSize(length);
            if (length > bytes.length - position) {
                throw new StateException("list state '" + state.name() + "' has an element of "
                        + length + " bytes but only " + (bytes.length - position) + " remain");
            }
            values.add(backend.decode(codec, bytes, position, length, "an element of list state", state.name()));
            position += length;
        }
        return values;
    }

    void add(byte[] key, int keyLength, T value) {
        ScratchOutput operand = backend.valueScratch();
        appendElement(operand, value);
        backend.merge(state, key, keyLength, operand);
    }

    void update(byte[] key, int keyLength, List<T> values) {
        if (values == null || values.isEmpty()) {
            backend.delete(state, key, keyLength);
            return;
        }
        ScratchOutput value = backend.valueScratch();
        for (T element : values) {
            appendElement(value, element);
        }
        backend.put(state, key, keyLength, value);
    }

    private void appendElement(ScratchOutput target, T element) {
        Objects.requireNonNull(element, () -> "a null element cannot be added to list state '" + state.name() + "'");
        ScratchOutput encoded = backend.encode(codec, element, backend.elementScratch(),
                "an element of list state", state.name());
        target.writeVarInt(encoded.size());
        target.write(encoded.array(), 0, encoded.size());
    }
}
