package io.spindle.state.savepoint;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.rocksdb.AllKindsOfState;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbCheckpointOptions;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;
import io.spindle.state.rocksdb.RocksDbResources;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/** Real savepoints of a two-operator job (a source with list state, a keyed operator with RocksDB state). */
final class SavepointTesting implements AutoCloseable {

    static final String JOB = "5a7e1d0c2b3a49e8a1f2c3d4e5f60718";
    static final String KEYED_OPERATOR = "counts";
    static final int MAX_PARALLELISM = 128;
    static final int KEYS = 2_000;

    private final java.nio.file.Path tempDir;
    private final Configuration hadoop = new Configuration();
    private final RocksDbResources resources = new RocksDbResources(32L << 20);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private int backends;

    SavepointTesting(java.nio.file.Path tempDir) {
        this.tempDir = tempDir;
    }

    Configuration hadoop() {
        return hadoop;
    }

    /** A published savepoint of both operators at {@code parallelism}, every key's state in the keyed one. */
    CompletedCheckpoint savepoint(SavepointFormat format, int parallelism) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(tempDir.resolve("checkpoints").toUri().toString(), JOB,
                hadoop);
        Path location = storage.initializeSavepoint(tempDir.resolve("savepoints").toUri().toString());
        HadoopSnapshotFiles files = HadoopSnapshotFiles.forDirectory(location.toString(), hadoop);
        List<OperatorSubtaskState> source = new ArrayList<>();
        List<OperatorSubtaskState> keyed = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                    tempDir.resolve("local/backend-" + backends++), STRING, MAX_PARALLELISM,
                    KeyGroups.rangeOf(subtask, MAX_PARALLELISM, parallelism));
            toClose.add(backend);
            AllKindsOfState.writeAllKinds(backend, 0, KEYS);
            KeyedStateHandle handle = backend.snapshot(1).uploadSavepoint(files, format);
            source.add(new OperatorSubtaskState(subtask, Map.of("offsets", List.of(new byte[] {(byte) subtask})),
                    null));
            keyed.add(new OperatorSubtaskState(subtask, Map.of(), handle));
        }
        return storage.finalizeSavepoint(location, new CheckpointMetadata(JOB, "test job", 1, 0, format, List.of(
                new OperatorState("source", parallelism, MAX_PARALLELISM, List.of(), source),
                new OperatorState(KEYED_OPERATOR, parallelism, MAX_PARALLELISM, List.of(), keyed))));
    }

    /**
     * Restores the keyed operator of {@code savepoint} at its parallelism and max parallelism: every key has
     * exactly its state, in exactly one subtask, whose timers are exactly those of its keys.
     */
    void assertEveryKeyRestores(CompletedCheckpoint savepoint) {
        OperatorState operator = savepoint.metadata().operator(KEYED_OPERATOR).orElseThrow();
        HadoopSnapshotFiles files = HadoopSnapshotFiles.forDirectory(savepoint.stateRoot(), hadoop);
        int keys = 0;
        for (int subtask = 0; subtask < operator.parallelism(); subtask++) {
            KeyGroupRange range = KeyGroups.rangeOf(subtask, operator.maxParallelism(), operator.parallelism());
            List<KeyedStateHandle> handles = operator.subtasks().stream().map(OperatorSubtaskState::keyedState)
                    .filter(h -> h.keyGroupRange().start() <= range.end() && range.start() <= h.keyGroupRange().end())
                    .toList();
            RocksDbKeyedStateBackend<String> restored = RocksDbKeyedStateBackend.restore(resources,
                    tempDir.resolve("local/backend-" + backends++), STRING, operator.maxParallelism(), range,
                    RocksDbCheckpointOptions.DEFAULTS, handles, files, false);
            toClose.add(restored);
            AllKindsOfState.assertAllKinds(restored, 0, KEYS);
            AllKindsOfState.assertTimers(restored, 0, KEYS);
            keys += AllKindsOfState.countKeys(restored);
        }
        assertThat(keys).isEqualTo(KEYS);
    }

    @Override
    public void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        resources.close();
    }
}
