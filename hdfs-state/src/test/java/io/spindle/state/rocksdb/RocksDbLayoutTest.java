package io.spindle.state.rocksdb;

import io.spindle.api.state.StateDescriptor;
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StateKind;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbLayoutTest {

    private static final StateDeclaration TIMERS = StateDeclaration.timers("window", "long");

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
        StateDeclaration state = new StateDeclaration("default", StateDescriptor.Kind.VALUE, "long", true);

        assertThat(new String(RocksDbLayout.columnFamilyName(state))).isEqualTo("s:default");
    }

    @Test
    void timerServicesAreNamedApartFromStatesOfTheSameName() {
        assertThat(new String(RocksDbLayout.columnFamilyName(TIMERS))).isEqualTo("t:window");
        assertThat(RocksDbLayout.declaredName(RocksDbLayout.columnFamilyName(TIMERS))).isEqualTo("window");
    }

    @Test
    void aDeclarationWithANamespaceCodecReadsBackFromItsRecord() {
        StateDeclaration state = new StateDeclaration("sums", StateKind.LIST, "long", true, "window");

        assertThat(RocksDbLayout.declaration("sums", RocksDbLayout.stateMeta(state))).isEqualTo(state);
    }

    @Test
    void aRecordWrittenBeforeNamespacesReadsAsAStateWithoutNamespace() {
        byte[] meta = "MAP\0string->long".getBytes(StandardCharsets.UTF_8);

        assertThat(RocksDbLayout.declaration("seen", meta))
                .isEqualTo(new StateDeclaration("seen", StateDescriptor.Kind.MAP, "string->long", true));
    }

    @Test
    void timerKeysSortByTimeWithNegativeTimesFirst() {
        byte[] key = {'k'};
        List<byte[]> sorted = new ArrayList<>();
        for (long time : new long[] {Long.MIN_VALUE, -5, -1, 0, 1, 1L << 40, Long.MAX_VALUE}) {
            sorted.add(RocksDbLayout.columnFamilyKey(TIMERS, 3, key, subKey(time, new byte[0])));
        }

        assertThat(sorted).isSortedAccordingTo(Arrays::compareUnsigned);
        assertThat(sorted).extracting(RocksDbLayout::timerTime)
                .containsExactly(Long.MIN_VALUE, -5L, -1L, 0L, 1L, 1L << 40, Long.MAX_VALUE);
    }

    @Test
    void aTimerKeySplitsIntoKeyAndSubKeyThatRebuildIt() {
        byte[] timerKey = RocksDbLayout.columnFamilyKey(TIMERS, 300, new byte[] {7, 8}, subKey(-42, new byte[] {9}));

        assertThat(RocksDbLayout.keyGroupOf(timerKey)).isEqualTo(300);
        assertThat(RocksDbLayout.key(TIMERS, timerKey)).containsExactly(7, 8);
        assertThat(RocksDbLayout.columnFamilyKey(TIMERS, 300, RocksDbLayout.key(TIMERS, timerKey),
                RocksDbLayout.subKey(TIMERS, timerKey))).isEqualTo(timerKey);
        assertThat(RocksDbLayout.timerKeyPrefix(timerKey)).isEqualTo(RocksDbLayout.keyPrefix(300, new byte[] {7, 8}, 0, 2));
    }

    /** A timer's sub-key: its time as in RocksDB, then its namespace. */
    private static byte[] subKey(long time, byte[] namespace) {
        return ByteBuffer.allocate(8 + namespace.length).putLong(time ^ Long.MIN_VALUE).put(namespace).array();
    }
}
