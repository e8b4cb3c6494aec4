package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.StateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.StateException;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Keyed state of one subtask in its own RocksDB instance: one column family per declared state, keys
 * laid out as {@link RocksDbLayout} says. The instance lives in a working directory that it creates on
 * open and deletes on close; its memory comes from the worker's shared {@link RocksDbResources}.
 *
 * <p>Used by one thread. Scratch buffers are reused for every access, so a record costs the key's
 * encoding and prefix plus what RocksDB's Java API copies.
 */
public final class RocksDbKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private static final int MAX_KEY_TEXT = 100;

    private final Path workingDirectory;
    private final Codec<K> keyCodec;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final RocksDbInstanceOptions options;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumnFamily;
    /** Declared states in declaration order (= creation order of their column families). */
    private final Map<String, RegisteredState> states = new LinkedHashMap<>();
    /** Iterators open while user code runs (forEachValue); closed first if the backend closes meanwhile. */
    private final Set<RocksIterator> openIterators = new LinkedHashSet<>();

    private final ScratchOutput keyScratch = new ScratchOutput();
    private final ScratchOutput valueScratch = new ScratchOutput();
    private final ScratchOutput elementScratch = new ScratchOutput();
    private final ScratchInput input = new ScratchInput();

    private K currentKey;
    private byte[] currentKeyPrefix;
    private volatile boolean closed;

    private RocksDbKeyedStateBackend(Path workingDirectory, Codec<K> keyCodec, int maxParallelism,
                                     KeyGroupRange keyGroupRange, RocksDbInstanceOptions options, RocksDB db,
                                     ColumnFamilyHandle defaultColumnFamily) {
        this.workingDirectory = workingDirectory;
        this.keyCodec = keyCodec;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.options = options;
        this.db = db;
        this.defaultColumnFamily = defaultColumnFamily;
    }

    /**
     * Opens a backend for the key groups {@code keyGroupRange} of a job with {@code maxParallelism} key
     * groups, in {@code workingDirectory}, which must not exist yet or be empty; it is created here and
     * deleted by {@link #close()}.
     */
    public static <K> RocksDbKeyedStateBackend<K> open(RocksDbResources resources, Path workingDirectory,
                                                       Codec<K> keyCodec, int maxParallelism,
                                                       KeyGroupRange keyGroupRange) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(keyCodec, "key codec");
        KeyGroups.checkParallelism(maxParallelism, 1);
        if (keyGroupRange.end() >= maxParallelism) {
            throw new IllegalArgumentException("key group range " + keyGroupRange + " exceeds the max parallelism "
                    + maxParallelism);
        }
        Path directory = workingDirectory.toAbsolutePath();
        createEmptyDirectory(directory);
        RocksDbInstanceOptions options = null;
        try {
            options = resources.newInstanceOptions();
            List<ColumnFamilyHandle> handles = new ArrayList<>(1);
            RocksDB db = RocksDB.open(options.dbOptions(), directory.toString(),
                    List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options.columnFamilyOptions())),
                    handles);
            return new RocksDbKeyedStateBackend<>(directory, keyCodec, maxParallelism, keyGroupRange, options, db,
                    handles.get(0));
        } catch (RocksDBException | RuntimeException e) {
            if (options != null) {
                options.close();
            }
            deleteQuietly(directory, e);
            if (e instanceof RocksDBException) {
                throw new StateException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    // ---- current key -------------------------------------------------------------------------------

    @Override
    public void setCurrentKey(K key) {
        checkOpen();
        Objects.requireNonNull(key, "a key must not be null");
        ScratchOutput out = encode(keyCodec, key, keyScratch.reset(), "the key");
        int keyGroup = KeyGroups.keyGroupOf(out.array(), 0, out.size(), maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("key '" + abbreviate(key) + "' is in key group " + keyGroup
                    + ", outside this backend's key group range " + keyGroupRange + " (max parallelism "
                    + maxParallelism + "): the record was routed to the wrong subtask");
        }
        currentKeyPrefix = RocksDbLayout.keyPrefix(keyGroup, out.array(), 0, out.size());
        currentKey = key;
    }

    @Override
    public K currentKey() {
        return currentKey;
    }

    /** [key group][length][key] of the current key: the whole key of value, list and reducing state. */
    byte[] currentKeyPrefix() {
        checkOpen();
        if (currentKeyPrefix == null) {
            throw new IllegalStateException("no current key: keyed state is used before setCurrentKey");
        }
        return currentKeyPrefix;
    }

    // ---- declaring state ---------------------------------------------------------------------------

    @Override
    public <T> ValueState<T> valueState(ValueStateDescriptor<T> descriptor) {
        return new RocksDbValueState<>(this, register(descriptor), descriptor.valueCodec());
    }

    @Override
    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return new RocksDbListState<>(this, register(descriptor), descriptor.valueCodec());
    }

    @Override
    public <UK, UV> MapState<UK, UV> mapState(MapStateDescriptor<UK, UV> descriptor) {
        return new RocksDbMapState<>(this, register(descriptor), descriptor.keyCodec(), descriptor.valueCodec());
    }

    @Override
    public <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor) {
        return new RocksDbReducingState<>(this, register(descriptor), descriptor.valueCodec(),
                descriptor.reduceFunction());
    }

    private RegisteredState register(StateDescriptor<?> descriptor) {
        checkOpen();
        RegisteredState existing = states.get(descriptor.name());
        if (existing != null) {
            existing.checkCompatible(descriptor);
            return existing;
        }
        try {
            ColumnFamilyHandle columnFamily = db.createColumnFamily(new ColumnFamilyDescriptor(
                    RocksDbLayout.columnFamilyName(descriptor.name()), options.columnFamilyOptions()));
            RegisteredState state = new RegisteredState(descriptor.name(), descriptor.kind(), descriptor.codecId(),
                    columnFamily);
            states.put(descriptor.name(), state);
            return state;
        } catch (RocksDBException e) {
            throw new StateException("cannot create the column family of " + descriptor + ": " + e.getMessage(), e);
        }
    }

    // ---- iteration ---------------------------------------------------------------------------------

    @Override
    public <V> void forEachValue(ValueStateDescriptor<V> descriptor, BiConsumer<K, V> action) {
        Objects.requireNonNull(action, "action");
        RegisteredState state = register(descriptor);
        Codec<V> valueCodec = descriptor.valueCodec();
        K previousKey = currentKey;
        byte[] previousPrefix = currentKeyPrefix;
        RocksIterator iterator = db.newIterator(state.columnFamily());
        openIterators.add(iterator);
        try {
            iterator.seekToFirst();
            while (iterator.isValid()) {
                byte[] columnFamilyKey = iterator.key();
                byte[] valueBytes = iterator.value();
                int keyStart = RocksDbLayout.keyStart(columnFamilyKey);
                if (RocksDbLayout.keyEnd(columnFamilyKey) != columnFamilyKey.length) {
                    throw new StateException("a key of " + state.name() + " has trailing bytes");
                }
                K key = decode(keyCodec, columnFamilyKey, keyStart, columnFamilyKey.length - keyStart, "a key");
                V value = decode(valueCodec, valueBytes, 0, valueBytes.length, state.name());
                // A value state's whole key is the key prefix: the key becomes current without re-encoding.
                currentKey = key;
                currentKeyPrefix = columnFamilyKey;
                action.accept(key, value);
                checkOpen();
                iterator.next();
            }
            checkIterator(iterator, state);
        } finally {
            if (!closed) {
                openIterators.remove(iterator);
                iterator.close();
                currentKey = previousKey;
                currentKeyPrefix = previousPrefix;
            }
        }
    }

    // ---- access for the state handles --------------------------------------------------------------

    byte[] get(RegisteredState state, byte[] key, int length) {
        checkOpen();
        try {
            return db.get(state.columnFamily(), key, 0, length);
        } catch (RocksDBException e) {
            throw failure("read", state, e);
        }
    }

    void put(RegisteredState state, byte[] key, int keyLength, ScratchOutput value) {
        checkOpen();
        try {
            db.put(state.columnFamily(), options.writeOptions(), key, 0, keyLength, value.array(), 0, value.size());
        } catch (RocksDBException e) {
            throw failure("write", state, e);
        }
    }

    void merge(RegisteredState state, byte[] key, int keyLength, ScratchOutput operand) {
        checkOpen();
        try {
            db.merge(state.columnFamily(), options.writeOptions(), key, 0, keyLength, operand.array(), 0, operand.size());
        } catch (RocksDBException e) {
            throw failure("write", state, e);
        }
    }

    void delete(RegisteredState state, byte[] key, int keyLength) {
        checkOpen();
        try {
            db.delete(state.columnFamily(), options.writeOptions(), key, 0, keyLength);
        } catch (RocksDBException e) {
            throw failure("write", state, e);
        }
    }

    /** An iterator for the caller to close before it returns to user code. */
    RocksIterator newIterator(RegisteredState state) {
        checkOpen();
        return db.newIterator(state.columnFamily());
    }

    void checkIterator(RocksIterator iterator, RegisteredState state) {
        try {
            iterator.status();
        } catch (RocksDBException e) {
            throw failure("iterate", state, e);
        }
    }

    ScratchOutput keyScratch() {
        return keyScratch.reset();
    }

    ScratchOutput valueScratch() {
        return valueScratch.reset();
    }

    ScratchOutput elementScratch() {
        return elementScratch.reset();
    }

    <T> ScratchOutput encode(Codec<T> codec, T value, ScratchOutput out, String what) {
        try {
            codec.encode(value, out.data());
            return out;
        } catch (IOException e) {
            throw new StateException("codec '" + codec.id() + "' cannot encode " + what + ": " + e.getMessage(), e);
        }
    }

    /** Decodes exactly {@code length} bytes: a codec that reads fewer or more means corrupt or foreign bytes. */
    <T> T decode(Codec<T> codec, byte[] source, int offset, int length, String what) {
        try {
            T value = codec.decode(input.over(source, offset, length));
            if (input.remaining() != 0) {
                throw new StateException("codec '" + codec.id() + "' left " + input.remaining() + " of " + length
                        + " bytes unread in " + what);
            }
            return value;
        } catch (IOException e) {
            throw new StateException("codec '" + codec.id() + "' cannot decode " + what + ": " + e.getMessage(), e);
        } finally {
            input.release();
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------------

    @Override
    public KeyGroupRange keyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public int maxParallelism() {
        return maxParallelism;
    }

    /** The directory of this instance's files (for snapshots). */
    public Path workingDirectory() {
        return workingDirectory;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the RocksDB state backend for key groups " + keyGroupRange + " in "
                    + workingDirectory + " is closed");
        }
    }

    /**
     * Frees native objects in reverse order of creation, then deletes the working directory:
     * iterators and column family handles point into the DB, so they go first (RocksDB asserts that no
     * handle outlives its DB); the DB next, which also drops its references to the shared cache and write
     * buffer manager; then the options, which RocksDB reads while the DB is open.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        openIterators.forEach(RocksIterator::close);
        openIterators.clear();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        handles.add(defaultColumnFamily);
        states.values().forEach(state -> handles.add(state.columnFamily()));
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).close();
        }
        RuntimeException failure = null;
        try {
            db.closeE();
        } catch (RocksDBException e) {
            failure = new StateException("closing RocksDB in " + workingDirectory + " failed: " + e.getMessage(), e);
        }
        options.close();
        currentKey = null;
        currentKeyPrefix = null;
        try {
            deleteRecursively(workingDirectory);
        } catch (IOException | UncheckedIOException e) {
            RuntimeException deletion = new StateException("cannot delete the RocksDB working directory "
                    + workingDirectory + ": " + e.getMessage(), e);
            if (failure == null) {
                failure = deletion;
            } else {
                failure.addSuppressed(deletion);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private StateException failure(String action, RegisteredState state, RocksDBException e) {
        return new StateException("cannot " + action + " state '" + state.name() + "': " + e.getMessage(), e);
    }

    private static String abbreviate(Object key) {
        String text = String.valueOf(key);
        return text.length() <= MAX_KEY_TEXT ? text : text.substring(0, MAX_KEY_TEXT) + "...";
    }

    private static void createEmptyDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException("the RocksDB working directory " + directory
                                + " is not empty (left over from an earlier run, or shared by mistake)");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StateException("cannot create the RocksDB working directory " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void deleteQuietly(Path directory, Exception cause) {
        try {
            deleteRecursively(directory);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
