package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.fs.HadoopFileAccess;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link CheckpointStorage} and {@link CompletedCheckpointStore} must do on every Hadoop file
 * system; one subclass per file system.
 */
abstract class CheckpointStorageContractTest {

    /** A base directory no other test uses. */
    protected abstract String checkpointsBaseUri(String testName);

    protected abstract Configuration hadoopConfiguration();

    /** How many checkpoints the no-orphans run takes. */
    protected abstract int manyCheckpoints();

    protected String base;
    protected CheckpointStorage storage;
    protected FileSystem fs;

    @BeforeEach
    void createStorage(TestInfo test) throws IOException {
        base = checkpointsBaseUri(test.getTestMethod().orElseThrow().getName());
        storage = new CheckpointStorage(base, "a1b2c3d4e5f60718293a4b5c6d7e8f90", hadoopConfiguration());
        fs = new HadoopFileAccess(hadoopConfiguration()).fileSystem(storage.jobDirectory());
    }

    // ---- publishing and listing --------------------------------------------------------------------

    @Test
    void aPublishedCheckpointIsListedWithItsMetadataUnderTheSpecifiedLayout() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 1);

        CompletedCheckpoint completed = job.complete(job.snapshot());

        assertThat(completed.directory()).isEqualTo(storage.jobDirectory() + "/chk-1");
        assertThat(storage.jobDirectory().toString()).isEqualTo(fs.makeQualified(new Path(base)) + "/"
                + storage.jobId());
        assertThat(fs.exists(new Path(storage.jobDirectory(), "chk-1/_metadata"))).isTrue();
        assertThat(fs.getFileStatus(storage.sharedDirectory()).isDirectory()).isTrue();
        assertThat(fs.getFileStatus(storage.taskOwnedDirectory()).isDirectory()).isTrue();
        assertThat(storage.listCompleted()).singleElement().satisfies(listed -> {
            assertThat(listed.directory()).isEqualTo(completed.directory());
            assertThat(listed.savepoint()).isFalse();
            assertThat(listed.metadata()).usingRecursiveComparison().isEqualTo(completed.metadata());
        });
    }

    @Test
    void publishingLeavesOnlyTheMetadataFileBehindNoTemporaryFile() throws IOException {
        storage.initializeLocation(1);

        storage.finalizeCheckpoint(new CheckpointMetadata(storage.jobId(), storage.jobId(), 1, 0, null, List.of()));

        assertThat(filesUnder("chk-1")).containsExactly("chk-1/_metadata");
    }

    @Test
    void completedCheckpointsAreListedNewestFirst() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 2);
        for (int i = 0; i < 12; i++) {
            job.complete(job.snapshot());
        }

        assertThat(storage.listCompleted()).extracting(CompletedCheckpoint::checkpointId)
                .containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(storage.latestCompleted()).map(CompletedCheckpoint::checkpointId).hasValue(12L);
    }

    @Test
    void noCompletedCheckpointIsNoLatestOne() throws IOException {
        assertThat(storage.latestCompleted()).isEmpty();
        assertThat(storage.listCompleted()).isEmpty();
        assertThat(storage.highestCheckpointId()).isZero();
    }

    @Test
    void aCheckpointIdIsNeitherInitializedNorPublishedTwice() throws IOException {
        storage.initializeLocation(1);
        CheckpointMetadata metadata = new CheckpointMetadata(storage.jobId(), storage.jobId(), 1, 0, null, List.of());
        storage.finalizeCheckpoint(metadata);

        assertThatThrownBy(() -> storage.initializeLocation(1)).isInstanceOf(IOException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> storage.finalizeCheckpoint(metadata)).isInstanceOf(IOException.class)
                .hasMessageContaining("already published");
    }

    @Test
    void aCheckpointWithoutLocationCannotBePublished() {
        assertThatThrownBy(() -> storage.finalizeCheckpoint(
                new CheckpointMetadata(storage.jobId(), storage.jobId(), 4, 0, null, List.of())))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("chk-4");
    }

    // ---- crash consistency -----------------------------------------------------------------------------

    @Test
    void aTruncatedNewestMetadataIsSkippedAndThePreviousCheckpointIsTheLatest() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 3);
        job.complete(job.snapshot());
        job.complete(job.snapshot());
        job.complete(job.snapshot());

        truncate(new Path(storage.checkpointDirectory(3), "_metadata"));

        assertThat(storage.latestCompleted()).map(CompletedCheckpoint::checkpointId).hasValue(2L);
        assertThat(storage.listCompleted()).extracting(CompletedCheckpoint::checkpointId).containsExactly(2L, 1L);
        assertThat(storage.highestCheckpointId()).isEqualTo(3);
    }

    @Test
    void aCheckpointDirectoryWithOnlyATemporaryMetadataFileIsSkipped() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 4);
        job.complete(job.snapshot());
        SimulatedIncrementalJob.Pending crashed = job.snapshot();
        try (FSDataOutputStream out = fs.create(new Path(storage.checkpointDirectory(2),
                CheckpointStorage.METADATA_TEMP_PREFIX + "a6c3"))) {
            out.write(MetadataSerializer.serialize(crashed.metadata()));
        }

        assertThat(storage.latestCompleted()).map(CompletedCheckpoint::checkpointId).hasValue(1L);
        assertThat(storage.listCompleted()).extracting(CompletedCheckpoint::checkpointId).containsExactly(1L);
    }

    @Test
    void anEmptyCheckpointDirectoryIsSkipped() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 5);
        job.complete(job.snapshot());
        storage.initializeLocation(2);

        assertThat(storage.latestCompleted()).map(CompletedCheckpoint::checkpointId).hasValue(1L);
        assertThat(storage.listCompleted()).extracting(CompletedCheckpoint::checkpointId).containsExactly(1L);
    }

    @Test
    void aMetadataFileOfAnotherCheckpointIdIsSkipped() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 6);
        job.complete(job.snapshot());
        CompletedCheckpoint second = job.complete(job.snapshot());
        fs.mkdirs(storage.checkpointDirectory(3));
        org.apache.hadoop.fs.FileUtil.copy(fs, new Path(second.metadataFile()), fs,
                new Path(storage.checkpointDirectory(3), "_metadata"), false, hadoopConfiguration());

        assertThat(storage.listCompleted()).extracting(CompletedCheckpoint::checkpointId).containsExactly(2L, 1L);
    }

    // ---- retention and shared files ----------------------------------------------------------------

    @Test
    void afterManyIncrementalCheckpointsSharedHoldsExactlyTheFilesOfTheRetainedCheckpoints() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 3);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 42);

        for (int i = 1; i <= manyCheckpoints(); i++) {
            if (i % 13 == 0) {
                job.abort(job.snapshot(), store);
            } else {
                job.checkpoint(store);
            }
        }

        assertThat(store.retained()).hasSize(3);
        assertThat(store.pendingDeletions()).isZero();
        assertNoOrphans(store);
    }

    @Test
    void anAbortedCheckpointLeavesNothingBehind() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 7);
        job.checkpoint(store);
        Set<String> before = filesUnder("");

        SimulatedIncrementalJob.Pending aborted = job.snapshot();
        assertThat(aborted.uploadedSharedFiles()).isNotEmpty();
        assertThat(aborted.sharedFiles()).hasSizeGreaterThan(aborted.uploadedSharedFiles().size());
        job.abort(aborted, store);

        assertThat(filesUnder("")).isEqualTo(before);
        assertThat(storage.checkpointDirectoryIds()).containsExactly(1L);
    }

    @Test
    void aStoreRecoveredAfterARestartContinuesSubsumingCorrectly() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 3);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 8);
        for (int i = 0; i < 10; i++) {
            job.checkpoint(store);
        }

        CompletedCheckpointStore recovered = CompletedCheckpointStore.recover(storage, 3);

        assertThat(recovered.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(8L, 9L, 10L);
        assertThat(recovered.registry().entries().keySet()).isEqualTo(store.registry().entries().keySet());
        job.restoreFrom(recovered.latest().orElseThrow().metadata(), recovered.highestCheckpointId() + 1);
        for (int i = 0; i < 10; i++) {
            job.checkpoint(recovered);
        }
        assertThat(recovered.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(18L, 19L, 20L);
        assertNoOrphans(recovered);
    }

    @Test
    void recoveryCleansUpWhatACrashLeftHalfDone() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 2);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 9);
        for (int i = 0; i < 5; i++) {
            job.checkpoint(store);
        }
        job.complete(job.snapshot());            // 6: published, but the coordinator died before subsuming 4
        job.complete(job.snapshot());            // 7: published, then its _metadata got truncated
        truncate(new Path(storage.checkpointDirectory(7), "_metadata"));
        job.snapshot();                          // 8: in flight at the crash: uploads, no _metadata

        CompletedCheckpointStore recovered = CompletedCheckpointStore.recover(storage, 2);

        assertThat(recovered.retained()).extracting(CompletedCheckpoint::checkpointId).containsExactly(5L, 6L);
        assertNoOrphans(recovered);
        job.restoreFrom(recovered.latest().orElseThrow().metadata(), recovered.highestCheckpointId() + 1);
        assertThat(job.checkpoint(recovered).checkpointId()).isEqualTo(9);
        assertNoOrphans(recovered);
    }

    // ---- reading from a path (offline tools, explicit restore) --------------------------------------

    @Test
    void aCheckpointLoadsFromItsDirectoryOrItsMetadataFile() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 10);
        CompletedCheckpoint completed = job.complete(job.snapshot());

        CompletedCheckpoint byDirectory = CheckpointStorage.load(completed.directory(), hadoopConfiguration());
        CompletedCheckpoint byFile = CheckpointStorage.load(completed.metadataFile(), hadoopConfiguration());

        for (CompletedCheckpoint loaded : List.of(byDirectory, byFile)) {
            assertThat(loaded.directory()).isEqualTo(completed.directory());
            assertThat(loaded.savepoint()).isFalse();
            assertThat(loaded.stateRoot()).isEqualTo(storage.jobDirectory().toString());
            assertThat(loaded.metadata()).usingRecursiveComparison().isEqualTo(completed.metadata());
        }
    }

    @Test
    void loadingADirectoryWithoutMetadataNamesTheDirectory() throws IOException {
        storage.initializeLocation(1);

        assertThatThrownBy(() -> CheckpointStorage.load(storage.checkpointDirectory(1).toString(), hadoopConfiguration()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("'_metadata'").hasMessageContaining(storage.checkpointDirectory(1).toString());
    }

    @Test
    void loadingACorruptMetadataFileNamesTheFileAndTheProblem() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 11);
        CompletedCheckpoint completed = job.complete(job.snapshot());
        truncate(new Path(completed.metadataFile()));

        assertThatThrownBy(() -> CheckpointStorage.load(completed.directory(), hadoopConfiguration()))
                .isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining(completed.metadataFile()).hasMessageContaining("truncated");
    }

    @Test
    void theOfflineListingReadsAJobDirectoryOrEveryJobUnderTheBase() throws IOException {
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 1, 12);
        job.complete(job.snapshot());
        job.complete(job.snapshot());
        CheckpointStorage other = new CheckpointStorage(base, "0000000000000000000000000000000b", hadoopConfiguration());
        SimulatedIncrementalJob otherJob = new SimulatedIncrementalJob(other, 1, 13);
        otherJob.complete(otherJob.snapshot());

        List<CompletedCheckpoint> all = CheckpointStorage.listCompleted(base, hadoopConfiguration());
        List<CompletedCheckpoint> one = CheckpointStorage.listCompleted(storage.jobDirectory().toString(),
                hadoopConfiguration());

        assertThat(all).extracting(c -> c.metadata().jobId() + "/" + c.checkpointId())
                .containsExactly(other.jobId() + "/1", storage.jobId() + "/2", storage.jobId() + "/1");
        assertThat(one).extracting(CompletedCheckpoint::checkpointId).containsExactly(2L, 1L);
    }

    // ---- savepoints -------------------------------------------------------------------------------------

    private CheckpointMetadata savepointMetadata(long id) {
        return new CheckpointMetadata(storage.jobId(), "job", id, 0, SavepointFormat.NATIVE, List.of());
    }

    @Test
    void aSavepointDirectoryIsNamedAfterTheJobWithARandomSuffixAndFullyQualified() throws IOException {
        Path first = storage.initializeSavepoint(base + "/savepoints");
        Path second = storage.initializeSavepoint(base + "/savepoints");

        assertThat(first.getName()).matches("savepoint-a1b2c3-[0-9a-f]{12}");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.toString()).isEqualTo(fs.makeQualified(new Path(base + "/savepoints")) + "/" + first.getName());
        assertThat(fs.getFileStatus(first).isDirectory()).isTrue();
    }

    @Test
    void aPublishedSavepointLoadsAsASavepointWhoseFilesResolveInsideItsDirectory() throws IOException {
        Path location = storage.initializeSavepoint(base + "/savepoints");

        CompletedCheckpoint published = storage.finalizeSavepoint(location, savepointMetadata(5));
        CompletedCheckpoint loaded = CheckpointStorage.load(location.toString(), hadoopConfiguration());

        assertThat(published.savepoint()).isTrue();
        assertThat(loaded.savepoint()).isTrue();
        assertThat(loaded.metadata()).isEqualTo(savepointMetadata(5));
        assertThat(loaded.resolve(new StateFile("ab-000001.sst", 1, 0))).isEqualTo(location + "/ab-000001.sst");
        assertThat(Arrays.stream(fs.listStatus(location)).map(f -> f.getPath().getName())).containsExactly("_metadata");
    }

    @Test
    void aSavepointIsNotPublishedTwice() throws IOException {
        Path location = storage.initializeSavepoint(base + "/savepoints");
        storage.finalizeSavepoint(location, savepointMetadata(5));

        assertThatThrownBy(() -> storage.finalizeSavepoint(location, savepointMetadata(6)))
                .isInstanceOf(IOException.class).hasMessageContaining("already published");
        assertThat(CheckpointStorage.load(location.toString(), hadoopConfiguration()).checkpointId()).isEqualTo(5);
    }

    @Test
    void checkpointMetadataIsNotPublishedAsASavepoint() throws IOException {
        Path location = storage.initializeSavepoint(base + "/savepoints");

        assertThatThrownBy(() -> storage.finalizeSavepoint(location,
                new CheckpointMetadata(storage.jobId(), "job", 5, 0, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a savepoint");
    }

    @Test
    void anUnfinishedSavepointIsDiscardedWithItsFiles() throws IOException {
        Path location = storage.initializeSavepoint(base + "/savepoints");
        fs.create(new Path(location, "x-000001.sst")).close();

        storage.discardSavepoint(location);

        assertThat(fs.exists(location)).isFalse();
    }

    @Test
    void aCompleteSavepointIsNotDiscarded() throws IOException {
        Path location = storage.initializeSavepoint(base + "/savepoints");
        storage.finalizeSavepoint(location, savepointMetadata(5));

        assertThatThrownBy(() -> storage.discardSavepoint(location))
                .isInstanceOf(IOException.class).hasMessageContaining("the savepoint is complete");
        assertThat(fs.exists(new Path(location, "_metadata"))).isTrue();
    }

    // ---- fencing: one master attempt at a time ------------------------------------------------------------

    @Test
    void anOlderMasterAttemptPublishesNothingOnceANewerOneClaimedTheDirectory() throws IOException {
        storage.claim(1);
        storage.initializeLocation(1);
        newerAttempt().claim(2);

        assertThatThrownBy(() -> storage.finalizeCheckpoint(new CheckpointMetadata(storage.jobId(), storage.jobId(), 1,
                0, null, List.of()))).isInstanceOf(FencedException.class).hasMessageContaining("master attempt 2");
        assertThat(fs.exists(new Path(storage.jobDirectory(), "chk-1/_metadata"))).isFalse();
    }

    @Test
    void anOlderMasterAttemptsStoreSubsumesAndDeletesNothingOnceANewerOneClaimedTheDirectory() throws IOException {
        storage.claim(1);
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 1);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 4);
        job.checkpoint(store);
        SimulatedIncrementalJob.Pending pending = job.snapshot();
        newerAttempt().claim(2);
        Set<String> before = filesUnder("");

        job.abort(pending, store);
        store.discardAll();

        assertThat(filesUnder("")).isEqualTo(before);
        assertThatThrownBy(store::close).isInstanceOf(FencedException.class);
        assertThat(filesUnder("")).isEqualTo(before);
    }

    @Test
    void aMasterAttemptCannotClaimADirectoryANewerOneClaimed() throws IOException {
        newerAttempt().claim(3);

        assertThatThrownBy(() -> storage.claim(2)).isInstanceOf(FencedException.class)
                .hasMessageContaining("master attempt 3");
    }

    @Test
    void aNewerMasterAttemptClaimsTheDirectoryAndPublishes() throws IOException {
        storage.claim(1);
        CheckpointStorage newer = newerAttempt();
        newer.claim(2);
        newer.initializeLocation(1);

        newer.finalizeCheckpoint(new CheckpointMetadata(storage.jobId(), storage.jobId(), 1, 0, null, List.of()));

        assertThat(storage.latestCompleted()).map(CompletedCheckpoint::checkpointId).hasValue(1L);
    }

    /** The same job directory as seen by another ApplicationMaster attempt. */
    private CheckpointStorage newerAttempt() throws IOException {
        return new CheckpointStorage(base, storage.jobId(), hadoopConfiguration());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Files under a directory of the job (recursively), as paths relative to the job directory. */
    protected Set<String> filesUnder(String relativeDirectory) throws IOException {
        Set<String> files = new TreeSet<>();
        Path root = relativeDirectory.isEmpty() ? storage.jobDirectory()
                : new Path(storage.jobDirectory(), relativeDirectory);
        if (fs.exists(root)) {
            collect(root, relativeDirectory.isEmpty() ? "" : relativeDirectory + "/", files);
        }
        return files;
    }

    private void collect(Path directory, String prefix, Set<String> files) throws IOException {
        for (FileStatus child : fs.listStatus(directory)) {
            String name = prefix + child.getPath().getName();
            if (child.isDirectory()) {
                collect(child.getPath(), name + "/", files);
            } else {
                files.add(name);
            }
        }
    }

    /** shared/ holds exactly the retained checkpoints' shared files, and only their chk dirs exist. */
    protected void assertNoOrphans(CompletedCheckpointStore store) throws IOException {
        List<CompletedCheckpoint> retained = store.retained();
        Set<String> referenced = retained.stream()
                .flatMap(c -> SharedStateRegistry.sharedFiles(c.metadata()).stream()).map(StateFile::path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(filesUnder(CheckpointStorage.SHARED_DIR)).isEqualTo(referenced);
        assertThat(storage.checkpointDirectoryIds())
                .containsExactlyInAnyOrderElementsOf(retained.stream().map(CompletedCheckpoint::checkpointId).toList());
        for (CompletedCheckpoint checkpoint : retained) {
            Set<String> expected = new TreeSet<>();
            expected.add("chk-" + checkpoint.checkpointId() + "/_metadata");
            checkpoint.metadata().operators().stream().flatMap(o -> o.subtasks().stream())
                    .filter(s -> s.keyedState() != null)
                    .forEach(s -> ((NativeKeyedState) s.keyedState()).privateFiles().values()
                            .forEach(f -> expected.add(f.path())));
            assertThat(filesUnder("chk-" + checkpoint.checkpointId())).isEqualTo(expected);
        }
        assertThat(filesUnder(CheckpointStorage.TASK_OWNED_DIR)).isEmpty();
    }

    /** Cuts a file to half its length, as a crash during a non-atomic write would. */
    protected void truncate(Path file) throws IOException {
        byte[] bytes;
        try (FSDataInputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        }
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
        }
    }
}
