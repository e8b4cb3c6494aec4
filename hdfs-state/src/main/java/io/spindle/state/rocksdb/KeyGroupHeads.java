package io.spindle.state.rocksdb;

import io.spindle.core.keys.KeyGroupRange;

import java.util.Arrays;

/**
 * Where the timers of one timer service start, per key group, so that finding the earliest timer takes no scan:
 * per key group a <em>floor</em>, a timer key that no live timer key of the key group is below, and a min-heap of
 * the key groups with timers by their floor's time, then key group.
 *
 * <p>A floor is exact when a seek found it; a delete or a poll of the timer it names leaves it low, which is
 * harmless: the earliest timer is never earlier than the heap says, and a seek from the floor finds it (skipping
 * only what was deleted since). Only {@link #lower}, {@link #raise} and {@link #clear} change a floor.
 */
final class KeyGroupHeads {

    private final int firstKeyGroup;
    /** By key group offset: the floor, null if the key group has no timer (then it is not in the heap). */
    private final byte[][] floors;
    /** By key group offset: the floor's time. */
    private final long[] times;
    /** Key group offsets, ordered as a binary min-heap: heap[0] is the earliest. */
    private final int[] heap;
    /** By key group offset: its position in {@link #heap}, -1 if absent. */
    private final int[] positions;
    private int size;

    KeyGroupHeads(KeyGroupRange range) {
        firstKeyGroup = range.start();
        floors = new byte[range.size()][];
        times = new long[range.size()];
        heap = new int[range.size()];
        positions = new int[range.size()];
        Arrays.fill(positions, -1);
    }

    /** A timer was written with the first {@code length} bytes of {@code key}: the floor of its key group if below. */
    void lower(int keyGroup, byte[] key, int length) {
        int offset = keyGroup - firstKeyGroup;
        byte[] floor = floors[offset];
        if (floor == null || Arrays.compareUnsigned(key, 0, length, floor, 0, floor.length) < 0) {
            set(offset, Arrays.copyOf(key, length));
        }
    }

    /** No live timer key of the key group is below {@code key}: a seek found it, or it was the one just polled. */
    void raise(int keyGroup, byte[] key) {
        set(keyGroup - firstKeyGroup, key);
    }

    /** The key group has no timer. */
    void clear(int keyGroup) {
        int offset = keyGroup - firstKeyGroup;
        int position = positions[offset];
        if (position < 0) {
            return;
        }
        floors[offset] = null;
        positions[offset] = -1;
        size--;
        if (position < size) {
            heap[position] = heap[size];
            positions[heap[position]] = position;
            siftDown(siftUp(position));
        }
    }

    /** The key group whose floor is earliest, -1 if no key group has a timer. */
    int earliestKeyGroup() {
        return size == 0 ? -1 : heap[0] + firstKeyGroup;
    }

    /** The earliest floor's time: never later than the earliest timer; {@link Long#MAX_VALUE} if none. */
    long earliestTime() {
        return size == 0 ? Long.MAX_VALUE : times[heap[0]];
    }

    /** Where a seek for the key group's first timer starts. */
    byte[] floor(int keyGroup) {
        return floors[keyGroup - firstKeyGroup];
    }

    private void set(int offset, byte[] floor) {
        floors[offset] = floor;
        times[offset] = RocksDbLayout.timerTime(floor);
        int position = positions[offset];
        if (position < 0) {
            position = size++;
            heap[position] = offset;
            positions[offset] = position;
        }
        siftDown(siftUp(position));
    }

    private int siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!earlier(heap[position], heap[parent])) {
                break;
            }
            swap(position, parent);
            position = parent;
        }
        return position;
    }

    private void siftDown(int position) {
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && earlier(heap[child + 1], heap[child])) {
                child++;
            }
            if (!earlier(heap[child], heap[position])) {
                return;
            }
            swap(position, child);
            position = child;
        }
    }

    /** By time, then key group: the order in which timers fire. */
    private boolean earlier(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && a < b);
    }

    private void swap(int i, int j) {
        int a = heap[i];
        heap[i] = heap[j];
        heap[j] = a;
        positions[heap[i]] = i;
        positions[heap[j]] = j;
    }
}
