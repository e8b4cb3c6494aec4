package io.spindle.state.rocksdb;

import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static io.spindle.state.TestCodecs.STRING;
import static io.spindle.state.rocksdb.CheckpointTesting.allPaths;
import static io.spindle.state.rocksdb.CheckpointTesting.checkpoint;
import static io.spindle.state.rocksdb.CheckpointTesting.filesUnder;
import static io.spindle.state.rocksdb.CheckpointTesting.intersection;
import static io.spindle.state.rocksdb.CheckpointTesting.paths;
import static io.spindle.state.rocksdb.CheckpointTesting.sharedPaths;
import static io.spindle.state.rocksdb.CheckpointTesting.snapshotDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbSnapshotTest {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final ValueStateDescriptor<String> TEXT = new ValueStateDescriptor<>("text", STRING);

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RocksDbResources resources;
    private Path jobDirectory;
    private HadoopSnapshotFiles storage;

    @BeforeEach
    void setUp() throws IOException {
        resources = new RocksDbResources(16L << 20);
        toClose.add(resources);
        jobDirectory = CheckpointTesting.createCheckpointDirectories(tempDir.resolve("checkpoints/job-1"));
        storage = HadoopSnapshotFiles.forDirectory(jobDirectory.toUri().toString(), new Configuration());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbKeyedStateBackend<String> open(String name, RocksDbCheckpointOptions options) {
        return open(name, ALL, options);
    }

    private RocksDbKeyedStateBackend<String> open(String name, KeyGroupRange range, RocksDbCheckpointOptions options) {
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                tempDir.resolve("local").resolve(name), STRING, MAX_PARALLELISM, range, options);
        toClose.add(backend);
        return backend;
    }

    /** Writes keys {@code from} until {@code to} (exclusive) that fall into the backend's key groups. */
    private static void write(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        ValueState<String> text = backend.valueState(TEXT);
        for (int i = from; i < to; i++) {
            String key = "key-" + i;
            if (backend.keyGroupRange().contains(KeyGroups.keyGroupOf(
                    io.spindle.state.TestCodecs.encode(STRING, key), MAX_PARALLELISM))) {
                backend.setCurrentKey(key);
                text.update("value-" + i + "-" + "x".repeat(100));
            }
        }
    }

    private static RocksDbCheckpointOptions incremental() {
        return RocksDbCheckpointOptions.incremental(4);
    }

    @Test
    void anIncrementalCheckpointPutsSstFilesUnderSharedAndTheOtherFilesUnderItsOwnDirectory() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);

        NativeKeyedState handle = checkpoint(backend, 1, storage);

        assertThat(handle.keyGroupRange()).isEqualTo(ALL);
        assertThat(handle.sharedFiles()).isNotEmpty().allSatisfy((name, file) -> {
            assertThat(name).endsWith(".sst");
            assertThat(file.path()).startsWith("shared/").endsWith("-" + name);
        });
        assertThat(handle.privateFiles()).containsKeys("CURRENT").allSatisfy((name, file) -> {
            assertThat(name).doesNotEndWith(".sst");
            assertThat(file.path()).startsWith("chk-1/").endsWith("-" + name);
        });
        assertThat(handle.privateFiles().keySet()).anyMatch(name -> name.startsWith("MANIFEST-"));
        assertThat(handle.incrementalBytes()).isEqualTo(handle.fullBytes());
        assertThat(filesUnder(jobDirectory)).isEqualTo(allPaths(handle));
    }

    @Test
    void uploadedFilesHaveTheSizeOfTheirLocalFiles() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        RocksDbSnapshot snapshot = backend.snapshot(1);
        Map<String, Long> localSizes = Map.copyOf(snapshot.localFiles());

        NativeKeyedState handle = snapshot.upload(storage);

        Map<String, StateFile> all = new java.util.HashMap<>(handle.sharedFiles());
        all.putAll(handle.privateFiles());
        assertThat(all.keySet()).isEqualTo(localSizes.keySet());
        all.forEach((name, file) -> {
            assertThat(file.size()).isEqualTo(localSizes.get(name));
            assertThat(jobDirectory.resolve(file.path())).hasSize(localSizes.get(name));
        });
    }

    @Test
    void aCheckpointAfterAConfirmedOneUploadsOnlyItsNewSstFilesAndReusesThePathsOfTheOthers() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        backend.notifyCheckpointComplete(1);
        write(backend, 10_000, 12_000);

        NativeKeyedState second = checkpoint(backend, 2, storage);

        assertThat(second.incrementalBytes()).isLessThan(second.fullBytes());
        // Every SST file of the first checkpoint is still live (no compaction yet): reused with the same path.
        assertThat(second.sharedFiles()).containsAllEntriesOf(first.sharedFiles());
        Set<String> newPaths = new HashSet<>(sharedPaths(second));
        newPaths.removeAll(sharedPaths(first));
        assertThat(newPaths).isNotEmpty();
        long newSharedBytes = second.sharedFiles().values().stream().filter(file -> newPaths.contains(file.path()))
                .mapToLong(StateFile::size).sum();
        long privateBytes = second.privateFiles().values().stream().mapToLong(StateFile::size).sum();
        assertThat(second.incrementalBytes()).isEqualTo(newSharedBytes + privateBytes);
    }

    @Test
    void aSnapshotTakenWhileAConcurrentOneUploadsTheSameFilesAgainDoesNotReuseTheBasesCopies() throws IOException {
        // max-concurrent-checkpoints 2: checkpoint 2 is taken before 1 is confirmed, so it uploads 1's files anew;
        // once 2 completes, subsuming 1 deletes 1's copies, which checkpoint 3 must therefore not reference
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        RocksDbSnapshot second = backend.snapshot(2);
        backend.notifyCheckpointComplete(1);

        NativeKeyedState third = checkpoint(backend, 3, storage);
        NativeKeyedState secondUploaded = second.upload(storage);

        Set<String> onlyFirst = new HashSet<>(sharedPaths(first));
        onlyFirst.removeAll(sharedPaths(secondUploaded));
        assertThat(onlyFirst).isNotEmpty();
        assertThat(intersection(sharedPaths(third), onlyFirst)).isEmpty();
    }

    @Test
    void aCheckpointThatIsNotConfirmedIsNotReused() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        write(backend, 10_000, 12_000);

        NativeKeyedState second = checkpoint(backend, 2, storage);

        assertThat(intersection(sharedPaths(first), sharedPaths(second))).isEmpty();
        assertThat(second.incrementalBytes()).isEqualTo(second.fullBytes());
    }

    @Test
    void anAbortedCheckpointIsNotReusedAndTheConfirmedOneStaysTheBase() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        backend.notifyCheckpointComplete(1);
        write(backend, 10_000, 12_000);
        NativeKeyedState aborted = checkpoint(backend, 2, storage);
        backend.notifyCheckpointAborted(2);
        write(backend, 12_000, 14_000);

        NativeKeyedState third = checkpoint(backend, 3, storage);

        Set<String> onlyInAborted = new HashSet<>(sharedPaths(aborted));
        onlyInAborted.removeAll(sharedPaths(first));
        assertThat(onlyInAborted).isNotEmpty();
        assertThat(intersection(sharedPaths(third), onlyInAborted)).isEmpty();
        assertThat(third.sharedFiles()).containsAllEntriesOf(first.sharedFiles());
    }

    @Test
    void theBaseMovesToTheNewestConfirmedCheckpoint() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        checkpoint(backend, 1, storage);
        backend.notifyCheckpointComplete(1);
        write(backend, 10_000, 12_000);
        NativeKeyedState second = checkpoint(backend, 2, storage);
        backend.notifyCheckpointComplete(2);
        write(backend, 12_000, 14_000);

        NativeKeyedState third = checkpoint(backend, 3, storage);

        assertThat(backend.lastConfirmedCheckpointId()).isEqualTo(2);
        assertThat(third.sharedFiles()).containsAllEntriesOf(second.sharedFiles());
        assertThat(third.incrementalBytes()).isLessThan(third.fullBytes());
    }

    @Test
    void fullCheckpointsUploadEveryFileEveryTimeAndShareNothing() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", RocksDbCheckpointOptions.full(4));
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        backend.notifyCheckpointComplete(1);
        write(backend, 10_000, 12_000);

        NativeKeyedState second = checkpoint(backend, 2, storage);

        for (NativeKeyedState handle : List.of(first, second)) {
            assertThat(handle.sharedFiles()).isEmpty();
            assertThat(handle.incrementalBytes()).isEqualTo(handle.fullBytes());
        }
        assertThat(second.privateFiles().keySet()).anyMatch(name -> name.endsWith(".sst"));
        assertThat(paths(second.privateFiles().values())).allMatch(path -> path.startsWith("chk-2/"));
        assertThat(intersection(allPaths(first), allPaths(second))).isEmpty();
        assertThat(second.privateFiles().keySet()).containsAll(
                first.privateFiles().keySet().stream().filter(name -> name.endsWith(".sst")).toList());
    }

    @Test
    void theLocalSnapshotDirectoryIsGoneAfterASuccessfulUpload() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 1_000);
        RocksDbSnapshot snapshot = backend.snapshot(1);
        assertThat(snapshot.localDirectory()).isDirectory();

        snapshot.upload(storage);

        assertThat(snapshot.localDirectory()).doesNotExist();
        assertThat(snapshotDirectories(backend.workingDirectory())).isEmpty();
    }

    @Test
    void aFailedUploadFailsWithItsCauseAndLeavesNoLocalSnapshotDirectory() {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        IOException injected = new IOException("injected: disk quota exceeded");
        TestingSnapshotFiles files = new TestingSnapshotFiles(storage).failUpload(2, injected);
        RocksDbSnapshot snapshot = backend.snapshot(1);

        assertThatThrownBy(() -> snapshot.upload(files))
                .isInstanceOf(IOException.class)
                .hasCause(injected)
                .hasMessageContaining("checkpoint 1")
                .hasMessageContaining("disk quota exceeded");
        assertThat(snapshot.localDirectory()).doesNotExist();
        assertThat(snapshotDirectories(backend.workingDirectory())).isEmpty();
    }

    @Test
    void aFailedUploadDeletesTheFilesItUploaded() {
        RocksDbKeyedStateBackend<String> backend = open("backend", RocksDbCheckpointOptions.incremental(1));
        write(backend, 0, 10_000);
        TestingSnapshotFiles files = new TestingSnapshotFiles(storage).failUpload(3, new IOException("injected"));
        RocksDbSnapshot snapshot = backend.snapshot(1);

        assertThatThrownBy(() -> snapshot.upload(files)).isInstanceOf(IOException.class);

        assertThat(files.uploaded).hasSize(2);
        assertThat(files.deleted).containsExactlyInAnyOrderElementsOf(files.uploaded);
        assertThat(filesUnder(jobDirectory)).isEmpty();
    }

    @Test
    void aFailedUploadNeverDeletesTheFilesItReused() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 10_000);
        NativeKeyedState first = checkpoint(backend, 1, storage);
        backend.notifyCheckpointComplete(1);
        write(backend, 10_000, 12_000);
        TestingSnapshotFiles files = new TestingSnapshotFiles(storage).failUpload(2, new IOException("injected"));
        RocksDbSnapshot snapshot = backend.snapshot(2);

        assertThatThrownBy(() -> snapshot.upload(files)).isInstanceOf(IOException.class);

        assertThat(filesUnder(jobDirectory)).isEqualTo(allPaths(first));
    }

    @Test
    void uploadsOfTwoSubtasksIntoTheSameSharedDirectoryNeverCollide() throws Exception {
        RocksDbKeyedStateBackend<String> left = open("left", new KeyGroupRange(0, 63), incremental());
        RocksDbKeyedStateBackend<String> right = open("right", new KeyGroupRange(64, 127), incremental());
        write(left, 0, 10_000);
        write(right, 0, 10_000);
        RocksDbSnapshot leftSnapshot = left.snapshot(1);
        RocksDbSnapshot rightSnapshot = right.snapshot(1);
        // Same RocksDB file numbers in both instances: the local names clash, the uploaded ones must not.
        assertThat(intersection(leftSnapshot.localFiles().keySet(), rightSnapshot.localFiles().keySet()))
                .contains("CURRENT").anyMatch(name -> name.endsWith(".sst"));

        Future<NativeKeyedState> leftUpload = uploadInBackground(leftSnapshot, storage);
        Future<NativeKeyedState> rightUpload = uploadInBackground(rightSnapshot, storage);
        NativeKeyedState leftHandle = leftUpload.get(60, TimeUnit.SECONDS);
        NativeKeyedState rightHandle = rightUpload.get(60, TimeUnit.SECONDS);

        assertThat(intersection(allPaths(leftHandle), allPaths(rightHandle))).isEmpty();
        Set<String> expected = new HashSet<>(allPaths(leftHandle));
        expected.addAll(allPaths(rightHandle));
        assertThat(filesUnder(jobDirectory)).isEqualTo(expected);
    }

    @Test
    void closingTheBackendDuringAnUploadCancelsItAndLeavesNoFilesAnywhere() throws Exception {
        RocksDbKeyedStateBackend<String> backend = open("backend", RocksDbCheckpointOptions.incremental(2));
        write(backend, 0, 10_000);
        TestingSnapshotFiles files = new TestingSnapshotFiles(storage);
        CountDownLatch held = files.holdUploads(1, 2);
        RocksDbSnapshot snapshot = backend.snapshot(1);
        Future<NativeKeyedState> upload = uploadInBackground(snapshot, files);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        backend.close();

        assertThatThrownBy(() -> upload.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThat(files.uploaded).hasSize(1);
        assertThat(backend.workingDirectory()).doesNotExist();
        assertThat(filesUnder(jobDirectory)).isEmpty();
    }

    @Test
    void abortingACheckpointCancelsItsUploadWhichDeletesWhatItUploaded() throws Exception {
        RocksDbKeyedStateBackend<String> backend = open("backend", RocksDbCheckpointOptions.incremental(1));
        write(backend, 0, 10_000);
        TestingSnapshotFiles files = new TestingSnapshotFiles(storage);
        // One transfer thread: the first upload passes, the second waits; one file is stored when the abort comes.
        CountDownLatch held = files.holdUploads(1, 1);
        RocksDbSnapshot snapshot = backend.snapshot(1);
        Future<NativeKeyedState> upload = uploadInBackground(snapshot, files);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        backend.notifyCheckpointAborted(1);

        assertThatThrownBy(() -> upload.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        assertThat(files.uploaded).hasSize(1);
        assertThat(files.deleted).containsExactlyElementsOf(files.uploaded);
        assertThat(filesUnder(jobDirectory)).isEmpty();
        assertThat(snapshotDirectories(backend.workingDirectory())).isEmpty();
    }

    @Test
    void aSnapshotDiscardedBeforeItsUploadLeavesNoLocalFilesAndCannotBeUploaded() {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 1_000);
        RocksDbSnapshot snapshot = backend.snapshot(1);

        snapshot.discard();

        assertThat(snapshotDirectories(backend.workingDirectory())).isEmpty();
        assertThatThrownBy(() -> snapshot.upload(storage)).isInstanceOf(CancellationException.class);
        assertThat(filesUnder(jobDirectory)).isEmpty();
    }

    @Test
    void aSnapshotIsUploadedOnlyOnce() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        write(backend, 0, 1_000);
        RocksDbSnapshot snapshot = backend.snapshot(1);
        snapshot.upload(storage);

        assertThatThrownBy(() -> snapshot.upload(storage)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSnapshotAfterCloseIsAnIllegalStateException() {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        backend.close();

        assertThatThrownBy(() -> backend.snapshot(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotAndUploadOfSomeMebibytesAreTimed() throws IOException {
        RocksDbKeyedStateBackend<String> backend = open("backend", incremental());
        ValueState<String> text = backend.valueState(TEXT);
        java.util.Random random = new java.util.Random(42);
        byte[] noise = new byte[600];
        int keys = 100_000;
        for (int i = 0; i < keys; i++) {
            random.nextBytes(noise);
            backend.setCurrentKey("key-" + i);
            // Incompressible values: about 60 MB of SST files.
            text.update(java.util.HexFormat.of().formatHex(noise, 0, 300));
        }
        long syncStart = System.nanoTime();
        RocksDbSnapshot first = backend.snapshot(1);
        long syncNanos = System.nanoTime() - syncStart;
        long uploadStart = System.nanoTime();
        NativeKeyedState firstHandle = first.upload(storage);
        long uploadNanos = System.nanoTime() - uploadStart;
        backend.notifyCheckpointComplete(1);
        for (int i = 0; i < keys / 20; i++) {
            backend.setCurrentKey("key-" + i);
            text.update("changed-" + i);
        }
        long secondSyncStart = System.nanoTime();
        RocksDbSnapshot second = backend.snapshot(2);
        long secondSyncNanos = System.nanoTime() - secondSyncStart;
        long secondUploadStart = System.nanoTime();
        NativeKeyedState secondHandle = second.upload(storage);
        long secondUploadNanos = System.nanoTime() - secondUploadStart;

        long restoreStart = System.nanoTime();
        RocksDbKeyedStateBackend<String> restored = RocksDbKeyedStateBackend.restore(resources,
                tempDir.resolve("local/restored"), STRING, MAX_PARALLELISM, ALL, incremental(), List.of(secondHandle),
                storage, true);
        toClose.add(restored);
        long restoreNanos = System.nanoTime() - restoreStart;

        assertThat(firstHandle.fullBytes()).isGreaterThan(20L << 20);
        restored.setCurrentKey("key-7");
        assertThat(restored.valueState(TEXT).value()).isEqualTo("changed-7");
        System.out.printf("RocksDB checkpoint 1 (full state): sync %.1f ms, upload %.1f MiB in %.1f ms (%.0f MiB/s, "
                        + "%d files, 4 threads, file://)%n", syncNanos / 1e6,
                firstHandle.incrementalBytes() / 1048576.0,
                uploadNanos / 1e6, firstHandle.incrementalBytes() / 1048576.0 / (uploadNanos / 1e9),
                firstHandle.sharedFiles().size() + firstHandle.privateFiles().size());
        System.out.printf("RocksDB checkpoint 2 (5%% of keys changed): sync %.1f ms, upload %.2f of %.1f MiB in "
                        + "%.1f ms%n", secondSyncNanos / 1e6, secondHandle.incrementalBytes() / 1048576.0,
                secondHandle.fullBytes() / 1048576.0, secondUploadNanos / 1e6);
        System.out.printf("RocksDB restore of checkpoint 2: %.1f MiB downloaded and opened in %.1f ms%n",
                secondHandle.fullBytes() / 1048576.0, restoreNanos / 1e6);
    }

    private static Future<NativeKeyedState> uploadInBackground(RocksDbSnapshot snapshot, SnapshotFiles files) {
        FutureTask<NativeKeyedState> task = new FutureTask<>(() -> snapshot.upload(files));
        Thread thread = new Thread(task, "test-upload-" + snapshot.checkpointId());
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
