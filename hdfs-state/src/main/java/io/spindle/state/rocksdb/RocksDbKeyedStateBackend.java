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
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.KeyedTimers;
import io.spindle.state.NamespacedListState;
import io.spindle.state.NamespacedValueState;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.StateFile;

import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Keyed state of one subtask in its own RocksDB instance: one column family per declared state, keys
 * laid out as {@link RocksDbLayout} says. The instance lives in a working directory that it creates on
 * open and deletes on close; its memory comes from the worker's shared {@link RocksDbResources}.
 *
 * <p>Used by one thread. Scratch buffers are reused for every access, so a record costs the key's
 * encoding and prefix plus what RocksDB's Java API copies.
 *
 * <p>Checkpoints and savepoints: {@link #snapshot} (task thread) takes a native RocksDB checkpoint, whose
 * {@link RocksDbSnapshot#upload} (any thread) uploads it for a checkpoint, or
 * {@link RocksDbSnapshot#uploadSavepoint} for a savepoint; {@link #restore} opens a backend from uploaded ones,
 * at any parallelism. {@link #notifyCheckpointComplete} and {@link #notifyCheckpointAborted} may come from any thread.
 */
public final class RocksDbKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private static final int MAX_KEY_TEXT = 100;
    /** Local directories of snapshots, inside the working directory (hard links need the same file system). */
    static final String SNAPSHOT_DIRECTORY_PREFIX = "snapshot-chk-";

    private final RocksDbResources resources;
    private final Path workingDirectory;
    private final Codec<K> keyCodec;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final RocksDbInstanceOptions options;
    private final RocksDbCheckpointOptions checkpointOptions;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumnFamily;
    /** Column families of a restored instance by state name, until the operator declares their state again. */
    private final Map<String, ColumnFamilyHandle> restoredColumnFamilies;
    private final UploadedSstFiles uploadedSstFiles = new UploadedSstFiles();
    /** Snapshots whose local directory still exists: discarded when the backend closes. */
    private final Set<RocksDbSnapshot> liveSnapshots = ConcurrentHashMap.newKeySet();
    /** Declared states and timer services in declaration order (= creation order of their column families). */
    private final Map<String, RegisteredState> states = new LinkedHashMap<>();
    /** Timer services by name, each created once (it caches its first timers per key group). */
    private final Map<String, RocksDbTimers<K, ?>> timers = new HashMap<>();
    /** Iterators open while user code runs (forEachValue); closed first if the backend closes meanwhile. */
    private final Set<RocksIterator> openIterators = new LinkedHashSet<>();

    private final ScratchOutput keyScratch = new ScratchOutput();
    private final ScratchOutput valueScratch = new ScratchOutput();
    private final ScratchOutput elementScratch = new ScratchOutput();
    private final ScratchInput input = new ScratchInput();

    private K currentKey;
    private byte[] currentKeyPrefix;
    private volatile boolean closed;

    /** Takes ownership of the native objects: {@link #close()} frees them. */
    RocksDbKeyedStateBackend(RocksDbResources resources, Path workingDirectory, Codec<K> keyCodec, int maxParallelism,
                             KeyGroupRange keyGroupRange, RocksDbInstanceOptions options,
                             RocksDbCheckpointOptions checkpointOptions, RocksDB db,
                             ColumnFamilyHandle defaultColumnFamily,
                             Map<String, ColumnFamilyHandle> restoredColumnFamilies) {
        this.resources = resources;
        this.workingDirectory = workingDirectory;
        this.keyCodec = keyCodec;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.options = options;
        this.checkpointOptions = checkpointOptions;
        this.db = db;
        this.defaultColumnFamily = defaultColumnFamily;
        this.restoredColumnFamilies = new HashMap<>(restoredColumnFamilies);
    }

    /**
     * Opens a backend for the key groups {@code keyGroupRange} of a job with {@code maxParallelism} key
     * groups, in {@code workingDirectory}, which must not exist yet or be empty; it is created here and
     * deleted by {@link #close()}.
     */
    public static <K> RocksDbKeyedStateBackend<K> open(RocksDbResources resources, Path workingDirectory,
                                                       Codec<K> keyCodec, int maxParallelism,
                                                       KeyGroupRange keyGroupRange) {
        return open(resources, workingDirectory, keyCodec, maxParallelism, keyGroupRange,
                RocksDbCheckpointOptions.DEFAULTS);
    }

    /** As {@link #open(RocksDbResources, Path, Codec, int, KeyGroupRange)}, with these checkpoint options. */
    public static <K> RocksDbKeyedStateBackend<K> open(RocksDbResources resources, Path workingDirectory,
                                                       Codec<K> keyCodec, int maxParallelism,
                                                       KeyGroupRange keyGroupRange,
                                                       RocksDbCheckpointOptions checkpointOptions) {
        checkArguments(resources, keyCodec, maxParallelism, keyGroupRange);
        Objects.requireNonNull(checkpointOptions, "checkpoint options");
        Path directory = workingDirectory.toAbsolutePath();
        LocalDirectories.createEmpty(directory);
        RocksDbInstanceOptions options = null;
        try {
            options = resources.newInstanceOptions();
            List<ColumnFamilyHandle> handles = new ArrayList<>(1);
            RocksDB db = RocksDB.open(options.dbOptions(), directory.toString(),
                    List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options.columnFamilyOptions())),
                    handles);
            return new RocksDbKeyedStateBackend<>(resources, directory, keyCodec, maxParallelism, keyGroupRange,
                    options, checkpointOptions, db, handles.get(0), Map.of());
        } catch (RocksDBException | RuntimeException e) {
            if (options != null) {
                options.close();
            }
            LocalDirectories.deleteQuietly(directory, e);
            if (e instanceof RocksDBException) {
                throw new StateException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Opens a backend for {@code keyGroupRange} from the uploaded keyed state of the old subtasks whose key
     * groups intersect it ({@code handles}, native or canonical, read through {@code files}) in
     * {@code workingDirectory}, which must not exist yet or be empty. States are declared again as usual and
     * find their data by name; declaring one as another kind of state or with another codec id is an
     * {@link IllegalArgumentException}.
     *
     * <p>One native handle of exactly this range (a restore at the same parallelism): its files are downloaded
     * in parallel under their local names and RocksDB opens them as they are. With {@code reuseUploadedFiles},
     * its SST files are then the base of the first incremental checkpoint, which references them instead of
     * uploading them again: right when the snapshot lies in the job directory this backend's checkpoints go to
     * (failover), wrong when it comes from elsewhere (another job's checkpoint, a savepoint), whose files this
     * job must not share.
     *
     * <p>Anything else (another parallelism, canonical savepoints): a fresh instance gets exactly the entries of
     * the key groups in {@code keyGroupRange}, each native handle downloaded into a temporary directory inside
     * the working directory, opened read-only and copied from by key-group range, each canonical handle read
     * only for those key groups. A state declared differently by two handles is an
     * {@link IllegalArgumentException} naming it; {@code reuseUploadedFiles} does not apply.
     *
     * <p>A failure leaves no working directory behind and is a {@link StateException} with the cause.
     */
    public static <K> RocksDbKeyedStateBackend<K> restore(RocksDbResources resources, Path workingDirectory,
                                                          Codec<K> keyCodec, int maxParallelism,
                                                          KeyGroupRange keyGroupRange,
                                                          RocksDbCheckpointOptions checkpointOptions,
                                                          List<KeyedStateHandle> handles, SnapshotFiles files,
                                                          boolean reuseUploadedFiles) {
        return RocksDbRestore.restore(resources, workingDirectory, keyCodec, maxParallelism, keyGroupRange,
                checkpointOptions, handles, files, reuseUploadedFiles);
    }

    static void checkArguments(RocksDbResources resources, Codec<?> keyCodec, int maxParallelism,
                               KeyGroupRange keyGroupRange) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(keyCodec, "key codec");
        KeyGroups.checkParallelism(maxParallelism, 1);
        if (keyGroupRange.end() >= maxParallelism) {
            throw new IllegalArgumentException("key group range " + keyGroupRange + " exceeds the max parallelism "
                    + maxParallelism);
        }
    }

    // ---- current key -------------------------------------------------------------------------------

    @Override
    public void setCurrentKey(K key) {
        checkOpen();
        Objects.requireNonNull(key, "a key must not be null");
        ScratchOutput out = encode(keyCodec, key, keyScratch.reset(), "the key", null);
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

    /** Makes a key read from state current, with its {@link RocksDbLayout#keyPrefix} as stored: no encoding. */
    void makeCurrent(K key, byte[] keyPrefix) {
        currentKey = key;
        currentKeyPrefix = keyPrefix;
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

    @Override
    public <N, T> NamespacedValueState<N, T> namespacedValueState(ValueStateDescriptor<T> descriptor,
                                                                   Codec<N> namespaceCodec) {
        RegisteredState state = register(StateDeclaration.keyed(descriptor, namespaceCodecId(namespaceCodec)));
        return new RocksDbNamespacedValueState<>(new RocksDbValueState<>(this, state, descriptor.valueCodec()),
                new NamespaceKeys<>(this, namespaceCodec, state.name()));
    }

    @Override
    public <N, T> NamespacedListState<N, T> namespacedListState(ListStateDescriptor<T> descriptor,
                                                                 Codec<N> namespaceCodec) {
        RegisteredState state = register(StateDeclaration.keyed(descriptor, namespaceCodecId(namespaceCodec)));
        return new RocksDbNamespacedListState<>(new RocksDbListState<>(this, state, descriptor.valueCodec()),
                new NamespaceKeys<>(this, namespaceCodec, state.name()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> KeyedTimers<K, N> timers(String name, Codec<N> namespaceCodec) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a timer service needs a non-empty name");
        }
        RegisteredState state = register(StateDeclaration.timers(name, namespaceCodecId(namespaceCodec)));
        // One instance per name: its caches must see every register, delete and poll of that name.
        return (KeyedTimers<K, N>) timers.computeIfAbsent(name,
                unused -> new RocksDbTimers<>(this, state, keyCodec, namespaceCodec));
    }

    private static String namespaceCodecId(Codec<?> namespaceCodec) {
        Objects.requireNonNull(namespaceCodec, "namespace codec");
        if (namespaceCodec.id() == null || namespaceCodec.id().isEmpty()) {
            throw new IllegalArgumentException("a namespace codec needs an id");
        }
        return namespaceCodec.id();
    }

    private RegisteredState register(StateDescriptor<?> descriptor) {
        return register(StateDeclaration.keyed(descriptor, ""));
    }

    private RegisteredState register(StateDeclaration declaration) {
        checkOpen();
        RegisteredState existing = states.get(declaration.name());
        if (existing != null) {
            existing.checkCompatible(declaration);
            return existing;
        }
        ColumnFamilyHandle restored = restoredColumnFamilies.get(declaration.name());
        if (restored != null) {
            return registerRestored(declaration, restored);
        }
        try {
            byte[] columnFamilyName = RocksDbLayout.columnFamilyName(declaration);
            ColumnFamilyHandle columnFamily = db.createColumnFamily(new ColumnFamilyDescriptor(columnFamilyName,
                    options.columnFamilyOptions()));
            RegisteredState state = new RegisteredState(declaration, columnFamily);
            states.put(declaration.name(), state);
            // What the state was declared as, kept in the default column family so that it is in every
            // checkpoint and a restore can refuse a different declaration.
            db.put(defaultColumnFamily, options.writeOptions(), columnFamilyName, RocksDbLayout.stateMeta(declaration));
            return state;
        } catch (RocksDBException e) {
            throw new StateException("cannot create the column family of state '" + declaration.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** A state of the restored instance, declared again: the same kind and codecs as in the snapshot. */
    private RegisteredState registerRestored(StateDeclaration declaration, ColumnFamilyHandle columnFamily) {
        byte[] meta;
        try {
            meta = db.get(defaultColumnFamily, columnFamily.getName());
        } catch (RocksDBException e) {
            throw new StateException("cannot read what state '" + declaration.name() + "' was declared as: "
                    + e.getMessage(), e);
        }
        if (meta != null) {
            new RegisteredState(RocksDbLayout.declaration(declaration.name(), meta), columnFamily)
                    .checkCompatible(declaration);
        }
        RegisteredState state = new RegisteredState(declaration, columnFamily);
        restoredColumnFamilies.remove(declaration.name());
        states.put(declaration.name(), state);
        return state;
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
                K key = decode(keyCodec, columnFamilyKey, keyStart, columnFamilyKey.length - keyStart, "a key", null);
                V value = decode(valueCodec, valueBytes, 0, valueBytes.length, "a value of state", state.name());
                // A value state's whole key is the key prefix: the key becomes current without re-encoding.
                makeCurrent(key, columnFamilyKey);
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

    /** As {@link #newIterator(RegisteredState)}, reading with those options (which must outlive it). */
    RocksIterator newIterator(RegisteredState state, ReadOptions readOptions) {
        checkOpen();
        return db.newIterator(state.columnFamily(), readOptions);
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

    /**
     * Encodes {@code what} (of the state named {@code stateName}, if not null); the two are joined only for an error,
     * not for every value encoded.
     */
    <T> ScratchOutput encode(Codec<T> codec, T value, ScratchOutput out, String what, String stateName) {
        try {
            codec.encode(value, out.data());
            return out;
        } catch (IOException e) {
            throw new StateException("codec '" + codec.id() + "' cannot encode " + describe(what, stateName) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String describe(String what, String stateName) {
        return stateName == null ? what : what + " '" + stateName + "'";
    }

    /** Decodes exactly {@code length} bytes: a codec that reads fewer or more means corrupt or foreign bytes. */
    <T> T decode(Codec<T> codec, byte[] source, int offset, int length, String what, String stateName) {
        try {
            T value = codec.decode(input.over(source, offset, length));
            if (input.remaining() != 0) {
                throw new StateException("codec '" + codec.id() + "' left " + input.remaining() + " of " + length
                        + " bytes unread in " + describe(what, stateName));
            }
            return value;
        } catch (IOException e) {
            throw new StateException("codec '" + codec.id() + "' cannot decode " + describe(what, stateName) + ": "
                    + e.getMessage(), e);
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

    /**
     * A numeric RocksDB property, summed over the instance's column families when {@code aggregated} (e.g.
     * {@code rocksdb.estimate-live-data-size}), else of the instance as a whole (e.g. {@code rocksdb.block-cache-usage},
     * whose cache all column families share); on the thread that uses the backend, while it is open.
     */
    public long longProperty(String property, boolean aggregated) {
        checkOpen();
        try {
            return aggregated ? db.getAggregatedLongProperty(property) : db.getLongProperty(property);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB property " + property + ": " + e.getMessage(), e);
        }
    }

    /** The directory of this instance's files (for snapshots). */
    public Path workingDirectory() {
        return workingDirectory;
    }

    // ---- checkpoints -------------------------------------------------------------------------------

    /**
     * The synchronous part of a checkpoint, on the task thread: flushes the memtables and takes a RocksDB
     * native checkpoint (hard links to the SST files, copies of the small files) into
     * {@code <working directory>/snapshot-chk-<id>}, and captures the SST files of the last confirmed
     * checkpoint as the base to diff against. Takes about as long as the flush; the returned snapshot's
     * {@link RocksDbSnapshot#upload} is the asynchronous part. At most one snapshot per checkpoint id at once.
     */
    public synchronized RocksDbSnapshot snapshot(long checkpointId) {
        checkOpen();
        Path directory = workingDirectory.resolve(SNAPSHOT_DIRECTORY_PREFIX + checkpointId);
        if (Files.exists(directory)) {
            throw new IllegalStateException("a snapshot of checkpoint " + checkpointId + " for key groups "
                    + keyGroupRange + " is in progress already (" + directory + ")");
        }
        Map<String, StateFile> base =
                checkpointOptions.incremental() ? uploadedSstFiles.confirmedBase() : Map.of();
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
             Checkpoint checkpoint = Checkpoint.create(db)) {
            db.flush(flush, columnFamilies());
            checkpoint.createCheckpoint(directory.toString());
            Map<String, Long> files = listFiles(directory);
            if (checkpointOptions.incremental()) {
                uploadedSstFiles.taken(checkpointId, files.keySet().stream()
                        .filter(name -> name.endsWith(RocksDbSnapshot.SST_SUFFIX) && !base.containsKey(name))
                        .collect(Collectors.toSet()));
            }
            RocksDbSnapshot snapshot = new RocksDbSnapshot(checkpointId, keyGroupRange, directory, files,
                    base, checkpointOptions, uploadedSstFiles, liveSnapshots::remove, resources, maxParallelism);
            liveSnapshots.add(snapshot);
            return snapshot;
        } catch (RocksDBException | IOException | RuntimeException e) {
            LocalDirectories.deleteQuietly(directory, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StateException("cannot snapshot RocksDB in " + workingDirectory + " for checkpoint "
                    + checkpointId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checkpoint {@code checkpointId} is complete: its SST files are the base of the next incremental
     * checkpoint, older ones are forgotten. A savepoint's completion ({@link RocksDbSnapshot#uploadSavepoint})
     * changes nothing. Any thread.
     */
    public void notifyCheckpointComplete(long checkpointId) {
        uploadedSstFiles.confirmed(checkpointId);
    }

    /**
     * Checkpoint {@code checkpointId} was aborted: its files are never reused, and a snapshot of it still
     * uploading is cancelled (its upload deletes what it wrote and throws). Any thread.
     */
    public void notifyCheckpointAborted(long checkpointId) {
        uploadedSstFiles.aborted(checkpointId);
        liveSnapshots.stream().filter(snapshot -> snapshot.checkpointId() == checkpointId)
                .forEach(RocksDbSnapshot::discard);
    }

    /** The checkpoint the next incremental snapshot diffs against, {@link Long#MIN_VALUE} if none (yet). */
    long lastConfirmedCheckpointId() {
        return uploadedSstFiles.lastConfirmedCheckpointId();
    }

    /** The restored instance's SST files are in the checkpoint storage already. */
    void seedUploadedSstFiles(Map<String, StateFile> sstFiles) {
        uploadedSstFiles.seedWithRestored(sstFiles);
    }

    private List<ColumnFamilyHandle> columnFamilies() {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        handles.add(defaultColumnFamily);
        states.values().forEach(state -> handles.add(state.columnFamily()));
        handles.addAll(restoredColumnFamilies.values());
        return handles;
    }

    private static Map<String, Long> listFiles(Path directory) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                if (!Files.isRegularFile(file)) {
                    throw new IOException("unexpected entry in a RocksDB checkpoint: " + file);
                }
                files.put(file.getFileName().toString(), Files.size(file));
            }
        }
        return files;
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
     *
     * <p>Snapshots not uploaded yet are discarded, uploads in progress cancelled: they use no native object,
     * only their files, which go with the working directory. Synchronized with {@link #snapshot}, the only
     * other method that may be called from another thread while native objects are in use.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        liveSnapshots.forEach(RocksDbSnapshot::discard);
        openIterators.forEach(RocksIterator::close);
        openIterators.clear();
        List<ColumnFamilyHandle> handles = columnFamilies();
        restoredColumnFamilies.clear();
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
            LocalFiles.deleteRecursively(workingDirectory);
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
}
