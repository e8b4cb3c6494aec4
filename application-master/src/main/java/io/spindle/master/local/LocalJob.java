package io.spindle.master.local;

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
