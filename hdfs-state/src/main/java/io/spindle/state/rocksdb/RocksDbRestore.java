package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@link RocksDbKeyedStateBackend#restore}: from one native snapshot of exactly the wanted key groups, downloads
 * its files and opens RocksDB on them. From anything else (other key-group ranges, several handles, canonical
 * savepoints): opens the native snapshot that covers most of the wanted key groups the same way and deletes the key
 * groups it has beyond them, or starts a fresh instance if there is none, then copies in the entries of the wanted
 * key groups from every other handle.
 */
final class RocksDbRestore {

    /** Local directories of downloaded native snapshots while their key groups are copied, in the working directory. */
    static final String RESCALE_DIRECTORY_PREFIX = "restore-";
    /** Entries written to the fresh instance at once. */
    private static final long BATCH_BYTES = 4L << 20;

    private RocksDbRestore() { }

    static <K> RocksDbKeyedStateBackend<K> restore(RocksDbResources resources, Path workingDirectory,
                                                   Codec<K> keyCodec, int maxParallelism, KeyGroupRange keyGroupRange,
                                                   RocksDbCheckpointOptions checkpointOptions,
                                                   List<KeyedStateHandle> handles, SnapshotFiles files,
                                                   boolean reuseUploadedFiles) {
        RocksDbKeyedStateBackend.checkArguments(resources, keyCodec, maxParallelism, keyGroupRange);
        Objects.requireNonNull(checkpointOptions, "checkpoint options");
        Objects.requireNonNull(files, "files");
        handles.forEach(handle -> Objects.requireNonNull(handle, "handle"));
        Path directory = workingDirectory.toAbsolutePath();
        LocalDirectories.createEmpty(directory);
        Opened opened = new Opened();
        try {
            if (handles.size() == 1 && handles.get(0) instanceof NativeKeyedState nativeState
                    && nativeState.keyGroupRange().equals(keyGroupRange)) {
                RocksDbKeyedStateBackend<K> backend = openNative(resources, directory, keyCodec, maxParallelism,
                        keyGroupRange, checkpointOptions, nativeState, files, opened);
                if (reuseUploadedFiles) {
                    backend.seedUploadedSstFiles(nativeState.sharedFiles());
                }
                return backend;
            }
            return fill(resources, directory, keyCodec, maxParallelism, keyGroupRange, checkpointOptions, handles,
                    files, opened);
        } catch (IOException | RocksDBException | RuntimeException e) {
            opened.close();
            LocalDirectories.deleteQuietly(directory, e);
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                throw (RuntimeException) e;
            }
            throw new StateException("cannot restore the RocksDB state of key groups " + keyGroupRange + " into "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /** The native objects a restore created so far, to free if it fails; the backend owns them once it exists. */
    private static final class Opened {
        RocksDbInstanceOptions options;
        RocksDB db;
        ColumnFamilyHandle defaultColumnFamily;
        final List<ColumnFamilyHandle> handles = new ArrayList<>();

        /** Reverse order of creation: column families, the DB, its options. */
        void close() {
            for (int i = handles.size() - 1; i >= 0; i--) {
                handles.get(i).close();
            }
            if (db != null) {
                db.close();
            }
            if (options != null) {
                options.close();
            }
        }
    }

    /** The snapshot's files, downloaded into the working directory, opened with every column family they hold. */
    private static <K> RocksDbKeyedStateBackend<K> openNative(RocksDbResources resources, Path directory,
                                                              Codec<K> keyCodec, int maxParallelism,
                                                              KeyGroupRange keyGroupRange,
                                                              RocksDbCheckpointOptions checkpointOptions,
                                                              NativeKeyedState handle, SnapshotFiles files,
                                                              Opened opened) throws IOException, RocksDBException {
        download(filesByLocalName(handle), directory, files, checkpointOptions, keyGroupRange);
        Map<String, ColumnFamilyHandle> restored = openDownloaded(resources, directory, opened);
        return new RocksDbKeyedStateBackend<>(resources, directory, keyCodec, maxParallelism, keyGroupRange,
                opened.options, checkpointOptions, opened.db, opened.defaultColumnFamily, restored);
    }

    /** Opens a downloaded snapshot in place with all its column families; returns the states' ones by name. */
    private static Map<String, ColumnFamilyHandle> openDownloaded(RocksDbResources resources, Path directory,
                                                                  Opened opened) throws RocksDBException {
        opened.options = resources.newInstanceOptions();
        List<byte[]> names = columnFamilyNames(directory);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
        for (byte[] name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name, opened.options.columnFamilyOptions()));
        }
        opened.db = RocksDB.open(opened.options.dbOptions(), directory.toString(), descriptors, opened.handles);
        Map<String, ColumnFamilyHandle> restored = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i);
            if (Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
                opened.defaultColumnFamily = opened.handles.get(i);
            } else {
                // Only the backend's state and timer column families exist; any other would be opened and kept as is.
                String stateName = RocksDbLayout.declaredName(name);
                restored.put(stateName != null ? stateName : new String(name, StandardCharsets.UTF_8),
                        opened.handles.get(i));
            }
        }
        return restored;
    }

    /**
     * An instance with the entries of {@code keyGroupRange} from every handle that has some. The native handle that
     * covers most of the range, if any, is the base: its files are opened in place and what lies outside the range
     * is deleted, so scaling out copies no entries at all; the other handles' entries are copied in.
     */
    private static <K> RocksDbKeyedStateBackend<K> fill(RocksDbResources resources, Path directory, Codec<K> keyCodec,
                                                        int maxParallelism, KeyGroupRange keyGroupRange,
                                                        RocksDbCheckpointOptions checkpointOptions,
                                                        List<KeyedStateHandle> handles, SnapshotFiles files,
                                                        Opened opened) throws IOException, RocksDBException {
        NativeKeyedState base = largestNativeOverlap(handles, keyGroupRange);
        Map<String, ColumnFamilyHandle> baseStates = Map.of();
        if (base == null) {
            opened.options = resources.newInstanceOptions();
            opened.db = RocksDB.open(opened.options.dbOptions(), directory.toString(), List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, opened.options.columnFamilyOptions())),
                    opened.handles);
            opened.defaultColumnFamily = opened.handles.get(0);
        } else {
            download(filesByLocalName(base), directory, files, checkpointOptions, keyGroupRange);
            baseStates = openDownloaded(resources, directory, opened);
        }
        try (Filling target = new Filling(opened, directory, baseStates)) {
            if (base != null) {
                target.deleteOutside(base.keyGroupRange(), keyGroupRange);
            }
            int downloads = 0;
            for (KeyedStateHandle handle : handles) {
                KeyGroupRange part = intersection(handle.keyGroupRange(), keyGroupRange);
                if (part == null || handle == base) {
                    continue;
                }
                if (handle instanceof NativeKeyedState nativeState) {
                    copyNative(resources, nativeState, part, directory.resolve(RESCALE_DIRECTORY_PREFIX + downloads++),
                            files, checkpointOptions, target);
                } else {
                    copyCanonical((CanonicalKeyedState) handle, part, maxParallelism, files, target);
                }
            }
            target.flush();
            return new RocksDbKeyedStateBackend<>(resources, directory, keyCodec, maxParallelism, keyGroupRange,
                    opened.options, checkpointOptions, opened.db, opened.defaultColumnFamily, target.columnFamilies);
        }
    }

    /** The native handle sharing the most key groups with the range; null if none shares any. */
    private static NativeKeyedState largestNativeOverlap(List<KeyedStateHandle> handles, KeyGroupRange range) {
        NativeKeyedState largest = null;
        int largestSize = 0;
        for (KeyedStateHandle handle : handles) {
            KeyGroupRange part = intersection(handle.keyGroupRange(), range);
            if (handle instanceof NativeKeyedState nativeState && part != null && part.size() > largestSize) {
                largest = nativeState;
                largestSize = part.size();
            }
        }
        return largest;
    }

    /** Downloads a native snapshot next to the instance, copies the part's byte range of each state, deletes it. */
    private static void copyNative(RocksDbResources resources, NativeKeyedState handle, KeyGroupRange part,
                                   Path temp, SnapshotFiles files, RocksDbCheckpointOptions checkpointOptions,
                                   Filling target) throws IOException, RocksDBException {
        Files.createDirectories(temp);
        download(filesByLocalName(handle), temp, files, checkpointOptions, part);
        try (ReadOnlyRocksDb source = ReadOnlyRocksDb.open(resources, temp)) {
            for (StateDeclaration state : source.states()) {
                ColumnFamilyHandle columnFamily = target.declare(state);
                try (RocksIterator iterator = source.iterator(state)) {
                    // Keys start with their key group, so the part is one contiguous range of keys.
                    for (iterator.seek(RocksDbLayout.keyGroupPrefix(part.start()));
                         iterator.isValid() && RocksDbLayout.keyGroupOf(iterator.key()) <= part.end();
                         iterator.next()) {
                        target.put(columnFamily, iterator.key(), iterator.value());
                    }
                    iterator.status();
                }
            }
        }
        LocalFiles.deleteRecursively(temp);
    }

    /** Reads only the part's key groups of a canonical file. */
    private static void copyCanonical(CanonicalKeyedState handle, KeyGroupRange part, int maxParallelism,
                                      SnapshotFiles files, Filling target) throws IOException, RocksDBException {
        CanonicalKeyGroups.Footer footer = CanonicalKeyGroups.readFooter(files, handle.file());
        if (footer.maxParallelism() != maxParallelism) {
            throw new IllegalArgumentException("the savepoint's keyed state was taken with max parallelism "
                    + footer.maxParallelism() + ", the job has " + maxParallelism
                    + ": re-shard the savepoint to " + maxParallelism + " first");
        }
        List<ColumnFamilyHandle> columnFamilies = new ArrayList<>();
        for (StateDeclaration state : footer.states()) {
            columnFamilies.add(target.declare(state));
        }
        CanonicalKeyGroups.read(files, handle.file(), footer, part, entry -> {
            if (KeyGroups.keyGroupOf(entry.key(), maxParallelism) != entry.keyGroup()) {
                throw new IOException(handle.file().path() + " is corrupted: a key of key group "
                        + KeyGroups.keyGroupOf(entry.key(), maxParallelism) + " is stored in key group "
                        + entry.keyGroup());
            }
            target.put(columnFamilies.get(entry.state()), RocksDbLayout.columnFamilyKey(
                    footer.states().get(entry.state()), entry.keyGroup(), entry.key(), entry.subKey()), entry.value());
        });
    }

    private static KeyGroupRange intersection(KeyGroupRange a, KeyGroupRange b) {
        int start = Math.max(a.start(), b.start());
        int end = Math.min(a.end(), b.end());
        return start <= end ? new KeyGroupRange(start, end) : null;
    }

    /**
     * The fresh instance being filled: its states' column families, created as handles declare them (with the
     * declaration in the default column family, as the backend writes it), and a batch of pending writes.
     */
    private static final class Filling implements AutoCloseable {

        private final Opened opened;
        private final Map<String, StateDeclaration> declared = new HashMap<>();
        final Map<String, ColumnFamilyHandle> columnFamilies = new LinkedHashMap<>();
        private final WriteBatch batch = new WriteBatch();

        /**
         * @param directory  where the instance is
         * @param baseStates the column families of the states the instance holds already, by name
         */
        Filling(Opened opened, Path directory, Map<String, ColumnFamilyHandle> baseStates) throws RocksDBException {
            this.opened = opened;
            for (Map.Entry<String, ColumnFamilyHandle> state : baseStates.entrySet()) {
                declared.put(state.getKey(), ReadOnlyRocksDb.declaration(opened.db, opened.defaultColumnFamily,
                        state.getValue(), directory));
                columnFamilies.put(state.getKey(), state.getValue());
            }
        }

        /**
         * Deletes the key groups of {@code held} outside {@code wanted} from every state: keys start with their key
         * group, so each side is one range tombstone; the entries stay hidden in the files until compaction drops
         * them.
         */
        void deleteOutside(KeyGroupRange held, KeyGroupRange wanted) throws RocksDBException {
            for (ColumnFamilyHandle columnFamily : columnFamilies.values()) {
                if (held.start() < wanted.start()) {
                    opened.db.deleteRange(columnFamily, opened.options.writeOptions(),
                            RocksDbLayout.keyGroupPrefix(held.start()), RocksDbLayout.keyGroupPrefix(wanted.start()));
                }
                if (held.end() > wanted.end()) {
                    opened.db.deleteRange(columnFamily, opened.options.writeOptions(),
                            RocksDbLayout.keyGroupPrefix(wanted.end() + 1), RocksDbLayout.keyGroupPrefix(held.end() + 1));
                }
            }
        }

        /** The column family of a state; declared differently by two snapshots is an error naming it. */
        ColumnFamilyHandle declare(StateDeclaration state) throws RocksDBException {
            StateDeclaration known = declared.get(state.name());
            if (known != null) {
                if (!known.compatibleWith(state)) {
                    throw new IllegalArgumentException("state '" + state.name() + "' is a " + known.describe()
                            + " in one restored snapshot and a " + state.describe() + " in another");
                }
                return columnFamilies.get(state.name());
            }
            ColumnFamilyHandle columnFamily = opened.db.createColumnFamily(new ColumnFamilyDescriptor(
                    RocksDbLayout.columnFamilyName(state), opened.options.columnFamilyOptions()));
            opened.handles.add(columnFamily);
            opened.db.put(opened.defaultColumnFamily, opened.options.writeOptions(),
                    RocksDbLayout.columnFamilyName(state), RocksDbLayout.stateMeta(state));
            declared.put(state.name(), state);
            columnFamilies.put(state.name(), columnFamily);
            return columnFamily;
        }

        /** Unchecked, as it is called where entries are read. */
        void put(ColumnFamilyHandle columnFamily, byte[] key, byte[] value) {
            try {
                batch.put(columnFamily, key, value);
                if (batch.getDataSize() >= BATCH_BYTES) {
                    flush();
                }
            } catch (RocksDBException e) {
                throw new StateException("cannot write restored entries: " + e.getMessage(), e);
            }
        }

        void flush() throws RocksDBException {
            opened.db.write(opened.options.writeOptions(), batch);
            batch.clear();
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    /** Shared and private files by their local names, which must be plain file names and appear once. */
    private static Map<String, StateFile> filesByLocalName(NativeKeyedState handle) {
        Map<String, StateFile> all = new LinkedHashMap<>(handle.sharedFiles());
        for (Map.Entry<String, StateFile> file : handle.privateFiles().entrySet()) {
            if (all.putIfAbsent(file.getKey(), file.getValue()) != null) {
                throw new IllegalArgumentException("the snapshot names " + file.getKey() + " twice");
            }
        }
        for (String name : all.keySet()) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("not a plain file name in a RocksDB snapshot: '" + name + "'");
            }
        }
        return all;
    }

    private static void download(Map<String, StateFile> allFiles, Path directory, SnapshotFiles files,
                                 RocksDbCheckpointOptions checkpointOptions, KeyGroupRange keyGroupRange)
            throws IOException {
        List<Map.Entry<String, StateFile>> ordered = new ArrayList<>(allFiles.entrySet());
        // Largest first, so that the last transfer to start is a small one.
        ordered.sort((a, b) -> Long.compare(b.getValue().size(), a.getValue().size()));
        List<Callable<Void>> actions = new ArrayList<>(ordered.size());
        for (Map.Entry<String, StateFile> file : ordered) {
            actions.add(() -> {
                files.download(file.getValue(), directory.resolve(file.getKey()));
                return null;
            });
        }
        int threads = Math.max(1, Math.min(checkpointOptions.transferThreads(), actions.size()));
        try (ParallelTransfer transfer = new ParallelTransfer("rocksdb-download-kg-" + keyGroupRange.start() + "-"
                + keyGroupRange.end(), threads)) {
            transfer.runAll(actions);
        }
        if (!Files.isRegularFile(directory.resolve("CURRENT"))) {
            throw new IOException("the snapshot has no CURRENT file: it is not a RocksDB snapshot");
        }
    }

    private static List<byte[]> columnFamilyNames(Path directory) throws RocksDBException {
        try (Options listOptions = new Options()) {
            return RocksDB.listColumnFamilies(listOptions, directory.toString());
        }
    }
}
