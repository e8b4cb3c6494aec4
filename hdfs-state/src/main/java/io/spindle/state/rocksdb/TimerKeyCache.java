package io.spindle.state.rocksdb;

import org.rocksdb.RocksIterator;

import java.util.Arrays;

/**
 * The smallest timer keys of one key group, in memory, so that polling a timer takes no seek: up to {@link #BOUND}
 * column family keys, sorted as RocksDB sorts them (unsigned bytes). This class owns its invariant:
 *
 * <ul>
 *   <li><em>filled</em> (keys cached, or {@link #complete}): the cache holds exactly the key group's live timer
 *       keys up to its last key, and with {@link #complete} all of them (none: the key group has no timer);</li>
 *   <li><em>not filled</em> (no key cached, not complete): RocksDB may hold timers of the key group, none below
 *       {@link #floor}, from which {@link #fill} seeks.</li>
 * </ul>
 *
 * Its caller writes every register and delete of the key group to RocksDB and tells this cache, and fills it from
 * RocksDB when it runs empty. The array of keys grows on demand, so key groups with few timers cost little.
 */
final class TimerKeyCache {

    /** As Flink's RocksDB timer queue: one fill per this many polled timers. */
    static final int BOUND = 128;
    private static final int INITIAL_CAPACITY = 8;
    private static final byte[][] NO_KEYS = new byte[0][];

    /** Sorted keys at {@code keys[start .. start + size)}: the first poll only moves {@code start}. */
    private byte[][] keys = NO_KEYS;
    private int start;
    private int size;
    private boolean complete;
    /** Only when not filled: no timer key of the key group is below it. */
    private byte[] floor;

    /** A key group whose first timer key is {@code firstKey} (null: it has none), not read any further. */
    TimerKeyCache(byte[] firstKey) {
        floor = firstKey;
        complete = firstKey == null;
    }

    /** The key that orders the key group among others: its first timer's, or the floor; null if it has no timer. */
    byte[] head() {
        return size > 0 ? keys[start] : floor;
    }

    /** Whether {@link #head} is the key group's first timer (or null if it has none), not just a floor. */
    boolean filled() {
        return size > 0 || complete;
    }

    /** Where {@link #fill} seeks from; only when not {@link #filled}. */
    byte[] floor() {
        return floor;
    }

    /**
     * Reads the key group's first timer keys from {@code iterator}, positioned at {@link #floor} and bounded to the
     * key group; it is complete if the iterator ends before the cache is full.
     */
    void fill(RocksIterator iterator) {
        if (keys.length < BOUND) {
            keys = new byte[BOUND][];
        }
        while (size < BOUND && iterator.isValid()) {
            keys[size++] = iterator.key();
            iterator.next();
        }
        complete = !iterator.isValid();
        floor = null;
    }

    /** A timer with the first {@code length} bytes of {@code key} was written; returns whether {@link #head} changed. */
    boolean add(byte[] key, int length) {
        if (!filled()) {
            // A floor may only go down; a timer below it is the key group's first.
            if (Arrays.compareUnsigned(key, 0, length, floor, 0, floor.length) >= 0) {
                return false;
            }
            floor = Arrays.copyOf(key, length);
            return true;
        }
        int found = search(key, length);
        if (found >= 0) {
            return false;
        }
        int index = -found - 1;
        if (index == size && !complete) {
            return false; // after the last key: RocksDB may hold timers in between
        }
        if (size == BOUND) {
            complete = false;
            if (index == size) {
                return false;
            }
            keys[start + --size] = null;
        }
        if (start + size == keys.length) {
            makeRoom();
        }
        System.arraycopy(keys, start + index, keys, start + index + 1, size - index);
        keys[start + index] = Arrays.copyOf(key, length);
        size++;
        return index == 0;
    }

    /** The timer with the first {@code length} bytes of {@code key} was deleted; returns whether {@link #head} changed. */
    boolean remove(byte[] key, int length) {
        int index = size > 0 ? search(key, length) : -1;
        if (index < 0) {
            return false;
        }
        byte[] removed = keys[start + index];
        System.arraycopy(keys, start + index + 1, keys, start + index, size - index - 1);
        keys[start + --size] = null;
        emptied(removed);
        return index == 0;
    }

    /** Removes and returns the first timer key; only when {@link #filled} and the key group has a timer. */
    byte[] pollFirst() {
        byte[] first = keys[start];
        keys[start++] = null;
        size--;
        emptied(first);
        return first;
    }

    /** After removing {@code last}, the largest cached key: an empty cache that is not complete is not filled. */
    private void emptied(byte[] last) {
        if (size == 0) {
            start = 0;
            if (!complete) {
                floor = last; // every remaining timer of the key group sorts after it
            }
        }
    }

    /** Moves the keys to the array's start, or doubles the array (up to the bound) if they fill it. */
    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(keys, start, keys, 0, size);
            Arrays.fill(keys, size, start + size, null);
            start = 0;
        } else {
            keys = Arrays.copyOf(keys, Math.min(BOUND, Math.max(INITIAL_CAPACITY, 2 * keys.length)));
        }
    }

    /** As {@link Arrays#binarySearch}: the index among the cached keys, or -(insertion point) - 1. */
    private int search(byte[] key, int length) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            byte[] cached = keys[start + middle];
            int order = Arrays.compareUnsigned(cached, 0, cached.length, key, 0, length);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }
}
