package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.MapState;

import org.rocksdb.RocksIterator;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Map state: one RocksDB entry per map entry, key = the current key's prefix + the user key's bytes,
 * value = the map value's bytes. A key's map is the RocksDB range that starts with its prefix.
 */
final class RocksDbMapState<UK, UV> implements MapState<UK, UV> {

    /** Entries read per RocksDB iterator; no native iterator stays open while user code runs. */
    static final int ITERATION_BATCH = 128;

    private final RocksDbKeyedStateBackend<?> backend;
    private final RegisteredState state;
    private final Codec<UK> keyCodec;
    private final Codec<UV> valueCodec;

    RocksDbMapState(RocksDbKeyedStateBackend<?> backend, RegisteredState state, Codec<UK> keyCodec,
                    Codec<UV> valueCodec) {
        this.backend = backend;
        this.state = state;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
    }

    @Override
    public UV get(UK key) {
        ScratchOutput entryKey = entryKey(key);
        byte[] bytes = backend.get(state, entryKey.array(), entryKey.size());
        return bytes == null ? null
                : backend.decode(valueCodec, bytes, 0, bytes.length, "a value of map state", state.name());
    }

    @Override
    public void put(UK key, UV value) {
        if (value == null) {
            remove(key);
            return;
        }
        ScratchOutput entryKey = entryKey(key);
        ScratchOutput entryValue = backend.encode(valueCodec, value, backend.valueScratch(),
                "a value of map state", state.name());
        backend.put(state, entryKey.array(), entryKey.size(), entryValue);
    }

    @Override
    public boolean contains(UK key) {
        ScratchOutput entryKey = entryKey(key);
        return backend.get(state, entryKey.array(), entryKey.size()) != null;
    }

    @Override
    public void remove(UK key) {
        ScratchOutput entryKey = entryKey(key);
        backend.delete(state, entryKey.array(), entryKey.size());
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        byte[] prefix = backend.currentKeyPrefix();
        return () -> new EntryIterator(prefix);
    }

    @Override
    public boolean isEmpty() {
        byte[] prefix = backend.currentKeyPrefix();
        try (RocksIterator iterator = backend.newIterator(state)) {
            iterator.seek(prefix);
            boolean empty = !iterator.isValid() || !RocksDbLayout.startsWith(iterator.key(), prefix);
            backend.checkIterator(iterator, state);
            return empty;
        }
    }

    @Override
    public void clear() {
        byte[] prefix = backend.currentKeyPrefix();
        List<byte[]> keys = new ArrayList<>();
        try (RocksIterator iterator = backend.newIterator(state)) {
            for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
                byte[] key = iterator.key();
                if (!RocksDbLayout.startsWith(key, prefix)) {
                    break;
                }
                keys.add(key);
            }
            backend.checkIterator(iterator, state);
        }
        for (byte[] key : keys) {
            backend.delete(state, key, key.length);
        }
    }

    private ScratchOutput entryKey(UK key) {
        Objects.requireNonNull(key, () -> "map state '" + state.name() + "' has no null keys");
        byte[] prefix = backend.currentKeyPrefix();
        ScratchOutput out = backend.keyScratch();
        out.write(prefix, 0, prefix.length);
        return backend.encode(keyCodec, key, out, "a key of map state", state.name());
    }

    /** Reads a key's entries in batches, each batch with its own short-lived RocksDB iterator. */
    private final class EntryIterator implements Iterator<Map.Entry<UK, UV>> {
        private final byte[] prefix;
        private final List<Map.Entry<UK, UV>> batch = new ArrayList<>(ITERATION_BATCH);
        private int position;
        private byte[] lastKey;
        private boolean exhausted;

        EntryIterator(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean hasNext() {
            if (position < batch.size()) {
                return true;
            }
            if (!exhausted) {
                loadBatch();
            }
            return position < batch.size();
        }

        @Override
        public Map.Entry<UK, UV> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.get(position++);
        }

        private void loadBatch() {
            batch.clear();
            position = 0;
            try (RocksIterator iterator = backend.newIterator(state)) {
                iterator.seek(lastKey == null ? prefix : lastKey);
                if (lastKey != null && iterator.isValid() && Arrays.equals(iterator.key(), lastKey)) {
                    iterator.next();
                }
                while (batch.size() < ITERATION_BATCH) {
                    if (!iterator.isValid()) {
                        backend.checkIterator(iterator, state);
                        exhausted = true;
                        break;
                    }
                    byte[] key = iterator.key();
                    if (!RocksDbLayout.startsWith(key, prefix)) {
                        exhausted = true;
                        break;
                    }
                    byte[] value = iterator.value();
                    UK userKey = backend.decode(keyCodec, key, prefix.length, key.length - prefix.length,
                            "a key of map state", state.name());
                    UV userValue = backend.decode(valueCodec, value, 0, value.length,
                            "a value of map state", state.name());
                    batch.add(new AbstractMap.SimpleImmutableEntry<>(userKey, userValue));
                    lastKey = key;
                    iterator.next();
                }
            }
        }
    }
}
