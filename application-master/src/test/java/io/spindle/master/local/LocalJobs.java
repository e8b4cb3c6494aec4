package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded waits for jobs of the local executor: a job that does not end in time is cancelled and fails the test,
 * which then cannot hang the build. {@link LocalJob#await} and {@link LocalExecutor#execute} wait for ever.
 */
final class LocalJobs {

    /** Far longer than any of these jobs takes: reaching it means the job hangs. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private LocalJobs() { }

    /** Runs the job to its end, as {@link LocalExecutor#execute}, within {@link #TIMEOUT}. */
    static JobResult execute(LocalExecutor executor, SpindleJob job, JobParams params) throws InterruptedException {
        return await(executor.start(job, params));
    }

    /**
     * {@link LocalJob#await} within {@link #TIMEOUT}: its result, or what it throws (JobExecutionException,
     * JobCancelledException).
     */
    static JobResult await(LocalJob job) throws InterruptedException {
        try {
            return job.await(TIMEOUT);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("the job did not end within " + TIMEOUT + "; cancelled it", e);
        }
    }

    /** A condition a test polls while a job runs. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls the condition until it holds, failing the test if it does not within {@link #TIMEOUT}. */
    static void awaitCondition(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
