package io.spindle.runtime.checkpoint;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.runtime.local.LocalChannels;
import io.spindle.runtime.tasks.SourceTask;
import io.spindle.runtime.tasks.Task;
import io.spindle.runtime.tasks.TaskFactory;
import io.spindle.runtime.tasks.TaskListener;
import io.spindle.runtime.tasks.TaskServices;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbResources;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointBarrierFlowTest {

    private static final int CHECKPOINTS = 5;

    @TempDir
    Path work;

    /** Records which checkpoints each task acknowledged, in arrival order. */
    private static final class RecordingResponder implements CheckpointResponder {
        final Map<String, List<Long>> acknowledged = new ConcurrentHashMap<>();
        final List<Throwable> declines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void acknowledge(TaskSnapshot snapshot) {
            acknowledged.computeIfAbsent(snapshot.taskName(), name -> Collections.synchronizedList(new ArrayList<>()))
                    .add(snapshot.checkpointId());
        }

        @Override
        public void decline(String taskName, long checkpointId, Throwable cause) {
            declines.add(cause);
        }

        void awaitAcknowledgements(long checkpointId, int tasks) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.values().stream().filter(ids -> ids.contains(checkpointId)).count() < tasks) {
                assertThat(System.nanoTime()).as("acknowledgements of checkpoint %s", checkpointId).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    /** What the coordinator does before it triggers: uploads go into existing directories only. */
    private void trigger(List<Task> tasks, CheckpointBarrier barrier) throws Exception {
        Files.createDirectories(work.resolve("checkpoints/chk-" + barrier.checkpointId()));
        for (Task task : tasks) {
            if (task instanceof SourceTask source) {
                source.triggerCheckpoint(barrier);
            }
        }
    }

    @ParameterizedTest(name = "exactly once: {0}")
    @ValueSource(booleans = {true, false})
    void everyTaskAcknowledgesEveryCheckpointOnce(boolean exactlyOnce) throws Exception {
        // The keyed task's acknowledgements come from upload threads, after its RocksDB files are uploaded.
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(30_000, i -> i, Codecs.LONG, 10_000))
                .keyBy(i -> i % 10, Codecs.LONG)
                .reduce("sum", Long::sum)
                .rebalance()
                .sink("out", Sinks.discard());
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "2"));
        ExecutionPlan plan = ExecutionPlan.of(JobGraphs.build(job, JobParams.of(Map.of()), configuration));
        RecordingResponder responder = new RecordingResponder();
        CountDownLatch ended = new CountDownLatch(plan.totalSubtasks());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inputEnded = new CountDownLatch(plan.totalSubtasks());
        TaskListener listener = new TaskListener() {
            @Override
            public void inputEnded(Task task) {
                inputEnded.countDown();
            }

            @Override
            public void finished(Task task) {
                ended.countDown();
            }

            @Override
            public void failed(Task task, Throwable cause) {
                failures.add(cause);
                ended.countDown();
            }

            @Override
            public void cancelled(Task task) {
                ended.countDown();
            }
        };
        List<Task> tasks = new ArrayList<>();
        ExecutorService uploadThreads = Executors.newFixedThreadPool(2);
        try (RocksDbResources rocksDb = new RocksDbResources(16L << 20)) {
            org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
            CheckpointUploads uploads = new CheckpointUploads(HadoopSnapshotFiles.forDirectory(
                    work.resolve("checkpoints").toUri().toString(), hadoop),
                    directory -> HadoopSnapshotFiles.forDirectory(directory, hadoop), uploadThreads);
            TaskServices services = new TaskServices("job", 0, new LocalChannels(), rocksDb, work.resolve("state"),
                    new HadoopFileAccess(hadoop), System::currentTimeMillis, 10, 32 * 1024, listener, responder,
                    exactlyOnce, true, uploads, true);
            for (TaskVertex vertex : plan.vertices()) {
                for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                    tasks.add(TaskFactory.create(plan, JobGraphs.build(job, JobParams.of(Map.of()), configuration),
                            vertex, subtask, services, null));
                }
            }
            tasks.forEach(task -> new Thread(task, task.name()).start());
            Files.createDirectories(work.resolve("checkpoints/shared"));
            for (long checkpoint = 1; checkpoint < CHECKPOINTS; checkpoint++) {
                Thread.sleep(100);
                trigger(tasks, CheckpointBarrier.checkpoint(checkpoint));
            }
            // the tasks end only after the final checkpoint, taken once every task's input ended, completed
            assertThat(inputEnded.await(60, TimeUnit.SECONDS)).isTrue();
            trigger(tasks, CheckpointBarrier.finalCheckpoint(CHECKPOINTS));
            responder.awaitAcknowledgements(CHECKPOINTS, tasks.size());
            tasks.forEach(task -> task.notifyCheckpointComplete(CHECKPOINTS));
            assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            tasks.forEach(Task::cancel);
            uploadThreads.shutdown();
            assertThat(uploadThreads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(failures).isEmpty();
        assertThat(responder.declines).isEmpty();
        List<Long> all = LongStream.rangeClosed(1, CHECKPOINTS).boxed().toList();
        assertThat(responder.acknowledged).hasSize(tasks.size());
        responder.acknowledged.forEach((task, ids) -> {
            if (task.startsWith("sum")) {
                // two upload threads: a checkpoint whose files upload faster may be acknowledged before the one before
                assertThat(ids).as(task).containsExactlyInAnyOrderElementsOf(all);
            } else {
                // acknowledged by the task thread as the barriers pass it
                assertThat(ids).as(task).containsExactlyElementsOf(all);
            }
        });
    }
}
