package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

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

/** {@link RocksDbKeyedStateBackend#restore}: downloads a snapshot's files and opens RocksDB on them. */
final class RocksDbRestore {

    private RocksDbRestore() { }

    static <K> RocksDbKeyedStateBackend<K> restore(RocksDbResources resources, Path workingDirectory,
                                                   Codec<K> keyCodec, int maxParallelism, KeyGroupRange keyGroupRange,
                                                   RocksDbCheckpointOptions checkpointOptions,
                                                   KeyedStateHandle handle, SnapshotFiles files,
                                                   boolean reuseUploadedFiles) {
        RocksDbKeyedStateBackend.checkArguments(resources, keyCodec, maxParallelism, keyGroupRange);
        Objects.requireNonNull(checkpointOptions, "checkpoint options");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(files, "files");
        if (!handle.keyGroupRange().equals(keyGroupRange)) {
            throw new IllegalArgumentException("the snapshot holds key groups " + handle.keyGroupRange()
                    + ", not " + keyGroupRange + ": restoring keyed state at another parallelism is not supported yet");
        }
        if (!(handle instanceof NativeKeyedState nativeState)) {
            throw new IllegalArgumentException("restoring keyed state of a canonical savepoint is not supported yet");
        }
        Map<String, StateFile> allFiles = filesByLocalName(nativeState);
        Path directory = workingDirectory.toAbsolutePath();
        LocalDirectories.createEmpty(directory);
        RocksDbInstanceOptions options = null;
        RocksDB db = null;
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            download(allFiles, directory, files, checkpointOptions, keyGroupRange);
            options = resources.newInstanceOptions();
            List<byte[]> names = columnFamilyNames(directory);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, options.columnFamilyOptions()));
            }
            db = RocksDB.open(options.dbOptions(), directory.toString(), descriptors, handles);
            ColumnFamilyHandle defaultColumnFamily = null;
            Map<String, ColumnFamilyHandle> restored = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byte[] name = names.get(i);
                if (Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
                    defaultColumnFamily = handles.get(i);
                } else {
                    // Only the backend's "s:" column families exist; any other would be opened and kept as is.
                    String text = new String(name, StandardCharsets.UTF_8);
                    String stateName = text.startsWith(RocksDbLayout.STATE_COLUMN_FAMILY_PREFIX)
                            ? text.substring(RocksDbLayout.STATE_COLUMN_FAMILY_PREFIX.length()) : text;
                    restored.put(stateName, handles.get(i));
                }
            }
            RocksDbKeyedStateBackend<K> backend = new RocksDbKeyedStateBackend<>(directory, keyCodec, maxParallelism,
                    keyGroupRange, options, checkpointOptions, db, defaultColumnFamily, restored);
            if (reuseUploadedFiles) {
                backend.seedUploadedSstFiles(nativeState.sharedFiles());
            }
            return backend;
        } catch (IOException | RocksDBException | RuntimeException e) {
            // Reverse order of creation: column families, the DB, its options.
            for (int i = handles.size() - 1; i >= 0; i--) {
                handles.get(i).close();
            }
            if (db != null) {
                db.close();
            }
            if (options != null) {
                options.close();
            }
            LocalDirectories.deleteQuietly(directory, e);
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                throw (RuntimeException) e;
            }
            throw new StateException("cannot restore the RocksDB state of key groups " + keyGroupRange + " into "
                    + directory + ": " + e.getMessage(), e);
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
