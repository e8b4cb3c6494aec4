package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.examples.KeyedCounts;
import io.spindle.examples.OutputFiles;
import io.spindle.master.local.JobCancelledException;
import io.spindle.master.local.JobExecutionException;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.protocol.status.CompletedCheckpointStats;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exactly-once recovery of KeyedCounts (parallelism 2, a checkpoint every 100 ms) under injected
 * failures, on whatever file system a subclass puts the checkpoints: in every case the final per-key
 * counts equal the failure-free counts exactly, and the checkpoint directory holds nothing stray.
 */
public abstract class ExactlyOnceContract {

    static final long RECORDS = 400_000;
    static final long KEYS = 20_000;
    private static final Map<String, Long> EXPECTED = expectedCounts();

    private java.nio.file.Path output;
    private String checkpoints;

    /** A fresh base directory for checkpoints, as a URI of the file system under test. */
    protected abstract String checkpointBase() throws IOException;

    protected abstract FileSystem fileSystem() throws IOException;

    /** Makes every upload into {@code shared} fail until {@link #allowUploads}: a real error of the file system. */
    protected abstract void refuseUploads(Path shared) throws IOException;

    protected abstract void allowUploads(Path shared) throws IOException;

    protected abstract java.nio.file.Path localDirectory() throws IOException;

    /** Settings the file system needs, e.g. {@code spindle.hadoop.*} keys. */
    protected Map<String, String> fileSystemSettings() {
        return Map.of();
    }

    @BeforeEach
    void directories() throws IOException {
        output = localDirectory().resolve("counts");
        checkpoints = checkpointBase();
    }

    @Test
    void anExceptionHalfwayIsRecoveredFromTheNewestCheckpointWithExactCounts() throws Exception {
        JobResult result = run(config(), "fail-after", String.valueOf(RECORDS / 4));

        assertThat(result.restarts()).isEqualTo(1);
        assertThat(result.recoveryMillis()).hasSize(1);
        // From scratch, subtask 0's first half would be counted again: 1.5 N records in all.
        assertThat(result.recordsIn().get("count")).isLessThan(RECORDS * 3 / 2);
        assertExactCounts();
        assertNoCheckpointFilesLeft();
    }

    @Test
    void threeFailuresInQuickSuccessionStillGiveExactCounts() throws Exception {
        JobResult result = run(config(), "fail-after", String.valueOf(RECORDS / 40), "failures", "3");

        assertThat(result.restarts()).isEqualTo(3);
        assertExactCounts();
        assertNoCheckpointFilesLeft();
    }

    @Test
    void aFailedUploadIsToleratedAndTheNextCheckpointSucceeds() throws Exception {
        Configuration config = config();
        config.set("execution.checkpointing.tolerable-failed-checkpoints", "1", null);
        config.set("execution.checkpointing.min-pause", "300 ms", null);

        JobResult result = runRefusingOneUpload(config);

        assertThat(result.restarts()).isZero();
        assertThat(hasGap(result.checkpoints())).as("a checkpoint was aborted").isTrue();
        assertExactCounts();
        assertNoCheckpointFilesLeft();
    }

    @Test
    void aFailedUploadBeyondTheToleranceFailsOverAndRecoversExactly() throws Exception {
        Configuration config = config();
        config.set("execution.checkpointing.min-pause", "300 ms", null);

        JobResult result = runRefusingOneUpload(config);

        assertThat(result.restarts()).isEqualTo(1);
        assertExactCounts();
        assertNoCheckpointFilesLeft();
    }

    @Test
    void atLeastOnceCountsEveryRecordAtLeastOnce() throws Exception {
        Configuration config = config();
        config.set("execution.checkpointing.mode", "AT_LEAST_ONCE", null);

        JobResult result = run(config, "fail-after", String.valueOf(RECORDS / 4));

        assertThat(result.restarts()).isEqualTo(1);
        Map<String, Long> counts = OutputFiles.counts(output);
        assertThat(counts.keySet()).isEqualTo(EXPECTED.keySet());
        EXPECTED.forEach((key, expected) -> assertThat(counts.get(key)).as("count of %s", key)
                .isGreaterThanOrEqualTo(expected));
    }

