package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;

import java.util.Objects;

/** The keys of a namespaced state: the current key's prefix, then the namespace codec's bytes. */
final class NamespaceKeys<N> {

    private final RocksDbKeyedStateBackend<?> backend;
    private final Codec<N> codec;
    private final String stateName;

    NamespaceKeys(RocksDbKeyedStateBackend<?> backend, Codec<N> codec, String stateName) {
        this.backend = backend;
        this.codec = codec;
        this.stateName = stateName;
    }

    /** The key of the current key in {@code namespace}, in the backend's key scratch: valid until its next use. */
    ScratchOutput of(N namespace) {
        Objects.requireNonNull(namespace, () -> "state '" + stateName + "' has no null namespace");
        byte[] prefix = backend.currentKeyPrefix();
        ScratchOutput out = backend.keyScratch();
        out.write(prefix, 0, prefix.length);
        return backend.encode(codec, namespace, out, "a namespace of state", stateName);
    }
}
