package io.spindle.state.rocksdb;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
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
import java.util.Set;

import static io.spindle.state.TestCodecs.STRING;
import static io.spindle.state.rocksdb.AllKindsOfState.assertAllKinds;
import static io.spindle.state.rocksdb.AllKindsOfState.assertTimers;
import static io.spindle.state.rocksdb.AllKindsOfState.writeAllKinds;
import static io.spindle.state.rocksdb.CheckpointTesting.allPaths;
import static io.spindle.state.rocksdb.CheckpointTesting.checkpoint;
import static io.spindle.state.rocksdb.CheckpointTesting.filesUnder;
import static io.spindle.state.rocksdb.CheckpointTesting.intersection;
import static io.spindle.state.rocksdb.CheckpointTesting.paths;
import static io.spindle.state.rocksdb.CheckpointTesting.snapshotDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbSavepointTest {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final int KEYS = 3_000;

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RocksDbResources resources;
    private HadoopSnapshotFiles checkpoints;
    private Path savepointDirectory;
    private HadoopSnapshotFiles savepoint;
    private RocksDbKeyedStateBackend<String> backend;

    @BeforeEach
    void setUp() throws IOException {
        resources = new RocksDbResources(16L << 20);
        toClose.add(resources);
        checkpoints = HadoopSnapshotFiles.forDirectory(CheckpointTesting.createCheckpointDirectories(
                tempDir.resolve("checkpoints/job-1")).toUri().toString(), new Configuration());
        savepointDirectory = Files.createDirectories(tempDir.resolve("savepoints/savepoint-job-1-000000000001"));
        savepoint = HadoopSnapshotFiles.forDirectory(savepointDirectory.toUri().toString(), new Configuration());
        backend = RocksDbKeyedStateBackend.open(resources, tempDir.resolve("local/backend"), STRING,
                MAX_PARALLELISM, ALL, RocksDbCheckpointOptions.incremental(4));
        toClose.add(backend);
        writeAllKinds(backend, 0, KEYS);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbKeyedStateBackend<String> restore(KeyedStateHandle handle) {
        RocksDbKeyedStateBackend<String> restored = RocksDbKeyedStateBackend.restore(resources,
                tempDir.resolve("local/restored-" + toClose.size()), STRING, MAX_PARALLELISM, ALL,
                RocksDbCheckpointOptions.incremental(4), List.of(handle), savepoint, false);
        toClose.add(restored);
        return restored;
    }

    @Test
    void aNativeSavepointUploadsEverySnapshotFileFlatIntoTheSavepointAndSharesNothing() throws IOException {
        RocksDbSnapshot snapshot = backend.snapshot(1);
        Set<String> localFiles = snapshot.localFiles().keySet();

        NativeKeyedState handle = (NativeKeyedState) snapshot.uploadSavepoint(savepoint, SavepointFormat.NATIVE);

        assertThat(handle.sharedFiles()).isEmpty();
        assertThat(handle.privateFiles().keySet()).isEqualTo(localFiles);
        assertThat(allPaths(handle)).allMatch(path -> !path.contains("/"));
        assertThat(filesUnder(savepointDirectory)).isEqualTo(allPaths(handle));
        assertThat(handle.incrementalBytes()).isEqualTo(handle.fullBytes());
    }

    @Test
    void aNativeSavepointReusesNoFileOfTheLastCheckpoint() throws IOException {
        NativeKeyedState first = checkpoint(backend, 1, checkpoints);
        backend.notifyCheckpointComplete(1);

        NativeKeyedState handle = (NativeKeyedState) backend.snapshot(2).uploadSavepoint(savepoint,
                SavepointFormat.NATIVE);

        assertThat(intersection(allPaths(handle), allPaths(first))).isEmpty();
        assertThat(handle.privateFiles().keySet()).containsAll(first.sharedFiles().keySet());
    }

    @Test
    void confirmingASavepointLeavesTheBaseOfIncrementalCheckpointsUnchanged() throws IOException {
        NativeKeyedState first = checkpoint(backend, 1, checkpoints);
        backend.notifyCheckpointComplete(1);
        backend.snapshot(2).uploadSavepoint(savepoint, SavepointFormat.CANONICAL);

        backend.notifyCheckpointComplete(2);
        NativeKeyedState third = checkpoint(backend, 3, checkpoints);

        assertThat(backend.lastConfirmedCheckpointId()).isEqualTo(1);
        assertThat(third.sharedFiles()).containsAllEntriesOf(first.sharedFiles());
    }

    @Test
    void aCanonicalSavepointIsOneFileFromWhichEveryKindOfStateRestores() throws IOException {
        KeyedStateHandle handle = backend.snapshot(1).uploadSavepoint(savepoint, SavepointFormat.CANONICAL);

        RocksDbKeyedStateBackend<String> restored = restore(handle);

        assertThat(handle).isInstanceOf(CanonicalKeyedState.class);
        assertThat(filesUnder(savepointDirectory)).isEqualTo(paths(handle.files()));
        assertAllKinds(restored, 0, KEYS);
        assertTimers(restored, 0, KEYS);
        assertThat(AllKindsOfState.countKeys(restored)).isEqualTo(KEYS);
    }

    @Test
    void aFlippedByteInACanonicalFileFailsTheRestoreNamingTheFile() throws IOException {
        KeyedStateHandle handle = backend.snapshot(1).uploadSavepoint(savepoint, SavepointFormat.CANONICAL);
        Path file = savepointDirectory.resolve(handle.files().get(0).path());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(file, bytes);

        assertThatThrownBy(() -> restore(handle))
                .isInstanceOf(StateException.class)
                .hasMessageContaining(handle.files().get(0).path() + " is corrupted");
    }

    @Test
    void aNativeSavepointRestoresEveryKindOfState() throws IOException {
        KeyedStateHandle handle = backend.snapshot(1).uploadSavepoint(savepoint, SavepointFormat.NATIVE);
        RocksDbKeyedStateBackend<String> restored = restore(handle);

        assertAllKinds(restored, 0, KEYS);
        assertTimers(restored, 0, KEYS);
    }

    @Test
    void aFailedCanonicalSavepointLeavesNoFileInTheSavepointAndNoLocalSnapshot() {
        TestingSnapshotFiles failing = new TestingSnapshotFiles(savepoint).failUpload(1, new IOException("disk full"));
        RocksDbSnapshot snapshot = backend.snapshot(1);

        assertThatThrownBy(() -> snapshot.uploadSavepoint(failing, SavepointFormat.CANONICAL))
                .isInstanceOf(IOException.class).hasMessageContaining("canonical savepoint 1")
                .hasMessageContaining("disk full");
        assertThat(filesUnder(savepointDirectory)).isEmpty();
        assertThat(snapshotDirectories(backend.workingDirectory())).isEmpty();
    }

    @Test
    void aSnapshotIsUploadedOnceEitherAsCheckpointOrAsSavepoint() throws IOException {
        RocksDbSnapshot snapshot = backend.snapshot(1);
        snapshot.uploadSavepoint(savepoint, SavepointFormat.NATIVE);

        assertThatThrownBy(() -> snapshot.upload(checkpoints)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedSavepointUploadOfACheckpointsSnapshotLeavesItsConfirmationEffective() throws IOException {
        RocksDbSnapshot snapshot = backend.snapshot(1);
        snapshot.upload(checkpoints);
        assertThatThrownBy(() -> snapshot.uploadSavepoint(savepoint, SavepointFormat.NATIVE))
                .isInstanceOf(IllegalStateException.class);

        backend.notifyCheckpointComplete(1);

        assertThat(backend.lastConfirmedCheckpointId()).isEqualTo(1);
    }
}
