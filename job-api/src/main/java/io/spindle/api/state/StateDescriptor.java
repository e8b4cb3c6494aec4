package io.spindle.api.state;

import io.spindle.api.codec.Codec;

import java.util.Objects;

/**
 * Declares a piece of state by name: the name is its id in checkpoints and savepoints, so it must
 * stay the same when the job's code changes.
 */
public abstract sealed class StateDescriptor<S>
        permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor, ReducingStateDescriptor {

    /** Stored in savepoints with the codec id, so a restore into another kind of state is refused. */
    public enum Kind { VALUE, LIST, MAP, REDUCING }

    private final String name;

    StateDescriptor(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state needs a non-empty name");
        }
        this.name = name;
    }

    public final String name() {
        return name;
    }

    public abstract Kind kind();

    /** The codec of the stored values (for map state, of the map's values). */
    public abstract Codec<?> valueCodec();

    /** Identifies the stored encoding: a restore with another one is refused. */
    public String codecId() {
        return valueCodec().id();
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof StateDescriptor<?> that && that.getClass() == getClass() && that.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), name);
    }

    @Override
    public String toString() {
        return kind().name().toLowerCase() + " state '" + name + "'";
    }
}
