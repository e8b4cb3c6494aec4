package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.ReduceFunction;
import io.spindle.api.state.ReducingState;
import io.spindle.state.StateException;

import java.util.Objects;

/** Reducing state: stored like value state; add() reads, folds and writes back. */
final class RocksDbReducingState<T> implements ReducingState<T> {

    private final RocksDbKeyedStateBackend<?> backend;
    private final RegisteredState state;
    private final Codec<T> codec;
    private final ReduceFunction<T> reduceFunction;

    RocksDbReducingState(RocksDbKeyedStateBackend<?> backend, RegisteredState state, Codec<T> codec,
                         ReduceFunction<T> reduceFunction) {
        this.backend = backend;
        this.state = state;
        this.codec = codec;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() {
        byte[] key = backend.currentKeyPrefix();
        byte[] bytes = backend.get(state, key, key.length);
        return bytes == null ? null : backend.decode(codec, bytes, 0, bytes.length, "reducing state", state.name());
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, () -> "a null value cannot be added to reducing state '" + state.name() + "'");
        T current = get();
        T reduced = current == null ? value : reduce(current, value);
        byte[] key = backend.currentKeyPrefix();
        backend.put(state, key, key.length, backend.encode(codec, reduced, backend.valueScratch(),
                "a value of state", state.name()));
    }

    private T reduce(T current, T value) {
        T reduced;
        try {
            reduced = reduceFunction.reduce(current, value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StateException("the reduce function of state '" + state.name() + "' failed: " + e, e);
        }
        return Objects.requireNonNull(reduced, () -> "the reduce function of state '" + state.name() + "' returned null");
    }

    @Override
    public void clear() {
        byte[] key = backend.currentKeyPrefix();
        backend.delete(state, key, key.length);
    }
}
