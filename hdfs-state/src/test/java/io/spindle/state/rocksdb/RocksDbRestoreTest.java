package io.spindle.state.rocksdb;

import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.KeyedTimers;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.STRING;
import static io.spindle.state.rocksdb.AllKindsOfState.ATTRIBUTES;
import static io.spindle.state.rocksdb.AllKindsOfState.COUNT;
import static io.spindle.state.rocksdb.AllKindsOfState.EVENTS;
import static io.spindle.state.rocksdb.AllKindsOfState.SUM;
import static io.spindle.state.rocksdb.AllKindsOfState.TIMERS;
import static io.spindle.state.rocksdb.AllKindsOfState.WINDOW_SUMS;
import static io.spindle.state.rocksdb.AllKindsOfState.assertAllKinds;
import static io.spindle.state.rocksdb.AllKindsOfState.assertTimers;
import static io.spindle.state.rocksdb.AllKindsOfState.writeAllKinds;
import static io.spindle.state.rocksdb.CheckpointTesting.checkpoint;
import static io.spindle.state.rocksdb.CheckpointTesting.intersection;
import static io.spindle.state.rocksdb.CheckpointTesting.paths;
import static io.spindle.state.rocksdb.CheckpointTesting.sharedPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbRestoreTest {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final int KEYS = 5_000;

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RocksDbResources resources;
    private TestingSnapshotFiles storage;
    private int backends;

    @BeforeEach
    void setUp() throws IOException {
        resources = new RocksDbResources(16L << 20);
        toClose.add(resources);
        storage = new TestingSnapshotFiles(HadoopSnapshotFiles.forDirectory(CheckpointTesting
                .createCheckpointDirectories(tempDir.resolve("checkpoints/job-1")).toUri().toString(),
                new Configuration()));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbKeyedStateBackend<String> open(RocksDbCheckpointOptions options) {
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                tempDir.resolve("local/backend-" + backends++), STRING, MAX_PARALLELISM, ALL, options);
        toClose.add(backend);
        return backend;
    }

    private RocksDbKeyedStateBackend<String> restore(NativeKeyedState handle, RocksDbCheckpointOptions options) {
        return restore(handle, options, true);
    }

    private RocksDbKeyedStateBackend<String> restore(NativeKeyedState handle, RocksDbCheckpointOptions options,
                                                     boolean reuseUploadedFiles) {
        // Another worker: its own memory, its own local directory.
        RocksDbResources otherWorker = new RocksDbResources(8L << 20);
        toClose.add(otherWorker);
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.restore(otherWorker,
                tempDir.resolve("elsewhere/backend-" + backends++), STRING, MAX_PARALLELISM, ALL, options,
                List.of(handle), storage, reuseUploadedFiles);
        toClose.add(backend);
        return backend;
    }

    /** A backend restored from a checkpoint of every kind of state of ten keys. */
    private RocksDbKeyedStateBackend<String> restoreTenKeys() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, 10);
        return restore(checkpoint(original, 1, storage), RocksDbCheckpointOptions.incremental(4));
    }

    @Test
    void everyKindOfStateReadsBackAfterRestoringElsewhere() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 1, storage);
        original.close();

        RocksDbKeyedStateBackend<String> restored = restore(handle, RocksDbCheckpointOptions.incremental(4));

        assertAllKinds(restored, 0, KEYS);
        assertTimers(restored, 0, KEYS);
        restored.setCurrentKey("key-" + KEYS);
        assertThat(restored.valueState(COUNT).value()).isNull();
    }

    @Test
    void timersPollInOrderAfterARestoreWithCachesFilledAnew() throws IOException {
        int timersOfA = 3 * TimerKeyCache.BOUND;
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        KeyedTimers<String, String> timers = original.timers(TIMERS, STRING);
        original.setCurrentKey("b");
        timers.register("w", timersOfA + 1);
        original.setCurrentKey("a");
        for (long time = 1; time <= timersOfA; time++) {
            timers.register("w", time);
        }
        for (long time = 1; time <= TimerKeyCache.BOUND + 5; time++) {
            assertThat(timers.pollDue(Long.MAX_VALUE).time()).isEqualTo(time);
        }

        RocksDbKeyedStateBackend<String> restored =
                restore(checkpoint(original, 1, storage), RocksDbCheckpointOptions.incremental(4));
        KeyedTimers<String, String> restoredTimers = restored.timers(TIMERS, STRING);

        assertThat(restoredTimers.nextTime()).isEqualTo(TimerKeyCache.BOUND + 6);
        restored.setCurrentKey("a");
        restoredTimers.register("v", 3);
        assertThat(restoredTimers.nextTime()).isEqualTo(3);
        assertThat(restoredTimers.pollDue(Long.MAX_VALUE)).isEqualTo(new KeyedTimers.Timer<>(3L, "a", "v"));
        for (long time = TimerKeyCache.BOUND + 6; time <= timersOfA; time++) {
            assertThat(restoredTimers.pollDue(Long.MAX_VALUE)).isEqualTo(new KeyedTimers.Timer<>(time, "a", "w"));
        }
        assertThat(restoredTimers.pollDue(Long.MAX_VALUE))
                .isEqualTo(new KeyedTimers.Timer<>(timersOfA + 1L, "b", "w"));
        assertThat(restored.currentKey()).isEqualTo("b");
        assertThat(restoredTimers.pollDue(Long.MAX_VALUE)).isNull();
        assertThat(restoredTimers.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFullCheckpointRestoresToo() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.full(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 1, storage);

        RocksDbKeyedStateBackend<String> restored = restore(handle, RocksDbCheckpointOptions.full(4));

        assertAllKinds(restored, 0, KEYS);
    }

    @Test
    void restoreDownloadsEveryFileOfTheHandle() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 1, storage);

        RocksDbKeyedStateBackend<String> restored = restore(handle, RocksDbCheckpointOptions.incremental(4));

        List<StateFile> all = new ArrayList<>(handle.sharedFiles().values());
        all.addAll(handle.privateFiles().values());
        assertThat(storage.downloaded).containsExactlyInAnyOrderElementsOf(all);
        assertThat(restored.workingDirectory()).isDirectory();
    }

    @Test
    void theFirstCheckpointAfterARestoreReusesTheRestoredSstFiles() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 7, storage);
        RocksDbKeyedStateBackend<String> restored = restore(handle, RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(restored, KEYS, KEYS + 500);

        NativeKeyedState next = checkpoint(restored, 8, storage);

        assertThat(next.sharedFiles()).containsAllEntriesOf(handle.sharedFiles());
        assertThat(next.incrementalBytes()).isLessThan(next.fullBytes());
    }

    @Test
    void aRestoreFromElsewhereUploadsEverySstFileAgainAtItsFirstCheckpoint() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 7, storage);
        RocksDbKeyedStateBackend<String> restored = restore(handle, RocksDbCheckpointOptions.incremental(4), false);

        NativeKeyedState next = checkpoint(restored, 8, storage);

        assertThat(next.sharedFiles().values()).doesNotContainAnyElementsOf(handle.sharedFiles().values());
        assertThat(next.incrementalBytes()).isEqualTo(next.fullBytes());
    }

    @Test
    void stateWrittenAfterARestoreSurvivesTheNextCheckpointAndRestore() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        RocksDbKeyedStateBackend<String> restored =
                restore(checkpoint(original, 1, storage), RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(restored, KEYS, 2 * KEYS);
        NativeKeyedState second = checkpoint(restored, 2, storage);

        RocksDbKeyedStateBackend<String> restoredAgain = restore(second, RocksDbCheckpointOptions.incremental(4));

        assertAllKinds(restoredAgain, 0, 2 * KEYS);
        assertTimers(restoredAgain, 0, 2 * KEYS);
    }

    @Test
    void aStateNotDeclaredAgainAfterARestoreIsKeptInTheNextCheckpoint() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        RocksDbKeyedStateBackend<String> restored =
                restore(checkpoint(original, 1, storage), RocksDbCheckpointOptions.incremental(4));
        ValueState<Long> count = restored.valueState(COUNT);
        restored.setCurrentKey("key-1");
        count.update(100L);
        NativeKeyedState second = checkpoint(restored, 2, storage);

        RocksDbKeyedStateBackend<String> restoredAgain = restore(second, RocksDbCheckpointOptions.incremental(4));

        restoredAgain.setCurrentKey("key-1");
        assertThat(restoredAgain.valueState(COUNT).value()).isEqualTo(100L);
        assertThat(restoredAgain.listState(EVENTS).get()).containsExactly("created-1", "seen-1");
        assertThat(restoredAgain.reducingState(SUM).get()).isEqualTo(2L);
    }

    @Test
    void aRestoredStateDeclaredAsAnotherKindIsRejected() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restoreTenKeys();

        assertThatThrownBy(() -> restored.listState(new ListStateDescriptor<>("count", LONG)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count")
                .hasMessageContaining("value state");
    }

    @Test
    void aRestoredStateDeclaredWithAnotherCodecIsRejected() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restoreTenKeys();

        assertThatThrownBy(() -> restored.valueState(new ValueStateDescriptor<>("count", STRING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'long'")
                .hasMessageContaining("'string'");
    }

    @Test
    void aRestoredNamespacedStateDeclaredWithAnotherNamespaceCodecIsRejectedNamingIt() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restoreTenKeys();

        assertThatThrownBy(() -> restored.namespacedValueState(WINDOW_SUMS, STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'window-sums'")
                .hasMessageContaining("namespace codec 'long'")
                .hasMessageContaining("namespace codec 'string'");
    }

    @Test
    void restoredTimersDeclaredWithAnotherNamespaceCodecAreRejectedNamingThem() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restoreTenKeys();

        assertThatThrownBy(() -> restored.timers(TIMERS, LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state '" + TIMERS + "'")
                .hasMessageContaining("timers with namespace codec 'string'");
    }

    @Test
    void aRestoredPlainStateDeclaredWithANamespaceIsRejected() throws IOException {
        RocksDbKeyedStateBackend<String> restored = restoreTenKeys();

        assertThatThrownBy(() -> restored.namespacedValueState(COUNT, LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'count'");
    }

    @Test
    void forEachValueOfARestoredStateVisitsEveryRestoredKey() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        RocksDbKeyedStateBackend<String> restored =
                restore(checkpoint(original, 1, storage), RocksDbCheckpointOptions.incremental(4));
        Map<String, Long> visited = new HashMap<>();

        restored.forEachValue(COUNT, visited::put);

        assertThat(visited).hasSize(KEYS).containsEntry("key-42", 42L);
    }

    @Test
    void theFilesOfARestoredFullCheckpointAreNeverReused() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.full(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState full = checkpoint(original, 1, storage);
        RocksDbKeyedStateBackend<String> restored = restore(full, RocksDbCheckpointOptions.incremental(4));

        NativeKeyedState next = checkpoint(restored, 2, storage);

        // chk-1/ goes when checkpoint 1 is subsumed: nothing in it may be referenced by checkpoint 2.
        assertThat(intersection(sharedPaths(next), paths(full.privateFiles().values()))).isEmpty();
        assertThat(next.incrementalBytes()).isEqualTo(next.fullBytes());
    }

    @Test
    void aFailedDownloadFailsTheRestoreWithItsCauseAndLeavesNoWorkingDirectory() throws IOException {
        RocksDbKeyedStateBackend<String> original = open(RocksDbCheckpointOptions.incremental(4));
        writeAllKinds(original, 0, KEYS);
        NativeKeyedState handle = checkpoint(original, 1, storage);
        StateFile sst = handle.sharedFiles().values().iterator().next();
        Path stored = tempDir.resolve("checkpoints/job-1").resolve(sst.path());
        Files.write(stored, new byte[] {1, 2, 3});
        Path directory = tempDir.resolve("elsewhere/broken");

        assertThatThrownBy(() -> RocksDbKeyedStateBackend.restore(resources, directory, STRING, MAX_PARALLELISM, ALL,
                RocksDbCheckpointOptions.incremental(4), List.of(handle), storage, true))
                .isInstanceOf(StateException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("truncated or replaced");
        assertThat(directory).doesNotExist();
    }
}
