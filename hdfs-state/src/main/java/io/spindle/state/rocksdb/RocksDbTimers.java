package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.KeyedTimers;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

import java.util.Objects;

/**
 * The timers of one timer service in their own column family, one entry with an empty value per timer, keyed
 * [key group][time][key][namespace] ({@link RocksDbLayout}): a key group's timers are sorted by time, and key-group
 * ranges are contiguous, so snapshots, restores at any parallelism and savepoints treat them like any state.
 *
 * <p>{@link KeyGroupHeads} keeps where each key group's timers start, so {@link #nextTime()} is a field read and
 * {@link #pollDue} one seek in one key group (bounded to it) per timer, starting at the last timer polled there:
 * the tombstones of polled timers are not scanned again.
 */
final class RocksDbTimers<K, N> implements KeyedTimers<K, N> {

    private final RocksDbKeyedStateBackend<K> backend;
    private final RegisteredState state;
    private final Codec<K> keyCodec;
    private final Codec<N> namespaceCodec;
    private final KeyGroupHeads heads;

    /** Reads where each key group's timers start: one seek per key group that has timers, and one more. */
    RocksDbTimers(RocksDbKeyedStateBackend<K> backend, RegisteredState state, Codec<K> keyCodec,
                  Codec<N> namespaceCodec) {
        this.backend = backend;
        this.state = state;
        this.keyCodec = keyCodec;
        this.namespaceCodec = namespaceCodec;
        KeyGroupRange range = backend.keyGroupRange();
        this.heads = new KeyGroupHeads(range);
        byte[] first = firstKey(RocksDbLayout.keyGroupPrefix(range.start()), range.end());
        while (first != null) {
            int keyGroup = RocksDbLayout.keyGroupOf(first);
            heads.raise(keyGroup, first);
            first = keyGroup < range.end() ? firstKey(RocksDbLayout.keyGroupPrefix(keyGroup + 1), range.end()) : null;
        }
    }

    @Override
    public void register(N namespace, long time) {
        ScratchOutput key = timerKey(namespace, time);
        backend.put(state, key.array(), key.size(), backend.valueScratch());
        heads.lower(RocksDbLayout.keyGroupOf(key.array()), key.array(), key.size());
    }

    @Override
    public void delete(N namespace, long time) {
        ScratchOutput key = timerKey(namespace, time);
        backend.delete(state, key.array(), key.size());
    }

    @Override
    public Timer<K, N> pollDue(long upTo) {
        backend.checkOpen();
        while (heads.earliestKeyGroup() >= 0 && heads.earliestTime() <= upTo) {
            int keyGroup = heads.earliestKeyGroup();
            byte[] first = firstKey(heads.floor(keyGroup), keyGroup);
            if (first == null) {
                heads.clear(keyGroup);
                continue;
            }
            heads.raise(keyGroup, first);
            // Every other key group's floor is after it (or a later key group at the same time): it is the earliest.
            if (heads.earliestKeyGroup() == keyGroup && heads.earliestTime() <= upTo) {
                return fire(first);
            }
        }
        return null;
    }

    @Override
    public long nextTime() {
        return heads.earliestTime();
    }

    /** Removes the timer of that column family key and makes its key current; its key group's floor stays on it. */
    private Timer<K, N> fire(byte[] timerKey) {
        backend.delete(state, timerKey, timerKey.length);
        byte[] keyPrefix = RocksDbLayout.timerKeyPrefix(timerKey);
        int keyStart = RocksDbLayout.keyStart(keyPrefix);
        K key = backend.decode(keyCodec, keyPrefix, keyStart, keyPrefix.length - keyStart,
                "a key of timers '" + state.name() + "'");
        int namespaceStart = RocksDbLayout.timerKeyEnd(timerKey);
        N namespace = backend.decode(namespaceCodec, timerKey, namespaceStart, timerKey.length - namespaceStart,
                "a namespace of timers '" + state.name() + "'");
        backend.makeCurrent(key, keyPrefix);
        return new Timer<>(RocksDbLayout.timerTime(timerKey), key, namespace);
    }

    /** The current key's timer key for {@code namespace} at {@code time}, in the backend's key scratch. */
    private ScratchOutput timerKey(N namespace, long time) {
        Objects.requireNonNull(namespace, () -> "timers '" + state.name() + "' have no null namespace");
        byte[] keyPrefix = backend.currentKeyPrefix();
        ScratchOutput out = backend.keyScratch();
        RocksDbLayout.writeTimerKey(out, keyPrefix, time);
        return backend.encode(namespaceCodec, namespace, out, "a namespace of timers '" + state.name() + "'");
    }

    /** The first timer key at or after {@code from} and in a key group up to {@code lastKeyGroup}; null if none. */
    private byte[] firstKey(byte[] from, int lastKeyGroup) {
        try (Slice bound = new Slice(RocksDbLayout.keyGroupPrefix(lastKeyGroup + 1));
             ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
             RocksIterator iterator = backend.newIterator(state, read)) {
            iterator.seek(from);
            byte[] key = iterator.isValid() ? iterator.key() : null;
            backend.checkIterator(iterator, state);
            return key;
        }
    }
}
