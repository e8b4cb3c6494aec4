package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.KeyedTimers;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

import java.util.Arrays;
import java.util.Objects;

/**
 * The timers of one timer service in their own column family, one entry with an empty value per timer, keyed
 * [key group][time][key][namespace] ({@link RocksDbLayout}): a key group's timers are sorted by time, and key-group
 * ranges are contiguous, so snapshots, restores at any parallelism and savepoints treat them like any state.
 *
 * <p>RocksDB holds every timer; per key group a {@link TimerKeyCache} holds its first ones, so a poll takes the
 * cache's first key and deletes it in RocksDB (a memtable write), and one bounded iterator pass fills the cache when
 * it runs empty. {@link KeyGroupHeads} orders the key groups by their cache's head, so {@link #nextTime()} is a
 * field read. This class owns keeping them in step: every register and delete goes to RocksDB and to its key
 * group's cache, and whenever a cache's head changes, the heads learn its time.
 *
 * <p>On open, one seek per key group with timers finds its first timer, the floor its cache fills from when the key
 * group's turn comes.
 */
final class RocksDbTimers<K, N> implements KeyedTimers<K, N> {

    private final RocksDbKeyedStateBackend<K> backend;
    private final RegisteredState state;
    private final Codec<K> keyCodec;
    private final Codec<N> namespaceCodec;
    private final int firstKeyGroup;
    /** By key group offset. */
    private final TimerKeyCache[] caches;
    private final KeyGroupHeads heads;

    RocksDbTimers(RocksDbKeyedStateBackend<K> backend, RegisteredState state, Codec<K> keyCodec,
                  Codec<N> namespaceCodec) {
        this.backend = backend;
        this.state = state;
        this.keyCodec = keyCodec;
        this.namespaceCodec = namespaceCodec;
        KeyGroupRange range = backend.keyGroupRange();
        this.firstKeyGroup = range.start();
        this.caches = new TimerKeyCache[range.size()];
        this.heads = new KeyGroupHeads(range);
        Arrays.setAll(caches, offset -> new TimerKeyCache(null));
        try (Slice bound = new Slice(RocksDbLayout.keyGroupPrefix(range.end() + 1));
             ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
             RocksIterator iterator = backend.newIterator(state, read)) {
            iterator.seek(RocksDbLayout.keyGroupPrefix(range.start()));
            while (iterator.isValid()) {
                byte[] first = iterator.key();
                int keyGroup = RocksDbLayout.keyGroupOf(first);
                caches[keyGroup - firstKeyGroup] = new TimerKeyCache(first);
                headChanged(keyGroup);
                iterator.seek(RocksDbLayout.keyGroupPrefix(keyGroup + 1));
            }
            backend.checkIterator(iterator, state);
        }
    }

    @Override
    public void register(N namespace, long time) {
        ScratchOutput key = timerKey(namespace, time);
        backend.put(state, key.array(), key.size(), backend.valueScratch());
        int keyGroup = RocksDbLayout.keyGroupOf(key.array());
        if (cache(keyGroup).add(key.array(), key.size())) {
            headChanged(keyGroup);
        }
    }

    @Override
    public void delete(N namespace, long time) {
        ScratchOutput key = timerKey(namespace, time);
        backend.delete(state, key.array(), key.size());
        int keyGroup = RocksDbLayout.keyGroupOf(key.array());
        if (cache(keyGroup).remove(key.array(), key.size())) {
            headChanged(keyGroup);
        }
    }

    @Override
    public Timer<K, N> pollDue(long upTo) {
        backend.checkOpen();
        int keyGroup;
        while ((keyGroup = heads.earliestKeyGroup()) >= 0 && heads.earliestTime() <= upTo) {
            TimerKeyCache cache = cache(keyGroup);
            if (cache.filled()) {
                // Exact, and every other key group's head is after it: the earliest timer.
                byte[] timerKey = cache.pollFirst();
                headChanged(keyGroup);
                return fire(timerKey);
            }
            fill(keyGroup, cache);
            headChanged(keyGroup);
        }
        return null;
    }

    @Override
    public long nextTime() {
        return heads.earliestTime();
    }

    private TimerKeyCache cache(int keyGroup) {
        return caches[keyGroup - firstKeyGroup];
    }

    private void headChanged(int keyGroup) {
        byte[] head = cache(keyGroup).head();
        if (head == null) {
            heads.clear(keyGroup);
        } else {
            heads.set(keyGroup, RocksDbLayout.timerTime(head));
        }
    }

    /** One iterator pass from the cache's floor, bounded to the key group (not into the next one's tombstones). */
    private void fill(int keyGroup, TimerKeyCache cache) {
        try (Slice bound = new Slice(RocksDbLayout.keyGroupPrefix(keyGroup + 1));
             ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
             RocksIterator iterator = backend.newIterator(state, read)) {
            iterator.seek(cache.floor());
            cache.fill(iterator);
            backend.checkIterator(iterator, state);
        }
    }

    /** Removes the timer of that column family key and makes its key current. */
    private Timer<K, N> fire(byte[] timerKey) {
        backend.delete(state, timerKey, timerKey.length);
        byte[] keyPrefix = RocksDbLayout.timerKeyPrefix(timerKey);
        int keyStart = RocksDbLayout.keyStart(keyPrefix);
        K key = backend.decode(keyCodec, keyPrefix, keyStart, keyPrefix.length - keyStart,
                "a key of timers", state.name());
        int namespaceStart = RocksDbLayout.timerKeyEnd(timerKey);
        N namespace = backend.decode(namespaceCodec, timerKey, namespaceStart, timerKey.length - namespaceStart,
                "a namespace of timers", state.name());
        backend.makeCurrent(key, keyPrefix);
        return new Timer<>(RocksDbLayout.timerTime(timerKey), key, namespace);
    }

    /** The current key's timer key for {@code namespace} at {@code time}, in the backend's key scratch. */
    private ScratchOutput timerKey(N namespace, long time) {
        Objects.requireNonNull(namespace, () -> "timers '" + state.name() + "' have no null namespace");
        byte[] keyPrefix = backend.currentKeyPrefix();
        ScratchOutput out = backend.keyScratch();
        RocksDbLayout.writeTimerKey(out, keyPrefix, time);
        return backend.encode(namespaceCodec, namespace, out, "a namespace of timers", state.name());
    }
}
