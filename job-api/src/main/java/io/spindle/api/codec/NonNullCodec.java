package io.spindle.api.codec;

import java.io.DataOutput;
import java.io.IOException;

/** Base of the built-in codecs: an id, {@code toString()} = id, and null rejected with a clear message. */
abstract class NonNullCodec<T> implements Codec<T> {

    private final String id;

    NonNullCodec(String id) {
        this.id = id;
    }

    @Override
    public final void encode(T value, DataOutput out) throws IOException {
        if (value == null) {
            throw new NullPointerException("codec '" + id + "' cannot encode null; wrap it in Codecs.nullable(...)"
                    + " if the value may be null");
        }
        encodeNonNull(value, out);
    }

    abstract void encodeNonNull(T value, DataOutput out) throws IOException;

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String toString() {
        return id;
    }

    /** The id of a codec given to a factory, checked. */
    static String idOf(Codec<?> codec, String role) {
        if (codec == null) {
            throw new NullPointerException(role + " codec is null");
        }
        String id = codec.id();
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(role + " codec " + codec.getClass().getName() + " has no id");
        }
        return id;
    }

    /**
     * Encodes a part of a composite value, naming the part if it is null and its codec rejects null (user codecs
     * are left to decide for themselves).
     */
    static void encodePart(Codec<?> codec, Object value, DataOutput out, String compositeId, String part)
            throws IOException {
        encodePart(codec, value, out, compositeId, part, "");
    }

    /**
     * As {@link #encodePart(Codec, Object, DataOutput, String, String)} for a part named {@code part + detail}: the
     * name is only built for the error, not for every value encoded.
     */
    @SuppressWarnings("unchecked")
    static void encodePart(Codec<?> codec, Object value, DataOutput out, String compositeId, String part,
                           Object detail) throws IOException {
        if (value == null && codec instanceof NonNullCodec) {
            throw new NullPointerException(part + detail + " of " + compositeId + " is null, and codec '"
                    + codec.id() + "' cannot encode null; use Codecs.nullable(...) for it if it may be null");
        }
        ((Codec<Object>) codec).encode(value, out);
    }
}
