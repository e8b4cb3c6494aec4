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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Periodic checkpoints of a job running in this JVM: the coordinator, the thread that triggers it on
 * time, and the threads that upload task snapshots. Triggering stops for good when the first task
 * ends, since a finished source can no longer start a checkpoint.
 */
final class LocalCheckpointing implements CheckpointTarget, AutoCloseable {

    private static final long TICK_MILLIS = 10;

    private final CheckpointCoordinator coordinator;
    private final CheckpointTriggerDecider decider;
    private final CheckpointUploads uploads;
    private final ExecutorService uploadThreads;
    private final ScheduledExecutorService triggerThread;
    private volatile List<Task> tasks = List.of();
    private long lastTriggerMillis;

    private LocalCheckpointing(Configuration configuration, ExecutionPlan plan, Consumer<Throwable> failJob)
            throws IOException {
        String jobId = UUID.randomUUID().toString().replace("-", "");
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        CheckpointStorage storage = new CheckpointStorage(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                jobId, hadoop);
        CompletedCheckpointStore store = CompletedCheckpointStore.recover(storage,
                configuration.get(CheckpointingOptions.NUM_RETAINED));
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
    static Optional<LocalCheckpointing> create(Configuration configuration, ExecutionPlan plan,
                                               Consumer<Throwable> failJob) {
        if (!configuration.contains(CheckpointingOptions.INTERVAL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalCheckpointing(configuration, plan, failJob));
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

    void start(List<Task> runningTasks) {
        this.tasks = List.copyOf(runningTasks);
        lastTriggerMillis = System.currentTimeMillis();
        triggerThread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
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

    /** No more checkpoints: the job is ending or failing over. Pending ones are dropped, not counted. */
    void stopTriggering() {
        triggerThread.shutdownNow();
        coordinator.abortAll(CheckpointFailureReason.JOB_STOPPING);
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
        stopTriggering();
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
