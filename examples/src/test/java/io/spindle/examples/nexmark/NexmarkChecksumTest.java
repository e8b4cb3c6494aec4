package io.spindle.examples.nexmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NexmarkChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "1\t2\t3", "p1\tSeattle", "Zürich", "€ 100", "duck 🦆", "lone \uD83E surrogate",
            "backwards \uDD86\uD83E pair", "ends high \uD83E"})
    void fnv1a64HashesTheUtf8BytesAsStringGetBytesEncodesThem(String row) {
        assertThat(Checksum.fnv1a64(row)).isEqualTo(fnv1a64(row.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fnv1a64OfNothingIsTheOffsetBasis() {
        assertThat(Checksum.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
    }

    @Test
    void hexIsSixteenLowercaseDigits() {
        assertThat(Checksum.hex(0xABL)).isEqualTo("00000000000000ab");
        assertThat(Checksum.hex(-1)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void totalsReadWhatTheyWrite() {
        Totals totals = new Totals(1_840_000, 0x89854f5feed36975L);

        assertThat(totals).hasToString("1840000\t89854f5feed36975");
        assertThat(Totals.parse(totals + "\n")).isEqualTo(totals);
    }

    @Test
    void checksumsOfTotalsAddWrapping() {
        assertThat(new Totals(1, Long.MAX_VALUE).plus(new Totals(2, 2))).isEqualTo(new Totals(3, Long.MIN_VALUE + 1));
    }

    /** The definition, byte by byte. */
    private static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
