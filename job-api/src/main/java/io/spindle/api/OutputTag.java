package io.spindle.api;

import io.spindle.api.codec.Codec;

import java.util.Objects;

/**
 * Names a side output: a second stream of an operator, such as the records too late for their window. Tags are
 * equal when their names are, so a job can create the tag again where it reads the side output.
 *
 * @param <T> the side output's records
 */
public final class OutputTag<T> {

    private final String name;
    private final Codec<T> codec;

    public OutputTag(String name, Codec<T> codec) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a side output needs a non-empty name");
        }
        this.name = name;
        this.codec = Objects.requireNonNull(codec, "codec of side output " + name);
    }

    public String name() {
        return name;
    }

    public Codec<T> codec() {
        return codec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputTag<?> that && that.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "side output '" + name + "'";
    }
}
