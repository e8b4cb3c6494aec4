package io.spindle.runtime.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.options.CheckpointingMode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.PipelineOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.runtime.checkpoint.TaskSnapshot;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** One execution of a job in this JVM: channels, a thread per subtask, and the wait for the end. */
final class LocalJobRun implements TaskListener, CheckpointResponder {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRun.class);
    private static final int BUFFER_SIZE = 32 * 1024;
    private final SpindleJob job;
    private final JobParams params;
    private final ExecutionPlan plan;
    private final Configuration configuration;
    private final List<Task> tasks = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
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
        try (RocksDbResources rocksDb = RocksDbResources.fromConfig(configuration)) {
            TaskServices services = new TaskServices(new LocalChannels(), rocksDb, workDirectory,
                    new HadoopFileAccess(new org.apache.hadoop.conf.Configuration()), System::currentTimeMillis,
                    configuration.get(PipelineOptions.BUFFER_TIMEOUT).toMillis(), BUFFER_SIZE, this, this,
                    configuration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE);
            for (TaskVertex vertex : plan.vertices()) {
                for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                    tasks.add(TaskFactory.create(plan, JobGraphs.build(job, params, configuration), vertex, subtask,
                            services));
                }
            }
            runTasks();
        } finally {
            deleteRecursively(workDirectory);
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw failed(cause);
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("job {} finished in {} ms", plan.graph().jobName(), wallMillis);
        return new JobResult(plan.graph().jobName(), wallMillis, recordsIn());
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
        remaining.countDown();
    }

    @Override
    public void failed(Task task, Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            LOG.warn("task {} failed, cancelling the job: {}", task.name(), cause.toString());
            LOG.debug("task {} failure", task.name(), cause);
            tasks.stream().filter(t -> t != task).forEach(Task::cancel);
        }
        remaining.countDown();
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

    /** Checkpoints are triggered only by a checkpoint coordinator, which this run does not start yet. */
    @Override
    public void acknowledge(TaskSnapshot snapshot) {
        throw new IllegalStateException("checkpoint " + snapshot.checkpointId() + " acknowledged without a coordinator");
    }

    @Override
    public void decline(String taskName, long checkpointId, Throwable cause) {
        throw new IllegalStateException("checkpoint " + checkpointId + " declined without a coordinator", cause);
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
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the local state directory {}", directory, e);
        }
    }
}
