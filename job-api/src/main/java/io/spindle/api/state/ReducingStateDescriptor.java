package io.spindle.api.state;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.ReduceFunction;

import java.util.Objects;

public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>> {

    private final ReduceFunction<T> reduceFunction;
    private final Codec<T> codec;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Codec<T> codec) {
        super(name);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function of state " + name);
        this.codec = Objects.requireNonNull(codec, "codec of state " + name);
    }

    @Override
    public Kind kind() {
        return Kind.REDUCING;
    }

    public ReduceFunction<T> reduceFunction() {
        return reduceFunction;
    }

    @Override
    public Codec<T> valueCodec() {
        return codec;
    }
}
