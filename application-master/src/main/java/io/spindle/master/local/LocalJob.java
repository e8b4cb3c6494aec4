package io.spindle.master.local;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.spindle.core.concurrent.SingleThreadEventLoop;
import io.spindle.master.cluster.JobEnd;
import io.spindle.master.cluster.JobMaster;
import io.spindle.master.cluster.WorkerConnections;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.state.checkpoint.SavepointFormat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A job running in this JVM, started by {@link LocalExecutor#start}: a job master and its workers as threads. */
public final class LocalJob {

    private final JobMaster master;
    private final RecordCounts counts;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();

    /** @param stopPushing ends pushing the job's metrics to a Pushgateway, at the job's end */
    LocalJob(String jobName, JobMaster master, LocalWorkerPool pool, RecordCounts counts, WorkerConnections connections,
             SingleThreadEventLoop loop, Runnable stopPushing) {
        this.master = master;
        this.counts = counts;
        long start = System.nanoTime();
        // not on the job master's loop, which the status taken here needs
        master.start(pool, id -> WorkerLaunch.of("in this JVM")).whenCompleteAsync((end, error) -> {
            try {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(resultOf(jobName, end, master.status(), (System.nanoTime() - start) / 1_000_000));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                stopPushing.run();
                pool.stop(end == null ? FinalStatus.FAILED : end.status(), "");
                connections.close();
                loop.close();
            }
        });
    }

    private JobResult resultOf(String jobName, JobEnd end, StatusDocument status, long wallMillis) {
        if (end.status() == FinalStatus.KILLED) {
            throw new JobCancelledException("job " + jobName + " was cancelled");
        }
        if (end.status() == FinalStatus.FAILED) {
            Throwable cause = counts.lastFailure();
            if (cause == null) {
                throw new JobExecutionException(end.diagnostics(), null);
            }
            Throwable root = cause instanceof UserCodeException user ? user.getCause() : cause;
            throw new JobExecutionException("job failed: " + UserCodeException.describe(cause), root);
        }
        return new JobResult(jobName, wallMillis, counts.recordsIn(), master.completedCheckpoints(), status.restarts(),
                status.recoveryMillis(), status.firstRecordMillis().orElse(0L));
    }

    /** The job's metrics, as a job on YARN serves them at {@code /metrics}. */
    public MultiCollector metrics() {
        return master.metrics();
    }

    /**
     * A savepoint of the running job into a new directory under {@code directory} (null: the configured
     * {@code execution.checkpointing.savepoint-dir}); the job goes on.
     *
     * @return completed with the savepoint's path, or exceptionally with why there is none
     */
    public CompletableFuture<String> triggerSavepoint(String directory, SavepointFormat format) {
        return master.requestSavepoint(directory, format, Termination.NONE).path();
    }

    /**
     * Stops the job with a savepoint: the sources stop after its barrier, the sinks commit it, and {@link #await}
     * returns. With {@code drain}, the input ends first, so end-of-input hooks run. If the savepoint fails, the job
     * keeps running.
     *
     * @return completed with the savepoint's path, or exceptionally with why there is none
     */
    public CompletableFuture<String> stopWithSavepoint(String directory, SavepointFormat format, boolean drain) {
        return master.requestSavepoint(directory, format, drain ? Termination.DRAIN : Termination.STOP).path();
    }

    /**
     * Records each operator received so far, by operator name, summed over its subtasks and attempts (like
     * {@link JobResult#recordsIn}); each count a moment behind the task that makes it.
     */
    public Map<String, Long> recordsIn() {
        return counts.recordsIn();
    }

    /** Cancels every task; {@link #await} then throws {@link JobCancelledException}. Checkpoints stay if configured. */
    public void cancel() {
        master.cancel();
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
            throw failure(e);
        }
    }

    /**
     * {@link #await()} for at most {@code timeout}.
     *
     * @throws TimeoutException if the job has not ended by then; it runs on
     */
    public JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    private static RuntimeException failure(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        return new JobExecutionException("job failed: " + e.getCause(), e.getCause());
    }
}
