package io.spindle.api.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import static io.spindle.api.codec.CodecTesting.decode;
import static io.spindle.api.codec.CodecTesting.encode;
import static io.spindle.api.codec.CodecTesting.hex;
import static io.spindle.api.codec.CodecTesting.hexOf;
import static io.spindle.api.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalarCodecsTest {

    // ---- round trips

    @Test
    void booleansRoundTrip() {
        assertThat(roundTrip(Codecs.BOOLEAN, true)).isTrue();
        assertThat(roundTrip(Codecs.BOOLEAN, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(bytes = {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE})
    void bytesRoundTripIncludingTheExtremes(byte value) {
        assertThat(roundTrip(Codecs.BYTE, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(shorts = {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE})
    void shortsRoundTripIncludingTheExtremes(short value) {
        assertThat(roundTrip(Codecs.SHORT, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE})
    void intsRoundTripIncludingTheExtremes(int value) {
        assertThat(roundTrip(Codecs.INT, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE})
    void longsRoundTripIncludingTheExtremes(long value) {
        assertThat(roundTrip(Codecs.LONG, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, 1.5f, Float.MAX_VALUE,
            Float.POSITIVE_INFINITY})
    void floatsRoundTripBitForBit(float value) {
        assertThat(Float.floatToIntBits(roundTrip(Codecs.FLOAT, value))).isEqualTo(Float.floatToIntBits(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Math.PI, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY})
    void doublesRoundTripBitForBit(double value) {
        assertThat(Double.doubleToLongBits(roundTrip(Codecs.DOUBLE, value))).isEqualTo(Double.doubleToLongBits(value));
    }

    @Test
    void nanRoundTripsAsNan() {
        assertThat(roundTrip(Codecs.DOUBLE, Double.NaN)).isNaN();
        assertThat(roundTrip(Codecs.FLOAT, Float.NaN)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', 'a', '\u00e9', '\uffff', '\ud83d'})
    void charsRoundTripAsUtf16CodeUnits(char value) {
        assertThat(roundTrip(Codecs.CHAR, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "hello, world", "\u00e9t\u00e9", "\u65e5\u672c\u8a9e", "\ud83d\ude00 emoji",
            "nul \u0000 inside", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08"})
    void stringsRoundTripIncludingEmptyAndNonBmpCharacters(String value) {
        assertThat(roundTrip(Codecs.STRING, value)).isEqualTo(value);
    }

    @Test
    void stringsLongerThan64KilobytesRoundTrip() {
        String large = "\u00e9".repeat(100_000);
        assertThat(roundTrip(Codecs.STRING, large)).isEqualTo(large);
    }

    @Test
    void byteArraysRoundTripIncludingEmpty() {
        assertThat(roundTrip(Codecs.BYTES, new byte[0])).isEmpty();
        assertThat(roundTrip(Codecs.BYTES, new byte[] {0, -1, 127, -128})).containsExactly(0, -1, 127, -128);
    }

    @Test
    void largeByteArraysRoundTrip() {
        byte[] large = new byte[3 << 20];
        Arrays.fill(large, (byte) 7);
        large[large.length - 1] = 9;
        assertThat(roundTrip(Codecs.BYTES, large)).isEqualTo(large);
    }

    // ---- pinned byte layouts (savepoints depend on them)

    @Test
    void longIsEightBigEndianBytes() throws IOException {
        assertThat(hexOf(encode(Codecs.LONG, 1L))).isEqualTo("0000000000000001");
        assertThat(hexOf(encode(Codecs.LONG, -2L))).isEqualTo("fffffffffffffffe");
        assertThat(hexOf(encode(Codecs.LONG, Long.MIN_VALUE))).isEqualTo("8000000000000000");
    }

    @Test
    void intIsFourBigEndianBytes() throws IOException {
        assertThat(hexOf(encode(Codecs.INT, 0x01020304))).isEqualTo("01020304");
    }

    @Test
    void shortIsTwoBigEndianBytes() throws IOException {
        assertThat(hexOf(encode(Codecs.SHORT, (short) -2))).isEqualTo("fffe");
    }

    @Test
    void byteAndBooleanAreOneByte() throws IOException {
        assertThat(hexOf(encode(Codecs.BYTE, (byte) -1))).isEqualTo("ff");
        assertThat(hexOf(encode(Codecs.BOOLEAN, true))).isEqualTo("01");
        assertThat(hexOf(encode(Codecs.BOOLEAN, false))).isEqualTo("00");
    }

    @Test
    void floatAndDoubleAreBigEndianIeee754() throws IOException {
        assertThat(hexOf(encode(Codecs.FLOAT, 1.0f))).isEqualTo("3f800000");
        assertThat(hexOf(encode(Codecs.DOUBLE, 1.0))).isEqualTo("3ff0000000000000");
    }

    @Test
    void everyNanIsWrittenAsTheCanonicalNan() throws IOException {
        double otherNan = Double.longBitsToDouble(0x7ff0000000000001L);
        assertThat(hexOf(encode(Codecs.DOUBLE, otherNan))).isEqualTo("7ff8000000000000");
        assertThat(hexOf(encode(Codecs.FLOAT, Float.intBitsToFloat(0x7f800001)))).isEqualTo("7fc00000");
    }

    @Test
    void charIsOneBigEndianUtf16CodeUnit() throws IOException {
        assertThat(hexOf(encode(Codecs.CHAR, '\u00e9'))).isEqualTo("00e9");
    }

    @Test
    void stringIsAVarintByteCountThenUtf8() throws IOException {
        assertThat(hexOf(encode(Codecs.STRING, "ab"))).isEqualTo("026162");
        assertThat(hexOf(encode(Codecs.STRING, ""))).isEqualTo("00");
    }

    @Test
    void stringsAreStandardUtf8NotModifiedUtf8() throws IOException {
        // modified UTF-8 would write NUL as c0 80 and an emoji as two 3-byte surrogates
        assertThat(hexOf(encode(Codecs.STRING, "\u0000"))).isEqualTo("0100");
        assertThat(hexOf(encode(Codecs.STRING, "\ud83d\ude00"))).isEqualTo("04f09f9880");
    }

    @Test
    void stringByteCountsFrom128OnTakeTwoVarintBytes() throws IOException {
        byte[] encoded = encode(Codecs.STRING, "x".repeat(200));
        assertThat(hexOf(Arrays.copyOf(encoded, 3))).isEqualTo("c80178");
        assertThat(encoded).hasSize(202);
    }

    @Test
    void bytesAreAVarintLengthThenTheBytes() throws IOException {
        assertThat(hexOf(encode(Codecs.BYTES, new byte[] {1, 2, 3}))).isEqualTo("03010203");
    }

    // ---- ids

    @Test
    void scalarIdsAreTheirTypeNames() {
        assertThat(Arrays.asList(Codecs.BOOLEAN, Codecs.BYTE, Codecs.SHORT, Codecs.INT, Codecs.LONG, Codecs.FLOAT,
                Codecs.DOUBLE, Codecs.CHAR, Codecs.STRING, Codecs.BYTES))
                .extracting(Codec::id)
                .containsExactly("boolean", "byte", "short", "int", "long", "float", "double", "char", "string",
                        "bytes");
    }

    @Test
    void toStringIsTheId() {
        assertThat(Codecs.LONG).hasToString("long");
    }

    // ---- errors

    @Test
    void encodingNullIsRejectedNamingTheCodec() {
        assertThatThrownBy(() -> encode(Codecs.LONG, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("codec 'long' cannot encode null; wrap it in Codecs.nullable(...) if the value may be null");
    }

    @Test
    void aStringWithAnUnpairedSurrogateIsRefusedRatherThanMangled() {
        assertThatThrownBy(() -> encode(Codecs.STRING, "a\ud83db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate (\\uD83D at index 1)");
    }

    @Test
    void aTruncatedLongIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(Codecs.LONG, hex("00000001"))).isInstanceOf(EOFException.class);
    }

    @Test
    void aStringShorterThanItsLengthIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(Codecs.STRING, hex("05 6162"))).isInstanceOf(EOFException.class);
    }

    @Test
    void aHugeLengthOnShortInputFailsWithEndOfFileWithoutAllocatingIt() {
        // 2^31 - 9 bytes announced, 2 present
        assertThatThrownBy(() -> decode(Codecs.BYTES, hex("f7ffffff07 0102"))).isInstanceOf(EOFException.class);
    }

    @Test
    void aLengthAboveTheLargestArrayIsRejected() {
        assertThatThrownBy(() -> decode(Codecs.STRING, hex("ffffffff07")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("string: length 2147483647 exceeds the largest array");
    }

    @Test
    void aNegativeLengthIsRejected() {
        // -1 as a 32-bit unsigned varint
        assertThatThrownBy(() -> decode(Codecs.BYTES, hex("ffffffff0f")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bytes: length prefix is negative or larger than 2147483647");
    }

    @Test
    void aBooleanByteOtherThanZeroOrOneIsRejected() {
        assertThatThrownBy(() -> decode(Codecs.BOOLEAN, hex("02")))
                .isInstanceOf(IOException.class)
                .hasMessage("boolean: expected byte 0 or 1, got 0x2");
    }

    @Test
    void decodingAnEmptyInputIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(Codecs.INT, new byte[0])).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> decode(Codecs.STRING, new byte[0])).isInstanceOf(EOFException.class);
    }

    @Test
    void malformedUtf8DecodesToReplacementCharacters() throws IOException {
        assertThat(decode(Codecs.STRING, hex("02 61ff"))).isEqualTo("a\ufffd");
    }
}
