package io.spindle.state.rocksdb;

import io.spindle.core.keys.KeyGroupRange;

import java.util.Arrays;

/**
 * The key groups that have timers, as a min-heap by the time of their head (the first timer, or a floor below it:
 * {@link TimerKeyCache#head}), then key group: the order in which timers fire, so the earliest timer is in the key
 * group on top. Indexed by key group, so that a head that changes moves in O(log n). The times are what the caller
 * {@link #set}s; this class owns only the heap order.
 */
final class KeyGroupHeads {

    private final int firstKeyGroup;
    /** By key group offset: the head's time, if the key group is in the heap. */
    private final long[] times;
    /** Key group offsets, ordered as a binary min-heap: heap[0] is the earliest. */
    private final int[] heap;
    /** By key group offset: its position in {@link #heap}, -1 if absent. */
    private final int[] positions;
    private int size;

    KeyGroupHeads(KeyGroupRange range) {
        firstKeyGroup = range.start();
        times = new long[range.size()];
        heap = new int[range.size()];
        positions = new int[range.size()];
        Arrays.fill(positions, -1);
    }

    /** The key group's head is at {@code time}. */
    void set(int keyGroup, long time) {
        int offset = keyGroup - firstKeyGroup;
        times[offset] = time;
        int position = positions[offset];
        if (position < 0) {
            position = size++;
            heap[position] = offset;
            positions[offset] = position;
        }
        siftDown(siftUp(position));
    }

    /** The key group has no timer. */
    void clear(int keyGroup) {
        int offset = keyGroup - firstKeyGroup;
        int position = positions[offset];
        if (position < 0) {
            return;
        }
        positions[offset] = -1;
        size--;
        if (position < size) {
            heap[position] = heap[size];
            positions[heap[position]] = position;
            siftDown(siftUp(position));
        }
    }

    /** The key group whose head is earliest, -1 if no key group has a timer. */
    int earliestKeyGroup() {
        return size == 0 ? -1 : heap[0] + firstKeyGroup;
    }

    /** The earliest head's time; {@link Long#MAX_VALUE} if no key group has a timer. */
    long earliestTime() {
        return size == 0 ? Long.MAX_VALUE : times[heap[0]];
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
