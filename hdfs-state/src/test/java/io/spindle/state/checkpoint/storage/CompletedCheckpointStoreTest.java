package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.StateFile;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention rules and failure handling of {@link CompletedCheckpointStore}, on file://. */
class CompletedCheckpointStoreTest {

    private static final String JOB = "5f1e0c9a2b3d4e6f7a8b9c0d1e2f3a4b";

    @TempDir
    Path tempDir;

    @AfterEach
    void healTheFileSystem() {
        FaultyLocalFileSystem.failDeletesOf = null;
    }

    private CheckpointStorage storage(Configuration configuration) throws IOException {
        return new CheckpointStorage(tempDir.resolve("checkpoints").toUri().toString(), JOB, configuration);
    }

    private Path jobDir() {
        return tempDir.resolve("checkpoints").resolve(JOB);
    }

    private Set<String> sharedFilesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(jobDir().resolve("shared"))) {
            return files.map(p -> "shared/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private Set<String> checkpointDirectoriesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(jobDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chk-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> sharedPaths(CompletedCheckpoint checkpoint) {
        return SharedStateRegistry.sharedFiles(checkpoint.metadata()).stream().map(StateFile::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private CompletedCheckpoint savepoint(long id) throws IOException {
        Path directory = Files.createDirectories(tempDir.resolve("savepoints").resolve("savepoint-5f1e0c-" + id));
        CheckpointMetadata metadata = new CheckpointMetadata(JOB, JOB, id, 0, null, List.of());
        Files.write(directory.resolve("_metadata"), MetadataSerializer.serialize(metadata));
        return CheckpointStorage.load(directory.toUri().toString(), new Configuration());
    }

    @Test
    void byDefaultOnlyTheLatestCheckpointIsRetained() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage,
                CompletedCheckpointStore.DEFAULT_NUM_RETAINED);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 1);
        CompletedCheckpoint last = null;
        for (int i = 0; i < 5; i++) {
            last = job.checkpoint(store);
        }

        assertThat(store.retained()).containsExactly(last);
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-5");
        assertThat(sharedFilesOnDisk()).isEqualTo(sharedPaths(last));
    }

    @Test
    void aLoadedSavepointIsMarkedAsSuchAndResolvesFilesAgainstItsOwnDirectory() throws IOException {
        CompletedCheckpoint savepoint = savepoint(3);

        assertThat(savepoint.savepoint()).isTrue();
        assertThat(savepoint.resolve(new StateFile("abc-000001.sst", 1, 0x5EED)))
                .isEqualTo(savepoint.directory() + "/abc-000001.sst");
    }

    @Test
    void aSavepointCountsTowardTheLimitButIsNeverDeleted() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 2);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 2);
        job.checkpoint(store);
        job.checkpoint(store);
        CompletedCheckpoint savepoint = savepoint(3);
        store.add(savepoint);
        job.restoreFrom(store.retained().get(0).metadata(), 4);
        job.checkpoint(store);

        assertThat(store.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(3L, 4L);

        job.checkpoint(store);

        assertThat(store.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(4L, 5L);
        assertThat(Files.exists(tempDir.resolve("savepoints").resolve("savepoint-5f1e0c-3").resolve("_metadata")))
                .isTrue();
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-4", "chk-5");
    }

    @Test
    void theNewestCheckpointThatIsNotASavepointIsAlwaysKept() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 3);
        job.checkpoint(store);

        store.add(savepoint(2));

        assertThat(store.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(1L, 2L);
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-1", "chk-2");
    }

    @Test
    void anAddedSavepointIsRecordedInTheJobDirectoryAndRecoveredAsTheNewestCheckpoint() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        new SimulatedIncrementalJob(storage, 1, 3).checkpoint(store);
        CompletedCheckpoint savepoint = savepoint(2);

        store.add(savepoint);
        CompletedCheckpointStore recovered = CompletedCheckpointStore.recover(storage, 1);

        assertThat(recovered.latest()).hasValueSatisfying(latest -> {
            assertThat(latest.savepoint()).isTrue();
            assertThat(latest.checkpointId()).isEqualTo(2);
            assertThat(latest.directory()).isEqualTo(savepoint.directory());
        });
        assertThat(recovered.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(1L, 2L);
    }

    @Test
    void aSubsumedSavepointLosesItsReferenceButKeepsItsFiles() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 3);
        CompletedCheckpoint first = job.checkpoint(store);
        store.add(savepoint(2));
        job.restoreFrom(first.metadata(), 3);

        job.checkpoint(store);
        job.checkpoint(store);

        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-4");
        assertThat(tempDir.resolve("savepoints").resolve("savepoint-5f1e0c-2").resolve("_metadata")).exists();
    }

    @Test
    void aFailedDirectoryDeletionIsNotThrownAndIsRetriedOnTheNextSubsumption() throws IOException {
        CheckpointStorage storage = storage(FaultyLocalFileSystem.configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 4);
        CompletedCheckpoint first = job.checkpoint(store);
        FaultyLocalFileSystem.failDeletesOf = "chk-1";

        CompletedCheckpoint second = job.checkpoint(store);

        assertThat(store.retained()).containsExactly(second);
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-1", "chk-2");
        assertThat(store.pendingDeletions()).isGreaterThan(1);
        // chk-1/_metadata still references them, so its unused shared files wait too
        assertThat(sharedFilesOnDisk()).containsAll(sharedPaths(first));

        FaultyLocalFileSystem.failDeletesOf = null;
        CompletedCheckpoint third = job.checkpoint(store);

        assertThat(store.pendingDeletions()).isZero();
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-3");
        assertThat(sharedFilesOnDisk()).isEqualTo(sharedPaths(third));
    }

    @Test
    void aFailedSharedFileDeletionIsNotThrownAndIsRetriedOnTheNextSubsumption() throws IOException {
        CheckpointStorage storage = storage(FaultyLocalFileSystem.configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 5);
        for (int i = 0; i < 3; i++) {
            job.checkpoint(store);
        }
        FaultyLocalFileSystem.failDeletesOf = "/shared/";

        CompletedCheckpoint fourth = job.checkpoint(store);

        assertThat(store.pendingDeletions()).isPositive();
        assertThat(sharedFilesOnDisk()).containsAll(sharedPaths(fourth)).hasSizeGreaterThan(sharedPaths(fourth).size());

        FaultyLocalFileSystem.failDeletesOf = null;
        CompletedCheckpoint fifth = job.checkpoint(store);

        assertThat(store.pendingDeletions()).isZero();
        assertThat(sharedFilesOnDisk()).isEqualTo(sharedPaths(fifth));
    }

    @Test
    void checkpointsAreAddedInIdOrder() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 3);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 6);
        CompletedCheckpoint first = job.complete(job.snapshot());
        store.add(job.complete(job.snapshot()));

        assertThatThrownBy(() -> store.add(first)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not newer");
    }

    @Test
    void aCheckpointOutsideThisJobsStorageIsRejected() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CheckpointStorage other = new CheckpointStorage(tempDir.resolve("elsewhere").toUri().toString(), JOB,
                new Configuration());
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(other, 1, 7);
        CompletedCheckpoint foreign = job.complete(job.snapshot());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);

        assertThatThrownBy(() -> store.add(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in this job's storage");
    }

    @Test
    void aCompletedCheckpointCannotBeAborted() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        CompletedCheckpoint completed = new SimulatedIncrementalJob(storage, 1, 8).checkpoint(store);

        assertThatThrownBy(() -> store.discardAborted(completed.checkpointId(), List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(checkpointDirectoriesOnDisk()).containsExactly("chk-1");
    }

    @Test
    void discardingAllDeletesEveryCheckpointAndSharedFileButNotSavepoints() throws IOException {
        CheckpointStorage storage = storage(new Configuration());
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 3);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 9);
        job.checkpoint(store);
        job.checkpoint(store);
        store.add(savepoint(3));

        store.discardAll();

        assertThat(store.retained()).isEmpty();
        assertThat(checkpointDirectoriesOnDisk()).isEmpty();
        assertThat(sharedFilesOnDisk()).isEmpty();
        assertThat(tempDir.resolve("savepoints").resolve("savepoint-5f1e0c-3").resolve("_metadata")).exists();
    }

    @Test
    void numRetainedBelowOneIsRejected() throws IOException {
        CheckpointStorage storage = storage(new Configuration());

        assertThatThrownBy(() -> new CompletedCheckpointStore(storage, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num-retained");
    }
}
