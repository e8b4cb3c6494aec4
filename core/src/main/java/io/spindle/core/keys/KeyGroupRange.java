package io.spindle.core.keys;

/** A contiguous, inclusive range of key groups: the keyed state one subtask owns. */
public record KeyGroupRange(int start, int end) {

    public KeyGroupRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid key group range [" + start + ", " + end + "]");
        }
    }

    /** Whether the two ranges share a key group. */
    public boolean intersects(KeyGroupRange other) {
        return start <= other.end && other.start <= end;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    public int size() {
        return end - start + 1;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + "]";
    }
}
