package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.state.checkpoint.storage.CheckpointStorage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs of the local executor for tests, every wait bounded: a job that does not end in time is cancelled and fails
 * the test, which then cannot hang the build ({@link LocalJob#await} and {@link LocalExecutor#execute} wait for
 * ever). Shared by the tests of the examples and the connectors through this module's test jar.
 */
public final class LocalJobs {

    /** Far longer than any of these jobs takes, failures and restarts included: reaching it means a hang. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private LocalJobs() { }

    /**
     * Checkpoints (when an interval is set) under {@code work/checkpoints}, savepoints under {@code work/savepoints},
     * a restart 10 ms after a failure; then {@code settings} as key, value pairs (a null value leaves its key out, so
     * a test can pass a restore path that may be null).
     */
    public static Configuration configuration(Path work, int parallelism, String... settings) {
        Map<String, String> map = new HashMap<>(Map.of("parallelism.default", String.valueOf(parallelism),
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));
        for (int i = 0; i < settings.length; i += 2) {
            if (settings[i + 1] != null) {
                map.put(settings[i], settings[i + 1]);
            }
        }
        return Configuration.fromMap(map);
    }

    /** {@link #configuration} with a checkpoint every 100 ms. */
    public static Configuration checkpointed(Path work, int parallelism, String... settings) {
        String[] all = new String[settings.length + 2];
        all[0] = "execution.checkpointing.interval";
        all[1] = "100 ms";
        System.arraycopy(settings, 0, all, 2, settings.length);
        return configuration(work, parallelism, all);
    }

    /** Starts the job, without job arguments. */
    public static LocalJob start(Configuration configuration, SpindleJob job) {
        return new LocalExecutor(configuration).start(job, JobParams.of(Map.of()));
    }

    /** Runs the job, without job arguments, to its end within {@link #TIMEOUT}. */
    public static JobResult run(Configuration configuration, SpindleJob job) throws InterruptedException {
        return await(start(configuration, job));
    }

    /** Runs the job to its end, as {@link LocalExecutor#execute}, within {@link #TIMEOUT}. */
    public static JobResult execute(LocalExecutor executor, SpindleJob job, JobParams params)
            throws InterruptedException {
        return await(executor.start(job, params));
    }

    /**
     * {@link LocalJob#await} within {@link #TIMEOUT}: its result, or what it throws (JobExecutionException,
     * JobCancelledException).
     */
    public static JobResult await(LocalJob job) throws InterruptedException {
        try {
            return job.await(TIMEOUT);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("the job did not end within " + TIMEOUT + "; cancelled it", e);
        }
    }

    /** A condition a test polls while a job runs. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls the condition until it holds, failing the test if it does not within {@link #TIMEOUT}. */
    public static void awaitCondition(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Waits until the operator received this many records, summed over its subtasks. */
    public static void awaitRecords(LocalJob job, String operator, long records) throws Exception {
        awaitCondition(records + " records into " + operator,
                () -> job.recordsIn().getOrDefault(operator, 0L) >= records);
    }

    /** Waits until a checkpoint under this directory completed. */
    public static void awaitCompletedCheckpoint(Path checkpoints) throws Exception {
        awaitCondition("a completed checkpoint", () -> Files.exists(checkpoints) && !CheckpointStorage.listCompleted(
                checkpoints.toUri().toString(), new org.apache.hadoop.conf.Configuration()).isEmpty());
    }
}
