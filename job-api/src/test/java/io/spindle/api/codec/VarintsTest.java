package io.spindle.api.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import static io.spindle.api.codec.CodecTesting.hex;
import static io.spindle.api.codec.CodecTesting.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VarintsTest {

    private static byte[] write(int value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Varints.writeLength(new DataOutputStream(bytes), value);
        return bytes.toByteArray();
    }

    private static int read(byte[] bytes) throws IOException {
        return Varints.readLength(new DataInputStream(new ByteArrayInputStream(bytes)), "test");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0, 00",
        "1, 01",
        "127, 7f",
        "128, 8001",
        "300, ac02",
        "16383, ff7f",
        "16384, 808001",
        "2147483647, ffffffff07",
    })
    void lengthsAreUnsignedLeb128LowGroupFirst(int value, String expected) throws IOException {
        assertThat(hexOf(write(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 255, 300, 65_535, 1 << 21, 1 << 28, Integer.MAX_VALUE})
    void everyNonNegativeIntReadsBackAsWritten(int value) throws IOException {
        assertThat(read(write(value))).isEqualTo(value);
    }

    @Test
    void aNegativeLengthCannotBeWritten() {
        assertThatThrownBy(() -> write(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void aLengthBeyondIntMaxIsRejectedWhenRead() {
        assertThatThrownBy(() -> read(hex("ffffffff0f")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("test: length prefix is negative or larger than 2147483647");
    }

    @Test
    void aVarintCutShortIsAnEndOfFile() {
        assertThatThrownBy(() -> read(hex("8080"))).isInstanceOf(EOFException.class);
    }
}
