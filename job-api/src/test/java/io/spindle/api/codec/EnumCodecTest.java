package io.spindle.api.codec;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.spindle.api.codec.CodecTesting.decode;
import static io.spindle.api.codec.CodecTesting.encode;
import static io.spindle.api.codec.CodecTesting.hexOf;
import static io.spindle.api.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumCodecTest {

    enum Color { RED, GREEN, BLUE }

    /** Color after a release that reordered its constants and added one. */
    enum ColorV2 { PURPLE, BLUE, GREEN, RED }

    enum Operation {
        PLUS { int apply(int a, int b) { return a + b; } },
        TIMES { int apply(int a, int b) { return a * b; } };

        abstract int apply(int a, int b);
    }

    @Test
    void everyConstantRoundTrips() {
        for (Color color : Color.values()) {
            assertThat(roundTrip(Codecs.enumCodec(Color.class), color)).isSameAs(color);
        }
    }

    @Test
    void constantsWithBodiesRoundTrip() {
        assertThat(roundTrip(Codecs.enumCodec(Operation.class), Operation.TIMES)).isSameAs(Operation.TIMES);
    }

    @Test
    void aConstantIsEncodedByItsNameLikeAString() throws IOException {
        assertThat(encode(Codecs.enumCodec(Color.class), Color.RED)).isEqualTo(encode(Codecs.STRING, "RED"));
        assertThat(hexOf(encode(Codecs.enumCodec(Color.class), Color.RED))).isEqualTo("03524544");
    }

    @Test
    void reorderingConstantsKeepsStoredValuesReadable() throws IOException {
        byte[] stored = encode(Codecs.enumCodec(Color.class), Color.GREEN);
        assertThat(decode(Codecs.enumCodec(ColorV2.class), stored)).isEqualTo(ColorV2.GREEN);
    }

    @Test
    void anUnknownConstantNameIsRejected() throws IOException {
        byte[] stored = encode(Codecs.enumCodec(ColorV2.class), ColorV2.PURPLE);
        assertThatThrownBy(() -> decode(Codecs.enumCodec(Color.class), stored))
                .isInstanceOf(IOException.class)
                .hasMessage("enum(io.spindle.api.codec.EnumCodecTest$Color): unknown constant 'PURPLE' of"
                        + " io.spindle.api.codec.EnumCodecTest$Color; known: RED, GREEN, BLUE");
    }

    @Test
    void theIdNamesTheEnumClass() {
        assertThat(Codecs.enumCodec(Color.class).id()).isEqualTo("enum(io.spindle.api.codec.EnumCodecTest$Color)");
    }

    @Test
    void encodingNullIsRejectedNamingTheCodec() {
        assertThatThrownBy(() -> encode(Codecs.enumCodec(Color.class), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("codec 'enum(io.spindle.api.codec.EnumCodecTest$Color)' cannot encode null");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClassThatIsNotAnEnumIsRejected() {
        assertThatThrownBy(() -> Codecs.enumCodec((Class) String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String is not an enum class");
    }
}
