package io.spindle.api.state;

import io.spindle.api.codec.Codec;

import java.util.Objects;

public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>> {

    private final Codec<T> codec;

    public ValueStateDescriptor(String name, Codec<T> codec) {
        super(name);
        this.codec = Objects.requireNonNull(codec, "codec of state " + name);
    }

    @Override
    public Kind kind() {
        return Kind.VALUE;
    }

    @Override
    public Codec<T> valueCodec() {
        return codec;
    }
}
