package io.spindle.state.savepoint;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.operator.OperatorStateRedistribution;
import io.spindle.state.rocksdb.CanonicalKeyGroups;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Re-shards a canonical savepoint to another max parallelism, offline: every key's group is computed again
 * from its key bytes, and each keyed operator's entries are written again as one canonical file per new
 * subtask. Only canonical savepoints can be: a native one holds RocksDB's files, whose keys carry the old key
 * groups.
 */
public final class SavepointRescaler {

    /** Bytes buffered before a write to the sorting instance. */
    private static final long BATCH_BYTES = 4L << 20;
    /** Where the key's length starts in a sort key ({@link #sortKey}). */
    private static final int SORT_KEY_HEADER = RocksDbLayout.KEY_GROUP_BYTES + 4;

    static {
        RocksDB.loadLibrary();
    }

    private SavepointRescaler() { }

    /**
     * Writes to the directory {@code out} (absent or empty) a copy of the canonical savepoint at {@code in}
     * with max parallelism {@code newMaxParallelism}; each operator's parallelism becomes
     * {@code min(parallelism, newMaxParallelism)}, its list state spread over its new subtasks as a restore
     * would. {@code _metadata} is written last. Refuses native savepoints and checkpoints with a reason.
     *
     * @return the new savepoint
     */
    public static CompletedCheckpoint rescale(String in, String out, int newMaxParallelism,
                                              Configuration hadoopConfiguration) throws IOException {
        KeyGroups.checkParallelism(newMaxParallelism, 1);
        CompletedCheckpoint source = Savepoints.loadSavepoint(in, hadoopConfiguration, "re-shard");
        CheckpointMetadata metadata = source.metadata();
        if (metadata.savepointFormat() != SavepointFormat.CANONICAL) {
            throw new IOException("cannot re-shard " + in + ": it is a " + metadata.savepointFormat()
                    + " savepoint, whose RocksDB files carry the old key groups; take a canonical one");
        }
        HadoopSnapshotFiles sourceFiles = HadoopSnapshotFiles.forDirectory(source.stateRoot(), hadoopConfiguration);
        return Savepoints.intoEmptyDirectory(out, hadoopConfiguration, "re-shard " + in, outDirectory -> {
            HadoopSnapshotFiles targetFiles = HadoopSnapshotFiles.forDirectory(outDirectory.toString(),
                    hadoopConfiguration);
            java.nio.file.Path scratch = Files.createTempDirectory("spindle-reshard-");
            try {
                List<OperatorState> operators = new ArrayList<>();
                for (OperatorState operator : metadata.operators()) {
                    operators.add(rescale(operator, newMaxParallelism, sourceFiles, targetFiles,
                            scratch.resolve("operator-" + operators.size())));
                }
                CheckpointMetadata rescaled = new CheckpointMetadata(metadata.jobId(), metadata.jobName(),
                        metadata.checkpointId(), metadata.timestampMillis(), SavepointFormat.CANONICAL, operators);
                CheckpointStorage.publishMetadata(new HadoopFileAccess(hadoopConfiguration).fileSystem(outDirectory),
                        outDirectory, rescaled);
                return new CompletedCheckpoint(rescaled, outDirectory.toString(), true);
            } finally {
                LocalFiles.deleteRecursively(scratch);
            }
        });
    }

