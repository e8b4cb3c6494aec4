package io.spindle.minicluster;

import io.spindle.protocol.status.StatusDocument;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.Sequence;
import io.spindle.examples.WordCount;
import io.spindle.minicluster.ClusterUnderTest.Run;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.savepoint.SavepointVerifier;
import io.spindle.state.savepoint.Savepoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints of KeyedCounts on an embedded YARN and HDFS, through {@code spindle savepoint}, {@code stop} and
 * {@code run -s}: taken while the job runs, or stopping it, kept through cancellation, checkpoint clean-up and a
 * new ApplicationMaster attempt, restored at other parallelisms and on another cluster, each to exact final counts;
 * and the bad inputs that must be refused before anything is submitted.
 */
@Tag("integration")
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SavepointsOnYarnTest {

    private static final long RECORDS = 60_000;
    private static final long KEYS = 1_000;
    /** 30 s of input: the job is still running whenever a test acts on it. */
    private static final String RATE = "2000";

    @TempDir
    static java.nio.file.Path directory;

    private static ClusterUnderTest cluster;
    /** The canonical savepoint of a job cancelled since, for {@link DamagedSavepoints} and {@link OnAnotherCluster}. */
    private static String cancelledJobSavepoint;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = ClusterUnderTest.start(directory.resolve("first"), 2);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Two KeyedCounts jobs and a Sequence job, run side by side: one ended by {@code spindle stop}, one by
     * {@code spindle stop --drain}, Sequence by {@code spindle stop} at parallelism 2; then each savepoint is
     * restored, all at once, Sequence's twice: at parallelism 3 and at 1, each into an output of its own.
     */
    @Nested
    @Order(1)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class StoppedJobs {

        private Run stopped;
        private Run drained;
        private String stoppedApplication;
        private String drainedApplication;
        private Run stop;
        private Run drain;
        private Run stoppedRestored;
        private Run drainedRestored;
        private Run sequence;
        private Run sequenceStop;
        private Run sequenceUp;
        private Run sequenceDown;

        @BeforeAll
        void stopAllThenRestoreAll() throws Exception {
            stopped = cluster.run(countsTo("stopped"));
            drained = cluster.run(countsTo("drained"));
            sequence = cluster.runJob(Sequence.class.getName(), List.of("-p", "2"), sequenceTo("sequence"));
            stoppedApplication = stopped.awaitApplicationId();
            drainedApplication = drained.awaitApplicationId();
            String sequenceApplication = sequence.awaitApplicationId();
            cluster.awaitCompletedCheckpoint(stoppedApplication);
            cluster.awaitCompletedCheckpoint(drainedApplication);
            cluster.awaitCompletedCheckpoint(sequenceApplication);

            stop = cluster.spindle("stop", stoppedApplication);
            drain = cluster.spindle("stop", drainedApplication, "--drain");
            sequenceStop = cluster.spindle("stop", sequenceApplication);
            assertThat(stop.exitCode()).as(stop::describe).isZero();
            assertThat(drain.exitCode()).as(drain::describe).isZero();
            assertThat(sequenceStop.exitCode()).as(sequenceStop::describe).isZero();

            stoppedRestored = cluster.run(List.of("-s", stop.completedSavepoint(), "-p", "3"),
                    restoredCountsTo("stopped-restored"));
            drainedRestored = cluster.run(List.of("-s", drain.completedSavepoint()),
                    restoredCountsTo("drained-restored"));
            sequenceUp = cluster.runJob(Sequence.class.getName(), List.of("-s", sequenceStop.completedSavepoint(),
                    "-p", "3"), restoredSequenceTo("sequence-up"));
            sequenceDown = cluster.runJob(Sequence.class.getName(), List.of("-s", sequenceStop.completedSavepoint(),
                    "-p", "1"), restoredSequenceTo("sequence-down"));
            stoppedRestored.awaitApplicationId();
            drainedRestored.awaitApplicationId();
            sequenceUp.awaitApplicationId();
            sequenceDown.awaitApplicationId();
        }

        @Test
        void sequenceStoppedAtParallelismTwoResumesAtThreeWritingEveryLineOnce() throws Exception {
            assertThat(sequence.exitCode()).as(sequence::describe).isZero();
            assertThat(sequenceUp.exitCode()).as(sequenceUp::describe).isZero();
            assertResumed("sequence-up");
            assertThat(Sequence.problems(cluster.lineNumbers("sequence", "sequence-up"), RECORDS)).isEmpty();
        }

        @Test
        void sequenceStoppedAtParallelismTwoResumesAtOneWritingEveryLineOnce() throws Exception {
            assertThat(sequenceDown.exitCode()).as(sequenceDown::describe).isZero();
            assertResumed("sequence-down");
            assertThat(Sequence.problems(cluster.lineNumbers("sequence", "sequence-down"), RECORDS)).isEmpty();
        }

        /** The run writing into {@code output} read some records, not all: it went on from the savepoint. */
        private void assertResumed(String output) throws IOException {
            assertThat((long) cluster.lineNumbers(output).length).as("lines the restored run wrote")
                    .isBetween(1L, RECORDS - 1);
        }

        @Test
        void stopEndsTheApplicationSucceededNamingItsSavepoint() throws Exception {
            assertThat(stopped.exitCode()).as(stopped::describe).isZero();
            assertThat(stop.lastLine()).as(stop::describe).isEqualTo(stoppedApplication
                    + " SUCCEEDED: the job was stopped with savepoint " + stop.completedSavepoint());
        }

        @Test
        void savepointOfAStoppedJobResumesAtParallelismThreeCountingEachRecordOnce() throws Exception {
            assertThat(stoppedRestored.exitCode()).as(stoppedRestored::describe).isZero();
            cluster.assertResumedExactly("stopped-restored", RECORDS, KEYS);
        }

        @Test
        void drainedStopEndsTheApplicationSucceededWithConsistentPartialCounts() throws Exception {
            assertThat(drained.exitCode()).as(drained::describe).isZero();
            assertThat(drain.lastLine()).as(drain::describe).isEqualTo(drainedApplication
                    + " SUCCEEDED: the job was stopped with savepoint " + drain.completedSavepoint());
            Map<Long, Long> partial = cluster.counts("drained");
            Map<Long, Long> full = ClusterUnderTest.expectedCounts(RECORDS, KEYS);
            assertThat(partial.values().stream().mapToLong(Long::longValue).sum()).isBetween(1L, RECORDS - 1);
            assertThat(partial).allSatisfy((key, count) ->
                    assertThat(count).as("key %d", key).isBetween(1L, full.get(key)));
        }

        @Test
        void savepointOfADrainedJobRestoresAsEndedAndWritesNothingMore() throws Exception {
            assertThat(drainedRestored.exitCode()).as(drainedRestored::describe).isZero();
            assertThat(cluster.lineNumbers("drained-restored")).isEmpty();
        }
    }

    @Test
    void savepointOfAnUnknownApplicationIsBadInput() throws Exception {
        String unknown = "application_1000000000000_0001";

        Run savepoint = cluster.spindle("savepoint", unknown);

        assertThat(savepoint.exitCode()).as(savepoint::describe).isEqualTo(2);
        assertThat(savepoint.err().lines()).as(savepoint::describe)
                .containsExactly("spindle savepoint: unknown application " + unknown);
    }

    @Test
    void runFromAMissingSavepointIsBadInputAndSubmitsNothing() throws Exception {
        assertRunIsRefusedWithNothingSubmitted(cluster.hdfs("/savepoints/savepoint-none-such"));
    }

    @Test
    void runFromADirectoryWithoutMetadataIsBadInputAndSubmitsNothing() throws Exception {
        Path notASavepoint = new Path(cluster.hdfs("/savepoints/not-a-savepoint"));
        cluster.fileSystem().mkdirs(notASavepoint);
        cluster.fileSystem().create(new Path(notASavepoint, "some-file")).close();

        assertRunIsRefusedWithNothingSubmitted(notASavepoint.toString());
    }

    /**
     * One KeyedCounts job: a canonical and a native savepoint while it runs, a {@code spindle stop} whose savepoint
     * cannot be written (its directory would lie below a file), then several checkpoints (one retained), a SIGKILLed
     * ApplicationMaster, and {@code spindle cancel}; each savepoint is then restored at another parallelism, both at
     * once.
     */
    @Nested
    @Order(2)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class SavepointsOfACancelledJob {

        private String application;
        private Run original;
        private Run cancel;
        private String canonical;
        private String nativeFormat;
        private Map<String, Long> canonicalFiles;
        private Map<String, Long> nativeFiles;
        private Run failedStop;
        private Run statusAfterFailedStop;
        private Run canonicalAtOne;
        private Run nativeAtFour;
        private Run reshard;
        private Run reshardedAtTwo;

        @BeforeAll
        void takeSavepointsThenOutliveThemAndCancel() throws Exception {
            // 150 s of input, ended by the cancel: it must outlast two savepoints, several checkpoints and a new
            // ApplicationMaster attempt on a busy machine, or its end would delete the checkpoints awaited below
            original = cluster.run(List.of("-D", "execution.checkpointing.num-retained=1"), "--records",
                    String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--rate", "400", "--output",
                    cluster.output("cancelled"));
            application = original.awaitApplicationId();
            cluster.awaitCompletedCheckpoint(application);

            canonical = takeSavepoint(application);
            cancelledJobSavepoint = canonical;
            nativeFormat = takeSavepoint(application, "--type", "native");
            canonicalFiles = files(canonical);
            nativeFiles = files(nativeFormat);
            Path aFile = new Path(cluster.hdfs("/savepoints/a-file"));
            cluster.fileSystem().create(aFile).close();
            failedStop = cluster.spindle("stop", application, "--savepoint-path", aFile + "/below");
            failedStop.exitCode();
            statusAfterFailedStop = cluster.spindle("status", application);
            long lastSavepoint = Math.max(load(canonical).checkpointId(), load(nativeFormat).checkpointId());

            long beforeKill = awaitOnlyCheckpointsAfter(lastSavepoint + 3);
            cluster.containerProcesses(application, "ApplicationMasterMain").get(0).destroyForcibly();
            awaitCheckpointOfSecondMasterAttemptAfter(beforeKill);
            cancel = cluster.spindle("cancel", application);
            assertThat(cancel.exitCode()).as(cancel::describe).isZero();

            canonicalAtOne = cluster.run(List.of("-s", canonical, "-p", "1"), restoredCountsTo("canonical-p1"));
            nativeAtFour = cluster.run(List.of("-s", nativeFormat, "-p", "4"), restoredCountsTo("native-p4"));
            String resharded = cluster.hdfs("/savepoints/resharded-64");
            reshard = cluster.spindle("savepoint-rescale", canonical, resharded, "--max-parallelism", "64");
            reshard.exitCode(); // the re-sharded savepoint must be there before the run that restores it
            reshardedAtTwo = cluster.run(List.of("-s", resharded, "-p", "2", "-D", "pipeline.max-parallelism=64"),
                    restoredCountsTo("resharded-p2"));
            // all submitted before any test counts the cluster's applications
            canonicalAtOne.awaitApplicationId();
            nativeAtFour.awaitApplicationId();
            reshardedAtTwo.awaitApplicationId();
        }

        @Test
        @Order(1)
        void stopWhoseSavepointFailsExitsOneWithTheReasonAndTheJobKeepsRunning() throws Exception {
            assertThat(failedStop.exitCode()).as(failedStop::describe).isEqualTo(1);
            assertThat(failedStop.err().lines()).as(failedStop::describe).singleElement().asString()
                    .startsWith("spindle stop: the savepoint failed, the job keeps running: ").contains("a-file");
            assertThat(statusAfterFailedStop.exitCode()).as(statusAfterFailedStop::describe).isZero();
            assertThat(statusAfterFailedStop.out()).as(statusAfterFailedStop::describe)
                    .containsPattern(application + ": job \\S+ RUNNING ");
        }

        @Test
        @Order(2)
        void cancelEndsTheApplicationKilled() throws Exception {
            assertThat(original.exitCode()).as(original::describe).isEqualTo(1);
            try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
                assertThat(yarn.status(YarnApplications.parseId(application)).finalStatus())
                        .isEqualTo(FinalApplicationStatus.KILLED);
            }
        }

        @Test
        @Order(3)
        void savepointsKeepEveryFileThroughCancelCheckpointCleanUpAndANewMasterAttempt() throws Exception {
            for (String savepoint : List.of(canonical, nativeFormat)) {
                CompletedCheckpoint loaded = load(savepoint);

                assertThat(loaded.savepoint()).as(savepoint).isTrue();
                assertThat(SavepointVerifier.verify(loaded, hadoop())).as(savepoint).isEmpty();
            }
            assertThat(files(canonical)).isEqualTo(canonicalFiles);
            assertThat(files(nativeFormat)).isEqualTo(nativeFiles);
        }

        @Test
        @Order(4)
        void canonicalSavepointResumesAtParallelismOneCountingEachRecordOnce() throws Exception {
            assertThat(canonicalAtOne.exitCode()).as(canonicalAtOne::describe).isZero();
            cluster.assertResumedExactly("canonical-p1", RECORDS, KEYS);
        }

        @Test
        @Order(5)
        void nativeSavepointResumesAtParallelismFourCountingEachRecordOnce() throws Exception {
            assertThat(nativeAtFour.exitCode()).as(nativeAtFour::describe).isZero();
            cluster.assertResumedExactly("native-p4", RECORDS, KEYS);
        }

        @Test
        @Order(6)
        void savepointReshardedOfflineToAnotherMaxParallelismResumesCountingEachRecordOnce() throws Exception {
            assertThat(reshard.exitCode()).as(reshard::describe).isZero();
            assertThat(reshardedAtTwo.exitCode()).as(reshardedAtTwo::describe).isZero();
            cluster.assertResumedExactly("resharded-p2", RECORDS, KEYS);
        }

        @Test
        @Order(7)
        void savepointOfAnotherJobIsBadInputAndSubmitsNothing() throws Exception {
            int applications = cluster.applicationCount();

            Run run = cluster.runJob(WordCount.class.getName(), List.of("-s", canonical), "--input",
                    cluster.hdfs("/input/none"), "--output", cluster.output("wordcount"));

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe).singleElement().asString()
                    .startsWith("spindle run: ").contains(canonical);
            assertThat(cluster.applicationCount()).isEqualTo(applications);
        }

        /** Waits until every retained checkpoint is {@code checkpointId} or newer; returns the newest. */
        private long awaitOnlyCheckpointsAfter(long checkpointId) throws Exception {
            String checkpoints = cluster.hdfs("/checkpoints/" + application);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (true) {
                List<CompletedCheckpoint> completed = CheckpointStorage.listCompleted(checkpoints, hadoop());
                if (!completed.isEmpty() && completed.stream().allMatch(c -> c.checkpointId() >= checkpointId)) {
                    return completed.get(0).checkpointId();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("checkpoints of " + application + " still before " + checkpointId + ": "
                            + completed.stream().map(CompletedCheckpoint::checkpointId).toList());
                }
                Thread.sleep(100);
            }
        }


        private void awaitCheckpointOfSecondMasterAttemptAfter(long checkpointId) throws InterruptedException {
            ApplicationId id = YarnApplications.parseId(application);
            try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
                MasterStatus.await(yarn, id, "a checkpoint of master attempt 2",
                        document -> document.attempt() == 2 && MasterStatus.allTasksRunning(document)
                                && document.checkpoints().latest().map(StatusDocument.Checkpoint::id)
                                        .filter(latest -> latest > checkpointId).isPresent(),
                        ClusterUnderTest.JOB_TIMEOUT);
            }
        }
    }

    /**
     * Copies of the canonical savepoint of {@link SavepointsOfACancelledJob}, each damaged another way, and a job that
     * does not fit it: {@code spindle run -s} refuses each with one line before submitting anything, and
     * {@code savepoint-info --verify} finds the damage.
     */
    @Nested
    @Order(3)
    class DamagedSavepoints {

        @Test
        void runFromASavepointWithAFlippedByteInAStateFileIsBadInputAndSubmitsNothing() throws Exception {
            String copy = copyWithLargestFile("flipped-run", SavepointsOnYarnTest::flipMiddleByte);

            assertThat(assertRunIsRefusedWithNothingSubmitted(copy)).contains("checksum mismatch");
        }

        @Test
        void verifyFindsAFlippedByteInAStateFile() throws Exception {
            String copy = copyWithLargestFile("flipped-verify", SavepointsOnYarnTest::flipMiddleByte);

            assertVerifyFinds(copy, "checksum mismatch");
        }

        @Test
        void runFromASavepointWithAMissingStateFileIsBadInputAndSubmitsNothing() throws Exception {
            String copy = copyWithLargestFile("missing-run", path -> cluster.fileSystem().delete(path, false));

            assertThat(assertRunIsRefusedWithNothingSubmitted(copy)).contains("is missing");
        }

        @Test
        void verifyFindsAMissingStateFile() throws Exception {
            String copy = copyWithLargestFile("missing-verify", path -> cluster.fileSystem().delete(path, false));

            assertVerifyFinds(copy, "is missing");
        }

        @Test
        void runFromASavepointWithTruncatedMetadataIsBadInputAndSubmitsNothing() throws Exception {
            String copy = cluster.hdfs("/savepoints/damaged/truncated-metadata");
            CompletedCheckpoint savepoint = Savepoints.copy(cancelledJobSavepoint, copy, hadoop());
            Path metadata = new Path(savepoint.metadataFile());
            byte[] bytes = readAll(metadata);
            write(metadata, Arrays.copyOf(bytes, bytes.length / 2));

            assertRunIsRefusedWithNothingSubmitted(copy);
        }

        @Test
        void runWithAnotherMaxParallelismIsBadInputNamingBothAndTheReshardCommand() throws Exception {
            int applications = cluster.applicationCount();

            Run run = cluster.run(List.of("-s", cancelledJobSavepoint, "-D", "pipeline.max-parallelism=64"),
                    restoredCountsTo("refused-max-parallelism"));

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe).singleElement().asString()
                    .startsWith("spindle run: ").contains("saved with max parallelism 128, the job has 64")
                    .contains("spindle savepoint-rescale " + cancelledJobSavepoint);
            assertThat(cluster.applicationCount()).isEqualTo(applications);
        }

        @Test
        void disposeOfADirectoryThatIsNoSavepointIsBadInputAndDeletesNothing() throws Exception {
            Path notASavepoint = new Path(cluster.hdfs("/savepoints/damaged/not-a-savepoint"));
            Path file = new Path(notASavepoint, "some-file");
            cluster.fileSystem().create(file).close();

            Run dispose = cluster.spindle("savepoint-dispose", notASavepoint.toString());

            assertThat(dispose.exitCode()).as(dispose::describe).isEqualTo(2);
            assertThat(dispose.err().lines()).as(dispose::describe).singleElement().asString()
                    .startsWith("spindle savepoint-dispose: ").contains(notASavepoint.toString());
            assertThat(cluster.fileSystem().exists(file)).isTrue();
        }

        /** A copy of the savepoint named {@code name}, its largest state file then damaged by {@code damage}. */
        private String copyWithLargestFile(String name, FileDamage damage) throws Exception {
            String copy = cluster.hdfs("/savepoints/damaged/" + name);
            CompletedCheckpoint savepoint = Savepoints.copy(cancelledJobSavepoint, copy, hadoop());
            StateFile largest = SavepointVerifier.referencedFiles(savepoint).values().stream()
                    .max(Comparator.comparingLong(StateFile::size)).orElseThrow();
            damage.apply(new Path(savepoint.resolve(largest)));
            return copy;
        }

        /** {@code savepoint-info --verify} exits 2, its first line naming the savepoint and the problem. */
        private void assertVerifyFinds(String savepoint, String problem) throws Exception {
            Run verify = cluster.spindle("savepoint-info", savepoint, "--verify");

            assertThat(verify.exitCode()).as(verify::describe).isEqualTo(2);
            assertThat(verify.err().lines()).as(verify::describe).singleElement().asString()
                    .startsWith("spindle savepoint-info: ").contains(savepoint).contains(problem);
        }
    }

    @FunctionalInterface
    private interface FileDamage {
        void apply(Path file) throws IOException;
    }

    /** Rewrites the file with one bit of its middle byte flipped, as a faulty copy would. */
    private static void flipMiddleByte(Path file) throws IOException {
        byte[] bytes = readAll(file);
        bytes[bytes.length / 2] ^= 0x04;
        write(file, bytes);
    }

    private static byte[] readAll(Path file) throws IOException {
        try (FSDataInputStream in = cluster.fileSystem().open(file)) {
            return in.readAllBytes();
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FSDataOutputStream out = cluster.fileSystem().create(file, true)) {
            out.write(bytes);
        }
    }

    /**
     * The canonical savepoint of {@link SavepointsOfACancelledJob}, taken off the first cluster as plain files (what
     * {@code hdfs dfs -get} does), the first cluster shut down, then put into a second, independent cluster's HDFS
     * ({@code hdfs dfs -put}) and restored there: nothing of the first is left to lean on. Last of all, as it ends the
     * cluster of this class.
     */
    @Nested
    @Order(4)
    class OnAnotherCluster {

        @Test
        void savepointCopiedToAnotherClusterResumesThereAtParallelismThreeCountingEachRecordOnce() throws Exception {
            java.nio.file.Path plainCopy = directory.resolve("carried-savepoint");
            FileUtil.copy(cluster.fileSystem(), new Path(cancelledJobSavepoint), new File(plainCopy.toString()), false,
                    hadoop());
            cluster.close();
            cluster = null;
            try (ClusterUnderTest second = ClusterUnderTest.start(directory.resolve("second"), 1)) {
                Path copy = new Path(second.hdfs("/savepoints/migrated"));
                FileUtil.copy(new File(plainCopy.toString()), second.fileSystem(), copy, false,
                        second.cluster().hadoopConfiguration());
                Run restored = second.run(List.of("-s", copy.toString(), "-p", "3"), "--records",
                        String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--weight",
                        String.valueOf(ClusterUnderTest.RESTORED_WEIGHT), "--output", second.output("migrated"));

                assertThat(restored.exitCode()).as(restored::describe).isZero();
                second.assertResumedExactly("migrated", RECORDS, KEYS);
            }
        }
    }

    /** KeyedCounts' arguments: RECORDS records among KEYS keys at RATE, final counts into output {@code name}. */
    private static String[] countsTo(String name) {
        return new String[] {"--records", String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--rate", RATE,
                "--output", cluster.output(name)};
    }

    /** Sequence's arguments: RECORDS lines at RATE into output {@code name}. */
    private static String[] sequenceTo(String name) {
        return new String[] {"--records", String.valueOf(RECORDS), "--rate", RATE, "--output", cluster.output(name)};
    }

    /** The same as {@link #sequenceTo} without a rate limit: for restoring, which then need not take long. */
    private static String[] restoredSequenceTo(String name) {
        return new String[] {"--records", String.valueOf(RECORDS), "--output", cluster.output(name)};
    }

    /**
     * The same as {@link #countsTo} without a rate limit (restoring then need not take long) and with each record
     * counted {@link ClusterUnderTest#RESTORED_WEIGHT} times, so that the output shows what the restored run counted.
     */
    private static String[] restoredCountsTo(String name) {
        return new String[] {"--records", String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--weight",
                String.valueOf(ClusterUnderTest.RESTORED_WEIGHT), "--output", cluster.output(name)};
    }

    /** {@code spindle savepoint <application> <options>}: exit 0, and the path it printed last. */
    private static String takeSavepoint(String application, String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "savepoint";
        args[1] = application;
        System.arraycopy(options, 0, args, 2, options.length);
        Run savepoint = cluster.spindle(args);
        assertThat(savepoint.exitCode()).as(savepoint::describe).isZero();
        return savepoint.savepointPath(savepoint.lastLine());
    }

    /**
     * {@code spindle run -s <path>} exits 2 with one line naming the path, and YARN gets no new application.
     *
     * @return the line
     */
    private static String assertRunIsRefusedWithNothingSubmitted(String path) throws Exception {
        int applications = cluster.applicationCount();

        Run run = cluster.run(List.of("-s", path), restoredCountsTo("refused"));

        assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
        assertThat(run.err().lines()).as(run::describe).singleElement().asString()
                .startsWith("spindle run: ").contains(path);
        assertThat(cluster.applicationCount()).isEqualTo(applications);
        return run.err().lines().findFirst().orElseThrow();
    }

    private static CompletedCheckpoint load(String savepoint) throws IOException {
        return CheckpointStorage.load(savepoint, hadoop());
    }

    /** Every file under the savepoint's directory, by path relative to it, with its length. */
    private static Map<String, Long> files(String savepoint) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        Path root = cluster.fileSystem().makeQualified(new Path(savepoint));
        RemoteIterator<LocatedFileStatus> all = cluster.fileSystem().listFiles(root, true);
        while (all.hasNext()) {
            LocatedFileStatus file = all.next();
            files.put(file.getPath().toUri().getPath().substring(root.toUri().getPath().length()), file.getLen());
        }
        assertThat(files).as("files of %s", savepoint).containsKey("/_metadata").hasSizeGreaterThan(1);
        return files;
    }

    private static Configuration hadoop() {
        return cluster.cluster().hadoopConfiguration();
    }
}
