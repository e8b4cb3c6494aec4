package io.spindle.state.rocksdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbLayoutTest {

    @Test
    void aKeyPrefixIsTheKeyGroupBigEndianThenTheVarintLengthThenTheKeyBytes() {
        byte[] prefix = RocksDbLayout.keyPrefix(300, new byte[] {'a', 'b'}, 0, 2);

        assertThat(prefix).containsExactly(0x01, 0x2C, 0x02, 'a', 'b');
    }

    @Test
    void keyLengthsOfMoreThanSevenBitsTakeSeveralVarintBytes() {
        byte[] key = new byte[300];
        byte[] prefix = RocksDbLayout.keyPrefix(0, key, 0, key.length);

        assertThat(prefix).hasSize(2 + 2 + 300);
        assertThat(prefix[2]).isEqualTo((byte) 0xAC);
        assertThat(prefix[3]).isEqualTo((byte) 0x02);
        assertThat(RocksDbLayout.keyStart(prefix)).isEqualTo(4);
        assertThat(RocksDbLayout.keyEnd(prefix)).isEqualTo(304);
    }

    @Test
    void varintsRoundTripAtEverySizeBoundary() {
        for (int value : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE}) {
            byte[] bytes = new byte[5];
            int end = RocksDbLayout.writeVarInt(value, bytes, 0);

            assertThat(end).isEqualTo(RocksDbLayout.varIntSize(value));
            assertThat(RocksDbLayout.readVarInt(bytes, 0)).isEqualTo(value);
        }
    }

    @Test
    void theKeyGroupIsReadBackFromTheFirstTwoBytes() {
        byte[] key = RocksDbLayout.keyPrefix(32_767, new byte[] {1}, 0, 1);

        assertThat(RocksDbLayout.keyGroupOf(key)).isEqualTo(32_767);
    }

    @Test
    void theExclusiveEndOfTheLastKeyGroupFitsInTwoBytes() {
        assertThat(RocksDbLayout.keyGroupPrefix(32_768)).containsExactly(0x80, 0x00);
        assertThatThrownBy(() -> RocksDbLayout.keyGroupPrefix(32_769)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyShorterThanItsLengthSaysIsCorrupt() {
        byte[] truncated = {0, 1, 5, 'a'};

        assertThatThrownBy(() -> RocksDbLayout.keyEnd(truncated)).hasMessageContaining("shorter");
    }

    @Test
    void columnFamiliesOfStatesAreNamedApartFromTheDefaultColumnFamily() {
        assertThat(new String(RocksDbLayout.columnFamilyName("default"))).isEqualTo("s:default");
    }
}