    private static OperatorState rescale(OperatorState operator, int newMaxParallelism, HadoopSnapshotFiles source,
                                         HadoopSnapshotFiles target, java.nio.file.Path scratch) throws IOException {
        int parallelism = Math.min(operator.parallelism(), newMaxParallelism);
        if (parallelism != operator.parallelism() && OperatorStateRedistribution.partlyEnded(operator)) {
            throw new IOException("cannot re-shard operator '" + operator.operatorName() + "' to parallelism "
                    + parallelism + ": its input had ended on some of its " + operator.parallelism()
                    + " subtasks only");
        }
        boolean keyed = operator.subtasks().stream().anyMatch(s -> s.keyedState() != null);
        if (operator.subtasks().isEmpty() || (!keyed && parallelism == operator.parallelism())) {
            return new OperatorState(operator.operatorName(), operator.parallelism(), newMaxParallelism,
                    operator.states(), operator.subtasks());
        }
        List<KeyedStateHandle> keyedStates = new ArrayList<>();
        for (OperatorSubtaskState subtask : operator.subtasks()) {
            if (subtask.keyedState() != null) {
                keyedStates.add(subtask.keyedState());
            }
        }
        List<CanonicalKeyedState> newKeyedStates = keyed
                ? reshard(operator.operatorName(), keyedStates, parallelism, newMaxParallelism, source, target,
                        scratch)
                : List.of();
        List<OperatorSubtaskState> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            subtasks.add(new OperatorSubtaskState(i, OperatorStateRedistribution.forSubtask(operator, parallelism, i),
                    keyed ? newKeyedStates.get(i) : null,
                    OperatorStateRedistribution.inputEnded(operator, parallelism, i)));
        }
        return new OperatorState(operator.operatorName(), parallelism, newMaxParallelism, operator.states(),
                subtasks);
    }

    /**
     * Sorts every entry of the old files by its new key group in a local RocksDB instance (the state may not fit
     * in memory), then writes one canonical file per new subtask and uploads it.
     */
    private static List<CanonicalKeyedState> reshard(String operator, List<KeyedStateHandle> handles,
                                                     int parallelism, int newMaxParallelism,
                                                     HadoopSnapshotFiles source, HadoopSnapshotFiles target,
                                                     java.nio.file.Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Map<String, StateDeclaration> declarations = new TreeMap<>();
        List<CanonicalKeyGroups.Footer> footers = new ArrayList<>();
        for (KeyedStateHandle handle : handles) {
            if (!(handle instanceof CanonicalKeyedState canonical)) {
                throw new IOException("operator '" + operator + "' has native keyed state in a canonical savepoint");
            }
            CanonicalKeyGroups.Footer footer = CanonicalKeyGroups.readFooter(source, canonical.file());
            for (StateDeclaration state : footer.states()) {
                StateDeclaration known = declarations.putIfAbsent(state.name(), state);
                if (known != null && !known.equals(state)) {
                    throw new IOException("state '" + state.name() + "' of operator '" + operator
                            + "' is declared differently by two subtasks: " + known + ", " + state);
                }
            }
            footers.add(footer);
        }
        List<StateDeclaration> states = List.copyOf(declarations.values());
        List<String> names = states.stream().map(StateDeclaration::name).toList();
        try (Options options = new Options().setCreateIfMissing(true);
             WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
             RocksDB sorted = RocksDB.open(options, scratch.resolve("sorted").toString());
             WriteBatch batch = new WriteBatch()) {
            for (int h = 0; h < handles.size(); h++) {
                CanonicalKeyGroups.Footer footer = footers.get(h);
                StateFile file = ((CanonicalKeyedState) handles.get(h)).file();
                CanonicalKeyGroups.read(source, file, footer, footer.keyGroupRange(), entry -> {
                    int state = names.indexOf(footer.states().get(entry.state()).name());
                    int keyGroup = KeyGroups.keyGroupOf(entry.key(), newMaxParallelism);
                    try {
                        batch.put(sortKey(keyGroup, state, entry), entry.value());
                        if (batch.getDataSize() >= BATCH_BYTES) {
                            sorted.write(writeOptions, batch);
                            batch.clear();
                        }
                    } catch (RocksDBException e) {
                        throw new IOException("cannot sort the entries of operator '" + operator + "': "
                                + e.getMessage(), e);
                    }
                });
            }
            sorted.write(writeOptions, batch);
            List<CanonicalKeyedState> result = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                KeyGroupRange range = KeyGroups.rangeOf(i, newMaxParallelism, parallelism);
                java.nio.file.Path local = scratch.resolve("subtask-" + i);
                writeSubtask(sorted, local, newMaxParallelism, range, states);
                result.add(new CanonicalKeyedState(range, target.upload(local, UUID.randomUUID() + "-keyed-kg-"
                        + range.start() + "-" + range.end())));
                Files.delete(local);
            }
            return result;
        } catch (RocksDBException e) {
            throw new IOException("cannot sort the entries of operator '" + operator + "': " + e.getMessage(), e);
        }
    }

    /**
     * [new key group u16][state index int32][key length varint][key bytes][sub-key bytes, if any]: sorted by key
     * group, then state, unique per entry. A timer's sub-key holds its time: its RocksDB key is rebuilt from key and
     * sub-key at restore, so its new key group comes from the key bytes like any other entry's.
     */
    private static byte[] sortKey(int keyGroup, int state, CanonicalKeyGroups.Entry entry) {
        byte[] prefix = RocksDbLayout.keyPrefix(keyGroup, entry.key(), 0, entry.key().length);
        byte[] subKey = entry.subKey() == null ? new byte[0] : entry.subKey();
        return ByteBuffer.allocate(prefix.length + 4 + subKey.length).put(prefix, 0, RocksDbLayout.KEY_GROUP_BYTES)
                .putInt(state).put(prefix, RocksDbLayout.KEY_GROUP_BYTES, prefix.length - RocksDbLayout.KEY_GROUP_BYTES)
                .put(subKey).array();
    }

    private static void writeSubtask(RocksDB sorted, java.nio.file.Path local, int maxParallelism,
                                     KeyGroupRange range, List<StateDeclaration> states)
            throws IOException, RocksDBException {
        try (CanonicalKeyGroups.Writer writer = new CanonicalKeyGroups.Writer(local, maxParallelism, range, states);
             RocksIterator iterator = sorted.newIterator()) {
            for (iterator.seek(RocksDbLayout.keyGroupPrefix(range.start()));
                 iterator.isValid() && RocksDbLayout.keyGroupOf(iterator.key()) <= range.end(); iterator.next()) {
                byte[] sortKey = iterator.key();
                int state = ByteBuffer.wrap(sortKey).getInt(RocksDbLayout.KEY_GROUP_BYTES);
                int keyLength = RocksDbLayout.readVarInt(sortKey, SORT_KEY_HEADER);
                int keyStart = SORT_KEY_HEADER + RocksDbLayout.varIntSize(keyLength);
                int keyEnd = keyStart + keyLength;
                byte[] subKey = RocksDbLayout.hasSubKey(states.get(state))
                        ? Arrays.copyOfRange(sortKey, keyEnd, sortKey.length) : null;
                writer.add(new CanonicalKeyGroups.Entry(RocksDbLayout.keyGroupOf(sortKey), state,
                        Arrays.copyOfRange(sortKey, keyStart, keyEnd), subKey, iterator.value()));
            }
            iterator.status();
            writer.finish();
        }
    }
}
