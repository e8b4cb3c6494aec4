package io.spindle.core.keys;

/**
 * Key → key group → subtask. A key's group is a hash of its encoded bytes (not of
 * {@code hashCode()}), so it is the same in every JVM and run for any key type with a codec.
 * Subtasks own contiguous ranges of key groups, assigned with Flink's formulas, which is what lets
 * keyed state be redistributed when the parallelism changes.
 */
public final class KeyGroups {

    /** Flink's upper bound: key groups are stored in two bytes. */
    public static final int MAX_MAX_PARALLELISM = 1 << 15;

    private KeyGroups() { }

    public static int keyGroupOf(byte[] encodedKey, int maxParallelism) {
        return keyGroupOf(encodedKey, 0, encodedKey.length, maxParallelism);
    }

    /** The key group of the encoded key in {@code bytes[offset, offset + length)}. */
    public static int keyGroupOf(byte[] bytes, int offset, int length, int maxParallelism) {
        return Math.floorMod(Murmur3.hash32(bytes, offset, length), maxParallelism);
    }

    public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    public static KeyGroupRange rangeOf(int subtask, int maxParallelism, int parallelism) {
        checkParallelism(maxParallelism, parallelism);
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("subtask " + subtask + " out of 0.." + (parallelism - 1));
        }
        int start = (subtask * maxParallelism + parallelism - 1) / parallelism;
        int end = ((subtask + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /** Rejects parallelism outside 1 ≤ parallelism ≤ max parallelism ≤ 32768. */
    public static void checkParallelism(int maxParallelism, int parallelism) {
        if (maxParallelism < 1 || maxParallelism > MAX_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be between 1 and " + MAX_MAX_PARALLELISM
                    + ", got " + maxParallelism);
        }
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism must be between 1 and the max parallelism "
                    + maxParallelism + ", got " + parallelism);
        }
    }
}
