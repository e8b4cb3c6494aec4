package io.spindle.api.state;

import io.spindle.api.codec.Codec;

import java.util.Objects;

public final class MapStateDescriptor<K, V> extends StateDescriptor<MapState<K, V>> {

    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;

    public MapStateDescriptor(String name, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(name);
        this.keyCodec = Objects.requireNonNull(keyCodec, "key codec of state " + name);
        this.valueCodec = Objects.requireNonNull(valueCodec, "value codec of state " + name);
    }

    @Override
    public Kind kind() {
        return Kind.MAP;
    }

    public Codec<K> keyCodec() {
        return keyCodec;
    }

    @Override
    public String codecId() {
        return keyCodec.id() + "->" + valueCodec.id();
    }

    @Override
    public Codec<V> valueCodec() {
        return valueCodec;
    }
}