    @Test
    void theFailureRatePolicyFailsTheJobAtTheThirdFailureWithTheRootCause() throws IOException {
        Configuration config = config();
        config.set("restart-strategy.type", "failure-rate", null);
        config.set("restart-strategy.failure-rate.max-failures-per-interval", "2", null);
        config.set("restart-strategy.failure-rate.failure-rate-interval", "10 min", null);
        config.set("restart-strategy.failure-rate.delay", "10 ms", null);

        assertThatThrownBy(() -> run(config, "fail-after", String.valueOf(RECORDS / 40), "failures", "3"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("operator 'count'")
                .hasMessageContaining("injected failure after 10000 records (execution 2)")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(OutputFiles.finishedParts(output)).isEmpty();
        assertNoCheckpointFilesLeft();
    }

    @Test
    void afterHundredsOfCheckpointsSharedHoldsExactlyTheFilesOfTheRetainedOnes() throws Exception {
        Configuration config = config();
        config.set("execution.checkpointing.interval", "10 ms", null);
        config.set("execution.checkpointing.num-retained", "3", null);
        config.set("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION", null);
        LocalJob unbounded = new LocalExecutor(config).start(new KeyedCounts(), JobParams.of(Map.of(
                "keys", String.valueOf(KEYS), "rate", "5000")));
        Path job = await(this::jobDirectoryIfAny, "the job directory");
        await(() -> newestCompleted(job) != null && newestCompleted(job) >= 200 ? job : null,
                "200 completed checkpoints");

        unbounded.cancel();

        assertThatThrownBy(() -> LocalJobs.await(unbounded)).isInstanceOf(JobCancelledException.class);
        List<CompletedCheckpoint> retained = CheckpointStorage.listCompleted(job.toString(), fileSystem().getConf());
        assertThat(retained).hasSize(3);
        assertThat(retained.get(0).checkpointId()).isGreaterThanOrEqualTo(200);
        Set<String> referenced = retained.stream()
                .flatMap(c -> c.metadata().operators().stream())
                .flatMap(o -> o.subtasks().stream())
                .filter(s -> s.keyedState() instanceof NativeKeyedState)
                .flatMap(s -> ((NativeKeyedState) s.keyedState()).sharedFiles().values().stream())
                .map(StateFile::path).collect(Collectors.toSet());
        assertThat(filesUnder(job, new Path(job, "shared"))).isEqualTo(referenced);
        assertThat(childNames(job)).containsExactlyInAnyOrder("shared", "taskowned",
                "chk-" + retained.get(0).checkpointId(), "chk-" + retained.get(1).checkpointId(),
                "chk-" + retained.get(2).checkpointId());
    }

    @Test
    void aTruncatedNewestMetadataIsSkippedAndTheCheckpointBeforeItRestored() throws Exception {
        Configuration failing = config();
        failing.set("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION", null);
        failing.set("execution.checkpointing.num-retained", "2", null);
        failing.set("restart-strategy.type", "none", null);
        // Slowed down so that checkpoints complete before subtask 0 fails for good at 80 % of its share.
        assertThatThrownBy(() -> run(failing, "rate", "100000", "fail-after", String.valueOf(RECORDS * 2 / 5)))
                .isInstanceOf(JobExecutionException.class);
        Path job = jobDirectory();
        List<CompletedCheckpoint> retained = CheckpointStorage.listCompleted(job.toString(), fileSystem().getConf());
        assertThat(retained).hasSize(2);
        Path newest = new Path(retained.get(0).metadataFile());
        truncate(newest);

        CompletedCheckpoint chosen = CheckpointStorage.load(job.toString(), fileSystem().getConf());
        Configuration resuming = config();
        resuming.set("execution.state-recovery.path", job.toString(), null);
        JobResult result = run(resuming);

        assertThat(chosen.checkpointId()).isEqualTo(retained.get(1).checkpointId());
        assertThat(result.recordsIn().get("count")).isLessThan(RECORDS);
        assertExactCounts();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    Configuration config() {
        Map<String, String> settings = new HashMap<>(fileSystemSettings());
        settings.putAll(Map.of(
                "parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", checkpoints,
                "execution.checkpointing.incremental", "true",
                "state.backend.rocksdb.memory.managed-size", "16m",
                "restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "100 ms",
                "restart-strategy.exponential-delay.max-backoff", "1 s"));
        return Configuration.fromMap(settings);
    }

    private JobResult run(Configuration config, String... arguments) throws InterruptedException {
        Map<String, String> params = new HashMap<>(Map.of("records", String.valueOf(RECORDS),
                "keys", String.valueOf(KEYS), "output", output.toString()));
        for (int i = 0; i < arguments.length; i += 2) {
            params.put(arguments[i], arguments[i + 1]);
        }
        return LocalJobs.execute(new LocalExecutor(config), new KeyedCounts(), JobParams.of(params));
    }

    /**
     * Runs the job and, once a first checkpoint completed, refuses uploads until the next checkpoint
     * ended (its directory appeared, then went away with its abort or got its {@code _metadata}), then
     * allows them again.
     */
    private JobResult runRefusingOneUpload(Configuration config) throws Exception {
        // Checkpoints a second apart: the one after the refused checkpoint starts long after this test saw it end and
        // allowed uploads again. At 100 ms it could start within milliseconds and be refused too under load.
        config.set("execution.checkpointing.interval", "1 s", null);
        // 16 s of input: the refused checkpoint and the one after it come long before its end
        CompletableFuture<JobResult> job = CompletableFuture.supplyAsync(() -> {
            try {
                return run(config, "rate", "25000");
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        Path jobDirectory = await(() -> jobDirectoryIfAny(), "the job directory");
        long completed = await(() -> newestCompleted(jobDirectory), "a first completed checkpoint");
        Path shared = new Path(jobDirectory, "shared");
        refuseUploads(shared);
        try {
            Path next = new Path(jobDirectory, "chk-" + (completed + 1));
            Path after = new Path(jobDirectory, "chk-" + (completed + 2));
            // Polled often: an aborted checkpoint's directory may exist for a few milliseconds only.
            await(() -> fileSystem().exists(next) || fileSystem().exists(after) ? next : null,
                    "checkpoint " + (completed + 1) + " to start", 1);
            await(() -> !fileSystem().exists(next) || fileSystem().exists(new Path(next, "_metadata")) ? next : null,
                    "checkpoint " + (completed + 1) + " to end", 1);
        } finally {
            allowUploads(shared);
        }
        return job.get(2, TimeUnit.MINUTES);
    }

    private Long newestCompleted(Path jobDirectory) throws IOException {
        List<CompletedCheckpoint> completed = CheckpointStorage.listCompleted(jobDirectory.toString(),
                fileSystem().getConf());
        return completed.isEmpty() ? null : completed.get(0).checkpointId();
    }

    private interface Probe<T> {
        T get() throws IOException;
    }

    private static <T> T await(Probe<T> probe, String what) throws IOException {
        return await(probe, what, 20);
    }

    /** Polls {@code probe} every {@code pollMillis} until it gives a value. */
    private static <T> T await(Probe<T> probe, String what, long pollMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    private static boolean hasGap(List<CompletedCheckpointStats> checkpoints) {
        for (int i = 1; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).checkpointId() != checkpoints.get(i - 1).checkpointId() + 1) {
                return true;
            }
        }
        return false;
    }

    private void assertExactCounts() throws IOException {
        assertThat(OutputFiles.counts(output)).isEqualTo(EXPECTED);
    }

    private void assertNoCheckpointFilesLeft() throws IOException {
        Path job = jobDirectoryIfAny();
        if (job != null) {
            assertThat(filesUnder(job, job)).as("files left in %s", job).isEmpty();
        }
    }

    private Path jobDirectory() throws IOException {
        Path job = jobDirectoryIfAny();
        assertThat(job).as("a job directory under %s", checkpoints).isNotNull();
        return job;
    }

    private Path jobDirectoryIfAny() throws IOException {
        FileSystem fs = fileSystem();
        Path base = new Path(checkpoints);
        if (!fs.exists(base)) {
            return null;
        }
        FileStatus[] jobs = fs.listStatus(base);
        return jobs.length == 1 ? jobs[0].getPath() : null;
    }

    /** Every file under {@code directory}, by its path relative to {@code root}. */
    private Set<String> filesUnder(Path root, Path directory) throws IOException {
        FileSystem fs = fileSystem();
        String prefix = fs.makeQualified(root).toString() + "/";
        Set<String> files = new HashSet<>();
        var iterator = fs.listFiles(directory, true);
        while (iterator.hasNext()) {
            files.add(iterator.next().getPath().toString().substring(prefix.length()));
        }
        return files;
    }

    private Set<String> childNames(Path directory) throws IOException {
        Set<String> names = new HashSet<>();
        for (FileStatus child : fileSystem().listStatus(directory)) {
            names.add(child.getPath().getName());
        }
        return names;
    }

    private void truncate(Path file) throws IOException {
        FileSystem fs = fileSystem();
        byte[] content;
        try (var in = fs.open(file)) {
            content = in.readAllBytes();
        }
        fs.delete(file, false);
        try (OutputStream out = fs.create(file, false)) {
            out.write(content, 0, content.length / 2);
        }
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.merge(String.valueOf(KeyedCounts.key(i, KEYS)), 1L, Long::sum);
        }
        return expected;
    }
}
