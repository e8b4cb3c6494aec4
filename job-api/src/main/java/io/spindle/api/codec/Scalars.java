package io.spindle.api.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The codecs of single values: fixed-width big-endian numbers, length-prefixed UTF-8 strings and byte arrays. */
final class Scalars {

    private Scalars() { }

    interface Writer<T> {
        void write(T value, DataOutput out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    /** A codec made of a writer and a reader. */
    static final class Simple<T> extends NonNullCodec<T> {
        private final Writer<T> writer;
        private final Reader<T> reader;

        Simple(String id, Writer<T> writer, Reader<T> reader) {
            super(id);
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        void encodeNonNull(T value, DataOutput out) throws IOException {
            writer.write(value, out);
        }

        @Override
        public T decode(DataInput in) throws IOException {
            return reader.read(in);
        }
    }

    static final Codec<Boolean> BOOLEAN = new Simple<>("boolean",
            (value, out) -> out.writeByte(value ? 1 : 0),
            in -> {
                int b = in.readUnsignedByte();
                if (b > 1) {
                    throw new IOException("boolean: expected byte 0 or 1, got 0x" + Integer.toHexString(b));
                }
                return b == 1;
            });

    static final Codec<Byte> BYTE = new Simple<>("byte", (value, out) -> out.writeByte(value), DataInput::readByte);

    static final Codec<Short> SHORT = new Simple<>("short", (value, out) -> out.writeShort(value), DataInput::readShort);

    static final Codec<Integer> INT = new Simple<>("int", (value, out) -> out.writeInt(value), DataInput::readInt);

    static final Codec<Long> LONG = new Simple<>("long", (value, out) -> out.writeLong(value), DataInput::readLong);

    /** IEEE 754 bits via {@link Float#floatToIntBits}: every NaN is written as the canonical 0x7fc00000. */
    static final Codec<Float> FLOAT = new Simple<>("float", (value, out) -> out.writeFloat(value), DataInput::readFloat);

    /** IEEE 754 bits via {@link Double#doubleToLongBits}: every NaN is written as the canonical 0x7ff8000000000000. */
    static final Codec<Double> DOUBLE =
            new Simple<>("double", (value, out) -> out.writeDouble(value), DataInput::readDouble);

    /** One UTF-16 code unit. */
    static final Codec<Character> CHAR = new Simple<>("char", (value, out) -> out.writeChar(value), DataInput::readChar);

    static final Codec<String> STRING = new Simple<>("string", Scalars::writeString, in -> readString(in, "string"));

    static final Codec<byte[]> BYTES = new Simple<>("bytes",
            (value, out) -> {
                Varints.writeLength(out, value.length);
                out.write(value);
            },
            in -> Varints.readBytes(in, Varints.readLength(in, "bytes"), "bytes"));

    /**
     * Varint length of the UTF-8 bytes, then the bytes. A string with an unpaired surrogate has no UTF-8 form; it is
     * refused rather than silently turned into '?'.
     */
    static void writeString(String value, DataOutput out) throws IOException {
        checkWellFormed(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Varints.writeLength(out, bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeString} wrote. Malformed UTF-8 decodes to U+FFFD, as {@code new String(bytes, UTF_8)}. */
    static String readString(DataInput in, String codecId) throws IOException {
        byte[] bytes = Varints.readBytes(in, Varints.readLength(in, codecId), codecId);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void checkWellFormed(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(String.format(
                            "codec 'string' cannot encode an unpaired surrogate (\\u%04X at index %d): it has no UTF-8"
                                    + " form", (int) c, i));
                }
            }
        }
    }
}
