package io.spindle.api.state;

import io.spindle.api.codec.Codec;

import java.util.Objects;

public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>> {

    private final Codec<T> codec;

    public ListStateDescriptor(String name, Codec<T> codec) {
        super(name);
        this.codec = Objects.requireNonNull(codec, "codec of state " + name);
    }

    @Override
    public Kind kind() {
        return Kind.LIST;
    }

    @Override
    public Codec<T> valueCodec() {
        return codec;
    }
}
