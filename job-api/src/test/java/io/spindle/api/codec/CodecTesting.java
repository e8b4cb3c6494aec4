package io.spindle.api.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Encoding and decoding through byte arrays. */
final class CodecTesting {

    private CodecTesting() { }

    static <T> byte[] encode(Codec<T> codec, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.encode(value, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    /** Decodes and checks that the codec read every byte. */
    static <T> T decode(Codec<T> codec, byte[] bytes) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        T value = codec.decode(new DataInputStream(in));
        assertThat(in.available()).as("bytes left after decoding with %s", codec.id()).isZero();
        return value;
    }

    static <T> T roundTrip(Codec<T> codec, T value) {
        try {
            return decode(codec, encode(codec, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
