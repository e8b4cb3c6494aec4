package io.spindle.state.rocksdb;

import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.SavepointFormat;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.STRING;
import static io.spindle.state.rocksdb.AllKindsOfState.assertAllKinds;
import static io.spindle.state.rocksdb.AllKindsOfState.assertTimers;
import static io.spindle.state.rocksdb.AllKindsOfState.countKeys;
import static io.spindle.state.rocksdb.AllKindsOfState.owns;
import static io.spindle.state.rocksdb.AllKindsOfState.writeAllKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbRescalingTest {

    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 4_000;

    /** How the old subtasks' keyed state was taken. */
    private enum Taken { CHECKPOINT, NATIVE_SAVEPOINT, CANONICAL_SAVEPOINT }

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RocksDbResources resources;
    private HadoopSnapshotFiles storage;
    private int backends;

    @BeforeEach
    void setUp() throws IOException {
        resources = new RocksDbResources(32L << 20);
        toClose.add(resources);
        // A savepoint directory and a job directory at once: uploads go flat into it, or into shared/ and chk-<n>/.
        Path directory = CheckpointTesting.createCheckpointDirectories(tempDir.resolve("state"));
        storage = HadoopSnapshotFiles.forDirectory(directory.toUri().toString(), new Configuration());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbKeyedStateBackend<String> open(KeyGroupRange range) {
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                tempDir.resolve("local/backend-" + backends++), STRING, MAX_PARALLELISM, range,
                RocksDbCheckpointOptions.incremental(2));
        toClose.add(backend);
        return backend;
    }

    /** The keyed state of {@code parallelism} subtasks holding every kind of state of all keys. */
    private List<KeyedStateHandle> take(int parallelism, Taken taken) throws IOException {
        List<KeyedStateHandle> handles = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            RocksDbKeyedStateBackend<String> backend = open(KeyGroups.rangeOf(subtask, MAX_PARALLELISM, parallelism));
            writeAllKinds(backend, 0, KEYS);
            RocksDbSnapshot snapshot = backend.snapshot(1);
            handles.add(switch (taken) {
                case CHECKPOINT -> snapshot.upload(storage);
                case NATIVE_SAVEPOINT -> snapshot.uploadSavepoint(storage, SavepointFormat.NATIVE);
                case CANONICAL_SAVEPOINT -> snapshot.uploadSavepoint(storage, SavepointFormat.CANONICAL);
            });
        }
        return handles;
    }

    private RocksDbKeyedStateBackend<String> restore(KeyGroupRange range, List<KeyedStateHandle> handles) {
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.restore(resources,
                tempDir.resolve("local/backend-" + backends++), STRING, MAX_PARALLELISM, range,
                RocksDbCheckpointOptions.incremental(2), handles, storage, false);
        toClose.add(backend);
        return backend;
    }

    /**
     * Restores {@code handles} at {@code parallelism}: every key has exactly its state, in exactly one subtask, and each
     * subtask polls exactly the timers of its key groups.
     */
    private void assertRestoresAt(int parallelism, List<KeyedStateHandle> handles) {
        int keys = 0;
        for (int subtask = 0; subtask < parallelism; subtask++) {
            KeyGroupRange range = KeyGroups.rangeOf(subtask, MAX_PARALLELISM, parallelism);
            List<KeyedStateHandle> intersecting = handles.stream()
                    .filter(h -> h.keyGroupRange().start() <= range.end() && range.start() <= h.keyGroupRange().end())
                    .toList();
            RocksDbKeyedStateBackend<String> restored = restore(range, intersecting);
            assertAllKinds(restored, 0, KEYS);
            assertTimers(restored, 0, KEYS);
            int owned = 0;
            for (int i = 0; i < KEYS; i++) {
                owned += owns(restored, i) ? 1 : 0;
            }
            assertThat(countKeys(restored)).isEqualTo(owned);
            keys += owned;
        }
        assertThat(keys).isEqualTo(KEYS);
    }

    @Test
    void aCheckpointOfOneSubtaskRestoresIntoTwoHalves() throws IOException {
        assertRestoresAt(2, take(1, Taken.CHECKPOINT));
    }

    @Test
    void aCheckpointOfTwoSubtasksRestoresIntoOne() throws IOException {
        assertRestoresAt(1, take(2, Taken.CHECKPOINT));
    }

    @Test
    void aCanonicalSavepointOfOneSubtaskRestoresIntoTwoHalves() throws IOException {
        assertRestoresAt(2, take(1, Taken.CANONICAL_SAVEPOINT));
    }

    @Test
    void aCanonicalSavepointOfTwoSubtasksRestoresIntoOne() throws IOException {
        assertRestoresAt(1, take(2, Taken.CANONICAL_SAVEPOINT));
    }

    @Test
    void aCheckpointOfOneSubtaskRestoresIntoFour() throws IOException {
        assertRestoresAt(4, take(1, Taken.CHECKPOINT));
    }

    @Test
    void aCheckpointOfFourSubtasksRestoresIntoOne() throws IOException {
        assertRestoresAt(1, take(4, Taken.CHECKPOINT));
    }

    @Test
    void aCheckpointOfThreeSubtasksRestoresIntoFiveWhoseRangesCrossTheOldOnes() throws IOException {
        assertRestoresAt(5, take(3, Taken.CHECKPOINT));
    }

    @Test
    void aNativeSavepointOfFourSubtasksRestoresIntoTwo() throws IOException {
        assertRestoresAt(2, take(4, Taken.NATIVE_SAVEPOINT));
    }

    @Test
    void aCanonicalSavepointOfOneSubtaskRestoresIntoFour() throws IOException {
        assertRestoresAt(4, take(1, Taken.CANONICAL_SAVEPOINT));
    }

    @Test
    void aCanonicalSavepointOfFourSubtasksRestoresIntoOne() throws IOException {
        assertRestoresAt(1, take(4, Taken.CANONICAL_SAVEPOINT));
    }

    @Test
    void aSubtaskRestoringPartOfACanonicalFileReadsLittleMoreThanItsKeyGroups() throws IOException {
        KeyedStateHandle handle = take(1, Taken.CANONICAL_SAVEPOINT).get(0);
        TestingSnapshotFiles counting = new TestingSnapshotFiles(storage);

        RocksDbKeyedStateBackend<String> restored = RocksDbKeyedStateBackend.restore(resources,
                tempDir.resolve("local/quarter"), STRING, MAX_PARALLELISM, KeyGroups.rangeOf(0, MAX_PARALLELISM, 4),
                RocksDbCheckpointOptions.incremental(2), List.of(handle), counting, false);
        toClose.add(restored);

        assertThat(counting.bytesRead.get()).isLessThan(handle.fullBytes() / 3);
        assertAllKinds(restored, 0, KEYS);
    }

    @Test
    void keyGroupsAScaledOutSubtaskDroppedStayDroppedInItsSnapshots() throws IOException {
        RocksDbKeyedStateBackend<String> half = restore(KeyGroups.rangeOf(0, MAX_PARALLELISM, 2),
                take(1, Taken.CHECKPOINT));
        KeyedStateHandle halfSnapshot = half.snapshot(2).uploadSavepoint(storage, SavepointFormat.NATIVE);
        int owned = 0;
        for (int i = 0; i < KEYS; i++) {
            owned += owns(half, i) ? 1 : 0;
        }

        RocksDbKeyedStateBackend<String> whole = restore(KeyGroups.rangeOf(0, MAX_PARALLELISM, 1), List.of(halfSnapshot));

        assertThat(owned).isPositive().isLessThan(KEYS);
        assertThat(countKeys(whole)).isEqualTo(owned);
    }

    @Test
    void rescalingLeavesNoDownloadedSnapshotInTheWorkingDirectory() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restore(KeyGroups.rangeOf(0, MAX_PARALLELISM, 1),
                take(2, Taken.CHECKPOINT));

        try (var entries = Files.list(restored.workingDirectory())) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(RocksDbRestore.RESCALE_DIRECTORY_PREFIX));
        }
    }

    @Test
    void aStateDeclaredDifferentlyByTwoSubtasksIsRejectedNamingIt() throws IOException {
        RocksDbKeyedStateBackend<String> left = open(KeyGroups.rangeOf(0, MAX_PARALLELISM, 2));
        left.valueState(new ValueStateDescriptor<>("total", LONG));
        RocksDbKeyedStateBackend<String> right = open(KeyGroups.rangeOf(1, MAX_PARALLELISM, 2));
        right.valueState(new ValueStateDescriptor<>("total", STRING));
        List<KeyedStateHandle> handles = List.of(left.snapshot(1).upload(storage), right.snapshot(1).upload(storage));
        Path directory = tempDir.resolve("local/mixed");

        assertThatThrownBy(() -> RocksDbKeyedStateBackend.restore(resources, directory, STRING, MAX_PARALLELISM,
                KeyGroups.rangeOf(0, MAX_PARALLELISM, 1), RocksDbCheckpointOptions.incremental(2), handles, storage,
                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'total'");
        assertThat(directory).doesNotExist();
    }

    @Test
    void aCanonicalSavepointOfAnotherMaxParallelismIsRejected() throws IOException {
        List<KeyedStateHandle> handles = take(1, Taken.CANONICAL_SAVEPOINT);

        assertThatThrownBy(() -> RocksDbKeyedStateBackend.restore(resources, tempDir.resolve("local/other"), STRING,
                256, new KeyGroupRange(0, 255), RocksDbCheckpointOptions.incremental(2), handles, storage, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max parallelism 128");
    }
}
