package io.spindle.examples;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Savepoints of KeyedCounts in the local executor: taken while it runs, or stopping it, then restored. */
class KeyedCountsSavepointTest {

    private static final long RECORDS = 40_000;
    private static final long KEYS = 1_000;

    @TempDir
    Path work;

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath, "execution.checkpointing.incremental", "true");
    }

    /** As fast as it goes: for restored runs, which must run to their end. */
    private static JobParams params(Path output) {
        return JobParams.of(Map.of("records", String.valueOf(RECORDS), "keys", String.valueOf(KEYS),
                "output", output.toString()));
    }

    /**
     * Slowed down for the first run, whose input must outlast the wait for a checkpoint and the savepoint or stop
     * that follows (10 s against well under one): a stop after the end of the input would fail.
     */
    private static JobParams firstRun(Path output) {
        return JobParams.of(Map.of("records", String.valueOf(RECORDS), "keys", String.valueOf(KEYS),
                "rate", "4000", "output", output.toString()));
    }

    /** Starts KeyedCounts at parallelism 2, slowly. */
    private LocalJob startFirstRun(String output) {
        return new LocalExecutor(configuration(2, null)).start(new KeyedCounts(), firstRun(work.resolve(output)));
    }

    /** Runs KeyedCounts to its end from {@code savepoint}, writing to {@code output}. */
    private JobResult restoredFrom(String savepoint, int parallelism, String output) throws InterruptedException {
        return LocalJobs.execute(new LocalExecutor(configuration(parallelism, savepoint)), new KeyedCounts(),
                params(work.resolve(output)));
    }

    /** Asserts that the run counted fewer records than a fresh start would, and wrote the exact counts. */
    private void assertResumedToExactCounts(JobResult restored, String output) throws IOException {
        assertThat(restored.recordsIn().get("count")).as("records the restored run counted").isBetween(1L, RECORDS - 1);
        assertThat(OutputFiles.counts(work.resolve(output)).equals(expectedCounts(RECORDS))).as("exact counts").isTrue();
    }

    @ParameterizedTest(name = "{0}, restored at parallelism {1}")
    @CsvSource({"CANONICAL, 1", "CANONICAL, 4", "NATIVE, 1", "NATIVE, 4"})
    void jobStoppedWithASavepointResumesFromItAtAnotherParallelismToExactCounts(SavepointFormat format,
                                                                               int parallelism) throws Exception {
        LocalJob job = startFirstRun("first");
        awaitACompletedCheckpoint();

        String savepoint = job.stopWithSavepoint(null, format, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(job);

        assertThat(OutputFiles.finishedParts(work.resolve("first"))).isEmpty();
        assertThat(CheckpointStorage.load(savepoint).savepoint()).isTrue();
        assertResumedToExactCounts(restoredFrom(savepoint, parallelism, "resumed"), "resumed");
    }

    @Test
    void drainedStopWritesTheCountsSoFarIntoItsSavepointWhichRestoresAsEnded() throws Exception {
        LocalJob job = startFirstRun("drained");
        awaitACompletedCheckpoint();

        String savepoint = job.stopWithSavepoint(null, SavepointFormat.CANONICAL, true).get(60, TimeUnit.SECONDS);
        LocalJobs.await(job);

        Map<String, Long> counts = OutputFiles.counts(work.resolve("drained"));
        Map<String, Long> all = expectedCounts(RECORDS);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isBetween(1L, RECORDS - 1);
        assertThat(counts).allSatisfy((key, count) -> assertThat(count).isBetween(1L, all.get(key)));
        // the input ended before the savepoint: restored, the job reads and writes nothing more
        JobResult rest = restoredFrom(savepoint, 2, "rest");
        assertThat(rest.recordsIn().getOrDefault("count", 0L)).isZero();
        assertThat(OutputFiles.finishedParts(work.resolve("rest"))).isEmpty();
    }

    @Test
    void savepointOfARunningJobLeavesItRunningAndRestoresToExactCounts() throws Exception {
        LocalJob job = startFirstRun("first");
        awaitACompletedCheckpoint();

        String savepoint = job.triggerSavepoint(work.resolve("elsewhere").toUri().toString(), SavepointFormat.NATIVE)
                .get(60, TimeUnit.SECONDS);
        LocalJobs.await(job);

        assertThat(savepoint).contains("/elsewhere/savepoint-");
        assertThat(OutputFiles.counts(work.resolve("first"))).isEqualTo(expectedCounts(RECORDS));
        assertResumedToExactCounts(restoredFrom(savepoint, 2, "again"), "again");
    }

    /** The job runs, and has state worth saving. */
    private void awaitACompletedCheckpoint() throws Exception {
        LocalJobs.awaitCompletedCheckpoint(work.resolve("checkpoints"));
    }

    /** The count of every key among records 0 .. records - 1. */
    static Map<String, Long> expectedCounts(long records) {
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < records; i++) {
            expected.merge(String.valueOf(KeyedCounts.key(i, KEYS)), 1L, Long::sum);
        }
        return expected;
    }
}
