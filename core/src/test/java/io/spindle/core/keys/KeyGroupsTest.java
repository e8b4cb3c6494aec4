package io.spindle.core.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyGroupsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void murmurHashMatchesTheReferenceVectors() {
        // Published MurmurHash3_x86_32 values with seed 0 (SMHasher / Guava murmur3_32 test constants).
        assertThat(Murmur3.hash32(new byte[0])).isEqualTo(0);
        assertThat(Murmur3.hash32(utf8("hello"))).isEqualTo(0x248bfa47);
        assertThat(Murmur3.hash32(utf8("The quick brown fox jumps over the lazy dog"))).isEqualTo(0x2e4ff723);
        assertThat(Murmur3.hash32(new byte[] {0, 0, 0, 0})).isEqualTo(0x2362f9de);
    }

    @Test
    void keyGroupOfAKeyIsPinned() {
        // Pinned: changing the hash would silently scatter every existing savepoint's keys.
        assertThat(KeyGroups.keyGroupOf(utf8("hello"), 128)).isEqualTo(Math.floorMod(0x248bfa47, 128));
        assertThat(KeyGroups.keyGroupOf(utf8("hello"), 128)).isEqualTo(71);
        assertThat(KeyGroups.keyGroupOf(new byte[] {0, 0, 0, 0}, 128)).isEqualTo(94);
        assertThat(KeyGroups.keyGroupOf(new byte[0], 128)).isZero();
    }

    @Test
    void keyGroupIsNeverNegativeEvenForNegativeHashes() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(KeyGroups.keyGroupOf(utf8("key-" + i), 10)).isBetween(0, 9);
        }
    }

    @Test
    void rangesAreFlinksContiguousAssignment() {
        assertThat(ranges(128, 3)).containsExactly(new KeyGroupRange(0, 42), new KeyGroupRange(43, 85),
                new KeyGroupRange(86, 127));
        assertThat(ranges(128, 5)).containsExactly(new KeyGroupRange(0, 25), new KeyGroupRange(26, 51),
                new KeyGroupRange(52, 76), new KeyGroupRange(77, 102), new KeyGroupRange(103, 127));
        assertThat(ranges(10, 3)).containsExactly(new KeyGroupRange(0, 3), new KeyGroupRange(4, 6),
                new KeyGroupRange(7, 9));
    }

    @Test
    void everyKeyGroupBelongsToTheSubtaskWhoseRangeContainsIt() {
        for (int parallelism : new int[] {1, 2, 3, 4, 7, 128}) {
            for (int keyGroup = 0; keyGroup < 128; keyGroup++) {
                int subtask = KeyGroups.subtaskOf(keyGroup, 128, parallelism);
                assertThat(KeyGroups.rangeOf(subtask, 128, parallelism).contains(keyGroup)).isTrue();
            }
        }
    }

    @Test
    void parallelismAboveMaxParallelismIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyGroups.rangeOf(0, 4, 5))
                .withMessageContaining("max parallelism 4");
    }

    private static List<KeyGroupRange> ranges(int maxParallelism, int parallelism) {
        List<KeyGroupRange> ranges = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            ranges.add(KeyGroups.rangeOf(i, maxParallelism, parallelism));
        }
        return ranges;
    }
}
