package io.spindle.state;

import io.spindle.api.codec.Codec;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Tiny codecs for tests (the real ones live in job-api's Codecs). */
public final class TestCodecs {

    private TestCodecs() { }

    /** 8 bytes big-endian: byte order is unsigned, so negative numbers sort after positive ones. */
    public static final Codec<Long> LONG = new Codec<>() {
        @Override
        public void encode(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public Long decode(DataInput in) throws IOException {
            return in.readLong();
        }

        @Override
        public String id() {
            return "long";
        }
    };

    /** Length-prefixed modified UTF-8. */
    public static final Codec<String> STRING = new Codec<>() {
        @Override
        public void encode(String value, DataOutput out) throws IOException {
            out.writeUTF(value);
        }

        @Override
        public String decode(DataInput in) throws IOException {
            return in.readUTF();
        }

        @Override
        public String id() {
            return "string";
        }
    };

    /**
     * UTF-8 bytes with no length and no terminator, read until the input ends: not self-delimiting, so
     * it only round-trips if the store keeps each value's exact byte range. Encodings of "a" and "ab"
     * are prefixes of one another.
     */
    public static final Codec<String> RAW_STRING = new Codec<>() {
        @Override
        public void encode(String value, DataOutput out) throws IOException {
            out.write(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(DataInput in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                try {
                    bytes.write(in.readByte());
                } catch (EOFException end) {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
            }
        }

        @Override
        public String id() {
            return "raw-string";
        }
    };

    public static <T> byte[] encode(Codec<T> codec, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            codec.encode(value, new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
