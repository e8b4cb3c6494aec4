package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingMode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.PipelineOptions;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.core.restart.RestartPolicy;
import io.spindle.master.checkpoint.CheckpointFailureReason;
import io.spindle.master.checkpoint.CompletedCheckpointStats;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.checkpoint.JobOutcome;
import io.spindle.protocol.SubtaskId;
import io.spindle.master.checkpoint.StateAssignment;
import io.spindle.runtime.checkpoint.CheckpointUploads;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.runtime.local.LocalChannels;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.tasks.TaskFactory;
import io.spindle.runtime.tasks.TaskServices;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.fs.HadoopConfigurations;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One job in this JVM, from start to its end: runs attempts of all its tasks; when one fails, asks
 * the restart policy, waits its backoff, and runs the next attempt from the newest completed
 * checkpoint (restart-all), until an attempt finishes or the policy gives up.
 */
final class LocalJobRun {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRun.class);
    private static final int BUFFER_SIZE = 32 * 1024;

    private final SpindleJob job;
    private final JobParams params;
    private final ExecutionPlan plan;
    private final Configuration configuration;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final String jobId = UUID.randomUUID().toString().replace("-", "");
    /** Records each operator received in the attempts that ended; guards {@link #counting}. */
    private final Map<String, Long> recordsIn = new LinkedHashMap<>();
    /** The attempt running, whose tasks' counts are not in {@link #recordsIn} yet. */
    private LocalAttempt counting;
    private final List<Long> recoveryMillis = new ArrayList<>();
    private volatile Optional<JobCheckpointing> checkpointing = Optional.empty();
    private final ExecutorService uploadThreads =
            Executors.newFixedThreadPool(2, DaemonThreads.factory("checkpoint-upload"));
    private CheckpointUploads uploads;
    private volatile LocalAttempt current;
    private volatile boolean cancelled;

    LocalJobRun(SpindleJob job, JobParams params, ExecutionPlan plan) {
        this.job = job;
        this.params = params;
        this.plan = plan;
        this.configuration = plan.graph().configuration();
        this.hadoop = HadoopConfigurations.of(configuration);
    }

    JobResult run() {
        long start = System.nanoTime();
        Map<SubtaskId, TaskRestore> restore = initialRestore();
        checkpointing = JobCheckpointing.create(configuration, hadoop, plan, jobId, 1, cause -> current.fail(cause));
        RestartPolicy policy = RestartPolicy.fromConfig(configuration, checkpointing.isPresent(), new Random());
        List<CompletedCheckpointStats> checkpoints;
        long firstRecordMillis = 0;
        // Attempt n runs after n restarts.
        int number = 0;
        try (RocksDbResources rocksDb = RocksDbResources.fromConfig(configuration)) {
            uploads = checkpointing.map(c -> new CheckpointUploads(
                    HadoopSnapshotFiles.forDirectory(c.jobDirectory(), hadoop),
                    directory -> HadoopSnapshotFiles.forDirectory(directory, hadoop), uploadThreads)).orElse(null);
            long lastFailureMillis = 0;
            for (; ; number++) {
                LocalAttempt attempt = new LocalAttempt(number,
                        reason -> checkpointing.ifPresent(c -> c.stopTriggering(reason)),
                        subtask -> checkpointing.ifPresent(c -> c.inputEnded(subtask)));
                current = attempt;
                synchronized (recordsIn) {
                    counting = attempt;
                }
                if (cancelled) {
                    attempt.fail(new JobCancelledException("cancelled"));
                }
                Throwable failure = runAttempt(attempt, rocksDb, restore);
                if (number == 0) {
                    firstRecordMillis = attempt.firstRecordMillis();
                }
                if (number > 0 && attempt.firstRecordMillis() > 0) {
                    recoveryMillis.add(attempt.firstRecordMillis() - lastFailureMillis);
                }
                if (failure == null) {
                    break;
                }
                if (cancelled) {
                    LOG.info("job {} cancelled", plan.graph().jobName());
                    endCheckpointing(JobOutcome.CANCELLED);
                    throw new JobCancelledException("job " + plan.graph().jobName() + " was cancelled");
                }
                lastFailureMillis = attempt.failureMillis();
                long now = System.currentTimeMillis();
                policy.notifyFailure(now);
                if (!policy.canRestart(now)) {
                    LOG.error("job {} failed; the restart policy allows no more restarts: {}",
                            plan.graph().jobName(), failure.toString());
                    endCheckpointing(JobOutcome.FAILED);
                    throw failed(failure);
                }
                long backoff = policy.backoffMillis(now);
                LOG.info("restarting job {} in {} ms (attempt {}) after: {}", plan.graph().jobName(), backoff,
                        number + 1, failure.toString());
                sleep(backoff);
                restore = failoverRestore().orElse(restore);
            }
            checkpoints = endCheckpointing(JobOutcome.FINISHED);
        } finally {
            uploadThreads.shutdownNow();
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("job {} finished in {} ms", plan.graph().jobName(), wallMillis);
        return new JobResult(plan.graph().jobName(), wallMillis, recordsIn, checkpoints, number, recoveryMillis,
                firstRecordMillis);
    }

    /** Records each operator received so far, by name, over all attempts; read while the tasks run. */
    Map<String, Long> recordsInSoFar() {
        synchronized (recordsIn) {
            Map<String, Long> counts = new LinkedHashMap<>(recordsIn);
            if (counting != null) {
                counting.addRecordsIn(counts);
            }
            return counts;
        }
    }

    /** Runs all subtasks of one attempt in a fresh local directory; returns what ended it, null if they finished. */
    private Throwable runAttempt(LocalAttempt attempt, RocksDbResources rocksDb, Map<SubtaskId, TaskRestore> restore) {
        Path workDirectory = workDirectory();
        try {
            TaskServices services = new TaskServices(jobId, attempt.number(), new LocalChannels(), rocksDb, workDirectory,
                    new HadoopFileAccess(hadoop), System::currentTimeMillis,
                    configuration.get(PipelineOptions.BUFFER_TIMEOUT).toMillis(), BUFFER_SIZE, attempt,
                    checkpointing.map(JobCheckpointing::coordinator).orElse(null),
                    configuration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE, uploads);
            try {
                for (TaskVertex vertex : plan.vertices()) {
                    for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                        attempt.add(TaskFactory.create(plan, JobGraphs.build(job, params, configuration), vertex,
                                subtask, services, restore.get(new SubtaskId(vertex.id(), subtask))));
                    }
                }
                checkpointing.ifPresent(c -> c.start(attempt));
            } catch (RuntimeException e) {
                // A restore that cannot download or open its state fails the attempt like a task would;
                // the tasks built so far run only to notice the cancellation and release their state.
                attempt.fail(e);
            }
            Throwable failure = attempt.run();
            // Usually stopped already (first task finished, or failure); not if a cancellation came between
            // the attempt's failure and start() above.
            checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
            synchronized (recordsIn) {
                attempt.addRecordsIn(recordsIn);
                counting = null;
            }
            return failure;
        } finally {
            deleteRecursively(workDirectory);
        }
    }

    /** From {@code execution.state-recovery.path} if set (checked against the job before anything runs). */
    private Map<SubtaskId, TaskRestore> initialRestore() {
        if (!configuration.contains(CheckpointingOptions.RESTORE_PATH)) {
            return Map.of();
        }
        CompletedCheckpoint checkpoint = StateAssignment.checkpointAt(configuration.get(CheckpointingOptions.RESTORE_PATH),
                hadoop);
        LOG.info("restoring job {} from {}", plan.graph().jobName(), checkpoint.directory());
        return StateAssignment.assign(checkpoint, plan, HadoopSnapshotFiles.forDirectory(checkpoint.stateRoot(), hadoop),
                false, configuration.get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE));
    }

    /** From the newest checkpoint this job completed (or the savepoint that stopped it), if any. */
    private Optional<Map<SubtaskId, TaskRestore>> failoverRestore() {
        return checkpointing.flatMap(c -> c.latestCompleted().map(checkpoint -> {
            LOG.info("restoring job {} from {} {}", plan.graph().jobName(),
                    checkpoint.savepoint() ? "savepoint" : "checkpoint", checkpoint.checkpointId());
            return checkpoint.savepoint()
                    ? StateAssignment.assign(checkpoint, plan,
                            HadoopSnapshotFiles.forDirectory(checkpoint.stateRoot(), hadoop), false, false)
                    : StateAssignment.assign(checkpoint, plan, uploads.checkpointFiles(), true, false);
        }));
    }

    /** A savepoint of the running attempt; see {@link LocalJob#triggerSavepoint}. */
    CompletableFuture<String> savepoint(String directory, SavepointFormat format, Termination termination) {
        return checkpointing.map(c -> c.triggerSavepoint(directory, format, termination)
                        .thenApply(CompletedCheckpoint::directory))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new IllegalStateException(JobCheckpointing.SAVEPOINTS_NEED_CHECKPOINTING)));
    }

    /** Cancels the job: its tasks stop, and it does not restart. */
    void cancel() {
        cancelled = true;
        LocalAttempt attempt = current;
        if (attempt != null) {
            attempt.fail(new JobCancelledException("cancelled"));
        }
    }

    private List<CompletedCheckpointStats> endCheckpointing(JobOutcome outcome) {
        if (checkpointing.isEmpty()) {
            return List.of();
        }
        JobCheckpointing checkpoints = checkpointing.get();
        checkpoints.close();
        awaitUploads();
        checkpoints.jobEnded(outcome);
        return checkpoints.completed();
    }

    /** Uploads still running would write into a directory {@link JobCheckpointing#jobEnded} may delete. */
    private void awaitUploads() {
        uploadThreads.shutdown();
        try {
            if (!uploadThreads.awaitTermination(60, TimeUnit.SECONDS)) {
                uploadThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException("job interrupted while waiting to restart", e);
        }
    }

    private JobExecutionException failed(Throwable cause) {
        Throwable root = cause instanceof UserCodeException user ? user.getCause() : cause;
        return new JobExecutionException("job failed: " + UserCodeException.describe(cause), root);
    }

    private Path workDirectory() {
        Path directory = StateBackendOptions.rocksDbLocalDir(configuration).resolve("job-" + UUID.randomUUID());
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local state directory " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try {
            LocalFiles.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("could not delete the local state directory {}", directory, e);
        }
    }
}
