package io.spindle.runtime.tasks;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.runtime.checkpoint.CheckpointResponder;
import io.spindle.runtime.checkpoint.CheckpointUploads;
import io.spindle.runtime.io.TestThreads;
import io.spindle.runtime.local.LocalChannels;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks of a small job as a worker runs them: built by {@link TaskFactory} over in-memory channels, with real
 * RocksDB and checkpoint files under a test directory, each on a thread of its own once started. What the tasks
 * report (input ended, how they ended, acknowledgements) goes to the job's {@link EventLog}; timers follow
 * {@link #clock}, which only the test moves.
 */
final class RunningTasks implements AutoCloseable {

    /** The tasks' processing time, in milliseconds. */
    final AtomicLong clock = new AtomicLong();

    private final Path work;
    private final EventLog log;
    private final RocksDbResources rocksDb = new RocksDbResources(16L << 20);
    private final ExecutorService uploadThreads;
    /** By the name of each vertex's head operator: subtask 0 first. */
    private final Map<String, List<Task>> tasksOfVertex = new LinkedHashMap<>();
    private final Map<Task, CompletableFuture<String>> ends = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param checkpointing whether the tasks take part in checkpoints (their services have uploads)
     * @param bufferSize the bytes of a buffer on the tasks' channels
     * @param restores the state each vertex's subtasks start from, by the name of its head operator
     */
    RunningTasks(Path work, EventLog log, SpindleJob job, boolean checkpointing, int bufferSize,
                 Map<String, TaskRestore> restores) throws Exception {
        this.work = work;
        this.log = log;
        this.uploadThreads = Executors.newFixedThreadPool(2);
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        CheckpointUploads uploads = null;
        if (checkpointing) {
            Files.createDirectories(work.resolve("checkpoints/shared"));
            uploads = new CheckpointUploads(HadoopSnapshotFiles.forDirectory(
                    work.resolve("checkpoints").toUri().toString(), hadoop),
                    directory -> HadoopSnapshotFiles.forDirectory(directory, hadoop), uploadThreads);
        }
        TaskServices services = new TaskServices("job", 0, new LocalChannels(), rocksDb, work.resolve("state"),
                new HadoopFileAccess(hadoop), clock::get, 5, bufferSize, new Listener(), new Responder(), true,
                checkpointing, uploads, true);
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "1"));
        ExecutionPlan plan = ExecutionPlan.of(JobGraphs.build(job, JobParams.of(Map.of()), configuration));
        for (TaskVertex vertex : plan.vertices()) {
            List<Task> subtasks = new ArrayList<>();
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                Task task = TaskFactory.create(plan, JobGraphs.build(job, JobParams.of(Map.of()), configuration),
                        vertex, subtask, services, restores.get(vertex.head().name()));
                subtasks.add(task);
                ends.put(task, new CompletableFuture<>());
            }
            tasksOfVertex.put(vertex.head().name(), subtasks);
        }
    }

    /** The job's tasks, taking part in checkpoints, with buffers of 32 KiB, starting afresh. */
    static RunningTasks checkpointing(Path work, EventLog log, SpindleJob job) throws Exception {
        return new RunningTasks(work, log, job, true, 32 << 10, Map.of());
    }

    /** The job's tasks without checkpointing, with buffers of 32 KiB, starting afresh. */
    static RunningTasks notCheckpointing(Path work, EventLog log, SpindleJob job) throws Exception {
        return new RunningTasks(work, log, job, false, 32 << 10, Map.of());
    }

    /** Subtask 0 of the vertex whose chain starts with this operator. */
    Task task(String headOperator) {
        return task(headOperator, 0);
    }

    Task task(String headOperator, int subtask) {
        List<Task> subtasks = tasksOfVertex.get(headOperator);
        assertThat(subtasks).as("a vertex headed by %s", headOperator).isNotNull();
        return subtasks.get(subtask);
    }

    List<Task> all() {
        return tasksOfVertex.values().stream().flatMap(List::stream).toList();
    }

    /** Starts every subtask of these vertices, by the names of their head operators. */
    void start(String... headOperators) {
        for (String head : headOperators) {
            for (Task task : tasksOfVertex.get(head)) {
                threads.add(TestThreads.start(task.name(), task));
            }
        }
    }

    void startAll() {
        start(tasksOfVertex.keySet().toArray(String[]::new));
    }

    /** The thread running the task (started before). */
    Thread thread(Task task) {
        return threads.stream().filter(thread -> thread.getName().equals(task.name())).findFirst().orElseThrow();
    }

    /** Completes with "finished", "cancelled" or "failed: cause" when the task ends. */
    CompletableFuture<String> end(Task task) {
        return ends.get(task);
    }

    /** How the task ended, once it has. */
    String awaitEnd(Task task) throws Exception {
        return end(task).get(EventLog.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for the task's acknowledgement of a checkpoint, which says whether its input had ended. */
    void awaitAck(Task task, long checkpointId, boolean inputEnded) throws InterruptedException {
        log.await(task.name() + ": ack " + checkpointId + " inputEnded=" + inputEnded);
    }

    /** What the coordinator does: makes the checkpoint's directory, then asks every source to start it. */
    void trigger(CheckpointBarrier barrier) throws Exception {
        if (barrier.isSavepoint()) {
            Files.createDirectories(Path.of(java.net.URI.create(barrier.savepoint().directory())));
        } else {
            Files.createDirectories(work.resolve("checkpoints/chk-" + barrier.checkpointId()));
        }
        for (Task task : all()) {
            if (task instanceof SourceTask source) {
                source.triggerCheckpoint(barrier);
            }
        }
    }

    /** The barrier of a savepoint with its own directory under the test's. */
    CheckpointBarrier savepoint(long checkpointId, Termination termination) {
        String directory = work.resolve("savepoints/savepoint-" + checkpointId).toUri().toString();
        return CheckpointBarrier.savepoint(checkpointId,
                new SavepointRequest(directory, SavepointFormat.CANONICAL, termination));
    }

    void notifyComplete(long checkpointId) {
        all().forEach(task -> task.notifyCheckpointComplete(checkpointId));
    }

    void notifyAborted(long checkpointId) {
        all().forEach(task -> task.notifyCheckpointAborted(checkpointId));
    }

    /** Cancels the tasks still running and waits until every thread ended, then releases what they shared. */
    @Override
    public void close() throws Exception {
        all().forEach(Task::cancel);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(EventLog.TIMEOUT_SECONDS));
            assertThat(thread.isAlive()).as("%s ended after its cancellation", thread.getName()).isFalse();
        }
        uploadThreads.shutdownNow();
        assertThat(uploadThreads.awaitTermination(EventLog.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        rocksDb.close();
    }

    private final class Listener implements TaskListener {
        @Override
        public void inputEnded(Task task) {
            log.add(task.name() + ": inputEnded");
        }

        @Override
        public void finished(Task task) {
            ended(task, "finished");
        }

        @Override
        public void failed(Task task, Throwable cause) {
            ended(task, "failed: " + cause);
        }

        @Override
        public void cancelled(Task task) {
            ended(task, "cancelled");
        }

        private void ended(Task task, String how) {
            log.add(task.name() + ": " + how);
            ends.get(task).complete(how);
        }
    }

    private final class Responder implements CheckpointResponder {
        @Override
        public void acknowledge(TaskSnapshot snapshot) {
            log.add(snapshot.taskName() + ": ack " + snapshot.checkpointId() + " inputEnded=" + snapshot.inputEnded());
        }

        @Override
        public void decline(String taskName, long checkpointId, Throwable cause) {
            log.add(taskName + ": decline " + checkpointId + " " + cause);
        }
    }
}
