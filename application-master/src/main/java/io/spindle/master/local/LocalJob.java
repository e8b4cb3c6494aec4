package io.spindle.master.local;

import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A job running in this JVM, started by {@link LocalExecutor#start}. */
public final class LocalJob {

    private final LocalJobRun run;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();

    LocalJob(LocalJobRun run, String jobName) {
        this.run = run;
        Thread thread = new Thread(() -> {
            try {
                result.complete(run.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "job-" + jobName);
        thread.start();
    }

    /**
     * A savepoint of the running job into a new directory under {@code directory} (null: the configured
     * {@code execution.checkpointing.savepoint-dir}); the job goes on.
     *
     * @return completed with the savepoint's path, or exceptionally with why there is none
     */
    public CompletableFuture<String> triggerSavepoint(String directory, SavepointFormat format) {
        return run.savepoint(directory, format, Termination.NONE);
    }

    /**
     * Stops the job with a savepoint: the sources stop after its barrier, the sinks commit it, and {@link #await}
     * returns. With {@code drain}, the input ends first, so end-of-input hooks run. If the savepoint fails, the job
     * keeps running.
     *
     * @return completed with the savepoint's path, or exceptionally with why there is none
     */
    public CompletableFuture<String> stopWithSavepoint(String directory, SavepointFormat format, boolean drain) {
        return run.savepoint(directory, format, drain ? Termination.DRAIN : Termination.STOP);
    }

    /**
     * Records each operator received so far, by operator name, summed over its subtasks and attempts (like
     * {@link JobResult#recordsIn}); each count a moment behind the task that makes it.
     */
    public Map<String, Long> recordsIn() {
        return run.recordsInSoFar();
    }

    /** Cancels every task; {@link #await} then throws {@link JobCancelledException}. Checkpoints stay if configured. */
    public void cancel() {
        run.cancel();
    }

    /**
     * Waits for the end of the job.
     *
     * @throws JobExecutionException if it failed and the restart policy gave up
     * @throws JobCancelledException if it was cancelled
     */
    public JobResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new JobExecutionException("job failed: " + e.getCause(), e.getCause());
        }
    }
}
