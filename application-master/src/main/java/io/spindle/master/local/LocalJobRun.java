package io.spindle.master.local;

import io.spindle.runtime.local.LocalChannels;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingMode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.PipelineOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.master.checkpoint.CompletedCheckpointStats;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.tasks.TaskFactory;
import io.spindle.runtime.tasks.TaskListener;
import io.spindle.runtime.tasks.TaskServices;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.state.fs.HadoopFileAccess;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** One execution of a job in this JVM: channels, a thread per subtask, and the wait for the end. */
final class LocalJobRun implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRun.class);
    private static final int BUFFER_SIZE = 32 * 1024;
    private final SpindleJob job;
    private final JobParams params;
    private final ExecutionPlan plan;
    private final Configuration configuration;
    private final List<Task> tasks = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Optional<LocalCheckpointing> checkpointing = Optional.empty();
    private CountDownLatch remaining;

    LocalJobRun(SpindleJob job, JobParams params, ExecutionPlan plan) {
        this.job = job;
        this.params = params;
        this.plan = plan;
        this.configuration = plan.graph().configuration();
    }

    JobResult run() {
        long start = System.nanoTime();
        Path workDirectory = workDirectory();
        List<CompletedCheckpointStats> checkpoints;
        try (RocksDbResources rocksDb = RocksDbResources.fromConfig(configuration)) {
            checkpointing = LocalCheckpointing.create(configuration, plan, this::fail);
            TaskServices services = new TaskServices(new LocalChannels(), rocksDb, workDirectory,
                    new HadoopFileAccess(new org.apache.hadoop.conf.Configuration()), System::currentTimeMillis,
                    configuration.get(PipelineOptions.BUFFER_TIMEOUT).toMillis(), BUFFER_SIZE, this,
                    checkpointing.map(LocalCheckpointing::coordinator).orElse(null),
                    configuration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE,
                    checkpointing.map(LocalCheckpointing::uploads).orElse(null));
            for (TaskVertex vertex : plan.vertices()) {
                for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                    tasks.add(TaskFactory.create(plan, JobGraphs.build(job, params, configuration), vertex, subtask,
                            services));
                }
            }
            checkpointing.ifPresent(c -> c.start(tasks));
            runTasks();
            checkpoints = closeCheckpointing();
        } finally {
            deleteRecursively(workDirectory);
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw failed(cause);
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("job {} finished in {} ms", plan.graph().jobName(), wallMillis);
        return new JobResult(plan.graph().jobName(), wallMillis, recordsIn(), checkpoints);
    }

    private void runTasks() {
        remaining = new CountDownLatch(tasks.size());
        List<Thread> threads = new ArrayList<>();
        for (Task task : tasks) {
            Thread thread = new Thread(task, task.name());
            threads.add(thread);
            thread.start();
        }
        try {
            remaining.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
            tasks.forEach(Task::cancel);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void finished(Task task) {
        checkpointing.ifPresent(LocalCheckpointing::stopTriggering);
        remaining.countDown();
    }

    @Override
    public void failed(Task task, Throwable cause) {
        LOG.warn("task {} failed: {}", task.name(), cause.toString());
        LOG.debug("task {} failure", task.name(), cause);
        fail(cause);
        remaining.countDown();
    }

    /** The first failure ends the job: no more checkpoints, every task cancelled. */
    private void fail(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            checkpointing.ifPresent(LocalCheckpointing::stopTriggering);
            tasks.forEach(Task::cancel);
        }
    }

    private List<CompletedCheckpointStats> closeCheckpointing() {
        if (checkpointing.isEmpty()) {
            return List.of();
        }
        try {
            checkpointing.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return checkpointing.get().completed();
    }

    @Override
    public void cancelled(Task task) {
        remaining.countDown();
    }

    private Map<String, Long> recordsIn() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Task task : tasks) {
            task.operators().forEach(op -> counts.merge(op.name(), op.recordsIn(), Long::sum));
        }
        return counts;
    }

    private JobExecutionException failed(Throwable cause) {
        if (cause instanceof UserCodeException user) {
            Throwable root = user.getCause();
            return new JobExecutionException("job failed: operator '" + user.operatorName() + "' threw " + root, root);
        }
        return new JobExecutionException("job failed: " + cause, cause);
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
