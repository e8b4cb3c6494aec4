package io.spindle.api.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns values into bytes and back: records on the wire, keys and values in state, savepoints.
 * Spindle never falls back to Java serialization; every type that crosses a boundary has a codec.
 *
 * @param <T> the value type
 */
public interface Codec<T> {

    void encode(T value, DataOutput out) throws IOException;

    T decode(DataInput in) throws IOException;

    /**
     * A stable name of the encoding, stored in savepoints so that a restore with an incompatible codec
     * is refused up front: "long", "string", "tuple2(string,long)".
     */
    String id();
}
