package io.spindle.master.local;

import io.spindle.core.config.Configuration;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.master.checkpoint.CheckpointCoordinator;
import io.spindle.master.checkpoint.CheckpointFailureManager;
import io.spindle.master.checkpoint.CheckpointFailureReason;
import io.spindle.master.checkpoint.CheckpointTarget;
import io.spindle.master.checkpoint.CheckpointTriggerDecider;
import io.spindle.master.checkpoint.CompletedCheckpointStats;
import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.master.checkpoint.PendingCheckpoint.SubtaskId;
import io.spindle.runtime.checkpoint.CheckpointUploads;
import io.spindle.runtime.tasks.SourceTask;
import io.spindle.runtime.tasks.Task;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpointStore;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;

import io.spindle.core.options.ExternalizedCheckpointRetention;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Periodic checkpoints of a job running in this JVM: the coordinator, the thread that triggers it on
 * time, and the threads that upload task snapshots. They outlive the attempts of a job that fails
 * over; each attempt's tasks are triggered from {@link #start} until {@link #stopTriggering}, which
 * also comes when the attempt's first task ends, since a finished source can no longer take part.
 */
final class LocalCheckpointing implements CheckpointTarget, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCheckpointing.class);
    private static final long TICK_MILLIS = 10;

    private final CheckpointStorage storage;
    private final CompletedCheckpointStore store;
    private final ExternalizedCheckpointRetention retention;
    private final CheckpointCoordinator coordinator;
    private final CheckpointTriggerDecider decider;
    private final CheckpointUploads uploads;
    private final ExecutorService uploadThreads;
    private final ScheduledExecutorService triggerThread;
    private volatile List<Task> tasks = List.of();
    /** Not guarded by a lock of this class: a failing job stops it from inside the coordinator's lock. */
    private final AtomicReference<ScheduledFuture<?>> triggering = new AtomicReference<>();
    private long lastTriggerMillis;

    private LocalCheckpointing(Configuration configuration, org.apache.hadoop.conf.Configuration hadoop,
                               ExecutionPlan plan, Consumer<Throwable> failJob) throws IOException {
        String jobId = UUID.randomUUID().toString().replace("-", "");
        this.storage = new CheckpointStorage(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                jobId, hadoop);
        this.store = CompletedCheckpointStore.recover(storage, configuration.get(CheckpointingOptions.NUM_RETAINED));
        this.retention = configuration.get(CheckpointingOptions.EXTERNALIZED_RETENTION);
        this.coordinator = new CheckpointCoordinator(jobId, storage, store, operators(plan), subtasks(plan), this,
                new CheckpointFailureManager(configuration.get(CheckpointingOptions.TOLERABLE_FAILURES)),
                configuration.get(CheckpointingOptions.TIMEOUT).toMillis(), System::currentTimeMillis, failJob);
        this.decider = new CheckpointTriggerDecider(configuration.get(CheckpointingOptions.INTERVAL).toMillis(),
                configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis(),
                configuration.get(CheckpointingOptions.MAX_CONCURRENT));
        this.uploadThreads = Executors.newFixedThreadPool(2, named("checkpoint-upload"));
        this.uploads = new CheckpointUploads(HadoopSnapshotFiles.forJobDirectory(storage.jobDirectory().toString(),
                hadoop), uploadThreads);
        this.triggerThread = Executors.newSingleThreadScheduledExecutor(named("checkpoint-trigger"));
    }

    /** Checkpointing as configured; a checkpoint directory comes with the interval (checked with the config). */
    static Optional<LocalCheckpointing> create(Configuration configuration,
                                               org.apache.hadoop.conf.Configuration hadoop, ExecutionPlan plan,
                                               Consumer<Throwable> failJob) {
        if (!configuration.contains(CheckpointingOptions.INTERVAL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalCheckpointing(configuration, hadoop, plan, failJob));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint directory", e);
        }
    }

    CheckpointCoordinator coordinator() {
        return coordinator;
    }

    CheckpointUploads uploads() {
        return uploads;
    }

    /** The newest completed checkpoint of this job, where a failover resumes. */
    Optional<CompletedCheckpoint> latestCompleted() {
        return store.latest();
    }

    /** The job directory checkpoints go to, {@code <checkpoints-dir>/<job-id>}. */
    String jobDirectory() {
        return storage.jobDirectory().toString();
    }

    /** Triggers checkpoints of an attempt's tasks, an interval after now. */
    void start(List<Task> runningTasks) {
        this.tasks = List.copyOf(runningTasks);
        lastTriggerMillis = System.currentTimeMillis();
        coordinator.resume();
        triggering.set(triggerThread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS));
    }

    private void tick() {
        coordinator.expireOverdue();
        long now = System.currentTimeMillis();
        if (now >= decider.nextTriggerMillis(lastTriggerMillis, coordinator.lastCompletionMillis(),
                coordinator.pendingCount())) {
            lastTriggerMillis = now;
            coordinator.triggerCheckpoint();
        }
    }

    /**
     * No more checkpoints of this attempt: it is ending ({@link CheckpointFailureReason#JOB_STOPPING}) or
     * failing ({@link CheckpointFailureReason#TASK_FAILURE}). Pending ones are dropped and not counted as
     * failed checkpoints, before the tasks' cancellation makes them decline.
     */
    void stopTriggering(CheckpointFailureReason reason) {
        ScheduledFuture<?> running = triggering.getAndSet(null);
        if (running != null) {
            running.cancel(false);
        }
        coordinator.suspend(reason);
    }

    /**
     * The job ended for good: its retained checkpoints are deleted, unless it failed or was cancelled and
     * the retention setting keeps them for a manual restart ({@code spindle run -s}).
     */
    void jobEnded(JobOutcome outcome) {
        boolean keep = outcome == JobOutcome.FAILED && retention.keepsOnFailure()
                || outcome == JobOutcome.CANCELLED && retention.keepsOnCancellation();
        if (keep) {
            LOG.info("keeping the checkpoints of the {} job in {} ({})", outcome.name().toLowerCase(Locale.ROOT),
                    jobDirectory(), retention);
            return;
        }
        store.discardAll();
    }

    List<CompletedCheckpointStats> completed() {
        return coordinator.completedStats();
    }

    @Override
    public void triggerCheckpoint(long checkpointId) {
        for (Task task : tasks) {
            if (task instanceof SourceTask source) {
                source.triggerCheckpoint(checkpointId);
            }
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        tasks.forEach(task -> task.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        tasks.forEach(task -> task.notifyCheckpointAborted(checkpointId));
    }

    @Override
    public void close() throws InterruptedException {
        stopTriggering(CheckpointFailureReason.JOB_STOPPING);
        triggerThread.shutdownNow();
        uploadThreads.shutdown();
        if (!uploadThreads.awaitTermination(60, TimeUnit.SECONDS)) {
            uploadThreads.shutdownNow();
        }
    }

    private static List<OperatorInfo> operators(ExecutionPlan plan) {
        List<OperatorInfo> operators = new ArrayList<>();
        for (StreamNode node : plan.graph().nodes()) {
            operators.add(new OperatorInfo(node.name(), node.parallelism(), plan.graph().maxParallelism()));
        }
        return operators;
    }

    private static Set<SubtaskId> subtasks(ExecutionPlan plan) {
        Set<SubtaskId> subtasks = new HashSet<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (int i = 0; i < vertex.parallelism(); i++) {
                subtasks.add(new SubtaskId(vertex.id(), i));
            }
        }
        return subtasks;
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
