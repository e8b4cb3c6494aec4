package io.spindle.core.graph;

import io.spindle.api.codec.Codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A record of one of two streams, marked with which: how two streams share one window operator (co-groups). */
public record TaggedUnion(boolean isFirst, Object value) {

    static Codec<TaggedUnion> codec(Codec<Object> first, Codec<Object> second) {
        return new Codec<>() {
            @Override
            public void encode(TaggedUnion union, DataOutput out) throws IOException {
                out.writeBoolean(union.isFirst);
                (union.isFirst ? first : second).encode(union.value, out);
            }

            @Override
            public TaggedUnion decode(DataInput in) throws IOException {
                boolean isFirst = in.readBoolean();
                return new TaggedUnion(isFirst, (isFirst ? first : second).decode(in));
            }

            @Override
            public String id() {
                return "tagged-union(" + first.id() + "," + second.id() + ")";
            }
        };
    }
}
