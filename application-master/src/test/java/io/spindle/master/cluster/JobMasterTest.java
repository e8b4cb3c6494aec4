package io.spindle.master.cluster;

import io.spindle.api.JobParams;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.cluster.WorkerConnections.RegisteredWorker;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.ControlMessage.CancelAttempt;
import io.spindle.protocol.control.ControlMessage.CheckpointAborted;
import io.spindle.protocol.control.ControlMessage.CheckpointComplete;
import io.spindle.protocol.control.ControlMessage.Deploy;
import io.spindle.protocol.control.ControlMessage.TaskEnded;
import io.spindle.protocol.control.ControlMessage.TaskOutcome;
import io.spindle.protocol.control.ControlMessage.TriggerCheckpoint;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.Event;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.protocol.status.StatusDocument.Waiting;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's course against workers the test plays: a recording pool, connections that record what the master sends,
 * and a loop whose clock moves only when the test says, so every step runs in milliseconds and in a known order.
 */
class JobMasterTest {

    private static final String JOB_ID = "application_1700000000000_0007";
    private static final long INTERVAL = 1_000;
    private static final long BACKOFF = 100;
    private static final CheckpointTimes TIMES = new CheckpointTimes(3, 1, 20);

    @TempDir
    Path work;

    private final ManualEventLoop loop = new ManualEventLoop();
    private final RecordingWorkerPool pool = new RecordingWorkerPool();
    private final Map<String, RecordingConnection> workers = new HashMap<>();
    private JobMaster master;
    private CompletableFuture<JobEnd> end;

    /** Starts a job of two subtasks on two workers of one slot each, with these settings over the defaults. */
    private void startJob(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", INTERVAL + " ms",
                "execution.checkpointing.dir", checkpoints(),
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "2",
                "restart-strategy.fixed-delay.delay", BACKOFF + " ms"));
        all.putAll(settings);
        Configuration configuration = Configuration.fromMap(all);
        ExecutionPlan plan = ExecutionPlan.of(JobGraphs.build((builder, params) -> builder
                .source("generator", Sources.generator(10, i -> i, Codecs.LONG))
                .sink("out", Sinks.discard()), JobParams.of(Map.of()), configuration));
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        master = new JobMaster(JOB_ID, 1, plan, hadoop, new WorkerSpec(512, 1), 1, loop, new Random(7),
                JobCheckpointing.factory(configuration, hadoop, plan, JOB_ID, 1));
        end = master.start(pool, id -> WorkerLaunch.of("Worker"));
        loop.runUntilIdle();
    }

    private String checkpoints() {
        return work.resolve("checkpoints").toUri().toString();
    }

    /** The pool grants both workers, which connect; the master deploys attempt 0. */
    private void grantAndConnectWorkers() {
        for (String id : List.of("w1", "w2")) {
            master.workerAllocated(new WorkerId(id), "host", "");
            loop.runUntilIdle();
            RecordingConnection connection = new RecordingConnection();
            workers.put(id, connection);
            master.workerConnected(new RegisteredWorker(id, "host", 4000, connection));
            loop.runUntilIdle();
        }
    }

    /** Both subtasks acknowledge checkpoint n of attempt {@code attempt}. */
    private void acknowledge(int attempt, long checkpointId, int... subtasks) {
        for (int subtask : subtasks) {
            master.messageReceived(subtask == 0 ? "w1" : "w2", new ControlMessage.Acknowledge(attempt,
                    SubtaskStates.snapshotBytes(new TaskSnapshot("generator -> out (" + (subtask + 1) + "/2)", 0,
                            subtask, checkpointId, Map.of("generator", Map.of("generator-positions", List.of())),
                            false, TIMES)), TIMES));
        }
        loop.runUntilIdle();
    }

    private void taskFails(int attempt) {
        master.messageReceived("w1", new TaskEnded(attempt, 0, 0, TaskOutcome.FAILED, "operator 'out' threw boom"));
        loop.runUntilIdle();
    }

    /** The status document, taken on the loop this thread runs. */
    private StatusDocument status() {
        CompletableFuture<StatusDocument> status = CompletableFuture.supplyAsync(master::status);
        while (!status.isDone()) {
            loop.runUntilIdle();
            Thread.onSpinWait();
        }
        return status.join();
    }

    private List<String> messages(EventKind kind) {
        return status().events().stream().filter(event -> event.kind() == kind).map(Event::message).toList();
    }

    private <T extends ControlMessage> List<T> sentTo(String worker, Class<T> type) {
        return workers.get(worker).sent(type);
    }

    @Test
    void itAsksTheFirstWorkersAndDeploysOneSubtaskToEachOnceBothConnected() {
        startJob(Map.of());

        grantAndConnectWorkers();

        assertThat(pool.calls).containsExactly("request 2", "launch w1", "launch w2");
        assertThat(sentTo("w1", Deploy.class)).singleElement().satisfies(deploy -> {
            assertThat(deploy.attempt()).isZero();
            assertThat(deploy.tasks()).extracting(ControlMessage.TaskDeployment::subtask).containsExactly(0);
            assertThat(deploy.restoreDirectory()).isEmpty();
        });
        assertThat(sentTo("w2", Deploy.class).get(0).tasks())
                .extracting(ControlMessage.TaskDeployment::subtask).containsExactly(1);
    }

    @Test
    void aFailedTaskCancelsTheAttemptAndAfterTheBackoffRedeploysFromTheNewestCheckpoint() {
        startJob(Map.of());
        grantAndConnectWorkers();
        loop.advance(INTERVAL);
        acknowledge(0, 1, 0, 1);
        assertThat(sentTo("w1", CheckpointComplete.class)).extracting(CheckpointComplete::checkpointId)
                .containsExactly(1L);

        taskFails(0);

        assertThat(sentTo("w1", CancelAttempt.class)).containsExactly(new CancelAttempt(0));
        assertThat(sentTo("w1", Deploy.class)).hasSize(1);
        loop.advance(BACKOFF);
        assertThat(sentTo("w1", Deploy.class)).hasSize(2).last().satisfies(deploy -> {
            assertThat(deploy.attempt()).isEqualTo(1);
            assertThat(deploy.restoreDirectory()).endsWith("/" + JOB_ID);
            assertThat(deploy.restoreFromOwnCheckpoint()).isTrue();
            assertThat(deploy.tasks().get(0).restore()).isNotEmpty();
        });
        assertThat(end).isNotDone();
    }

    @Test
    void aFailureTheRestartPolicyAllowsNoMoreFailsTheJobNamingTheCause() throws Exception {
        startJob(Map.of("restart-strategy.fixed-delay.attempts", "1"));
        grantAndConnectWorkers();

        taskFails(0);
        loop.advance(BACKOFF);
        taskFails(1);
        assertThat(sentTo("w1", ControlMessage.Shutdown.class)).hasSize(1);
        assertThat(end).as("ends once its workers are gone").isNotDone();
        workersLeave();

        assertThat(end).isDone();
        assertThat(end.get().status()).isEqualTo(FinalStatus.FAILED);
        assertThat(end.get().diagnostics()).isEqualTo("job failed: task generator -> out (1/2) failed: operator 'out' "
                + "threw boom (the restart policy allows no more restarts)");
    }

    @Test
    void aJobThatEndedCleansItsCheckpointsUpOnlyOnceItsWorkersAreGone() {
        startJob(Map.of());
        grantAndConnectWorkers();
        loop.advance(INTERVAL);
        acknowledge(0, 1, 0, 1);
        Path checkpoint = work.resolve("checkpoints").resolve(JOB_ID).resolve("chk-1");

        master.cancel();
        loop.runUntilIdle();

        assertThat(checkpoint).exists();
        workersLeave();
        assertThat(checkpoint).doesNotExist();
        assertThat(end).isDone();
    }

    /** The workers, told to shut down, are gone. */
    private void workersLeave() {
        for (String worker : workers.keySet()) {
            master.workerDisconnected(worker, "control connection closed");
        }
        loop.runUntilIdle();
    }

    @Test
    void aWorkerLostDuringACheckpointAbortsItAndTheJobFailsOverWithoutIt() throws IOException {
        startJob(Map.of());
        grantAndConnectWorkers();
        loop.advance(INTERVAL);
        assertThat(sentTo("w1", TriggerCheckpoint.class)).hasSize(1);
        acknowledge(0, 1, 0);

        master.workerDisconnected("w2", "no heartbeat for 10000 ms");
        loop.runUntilIdle();

        assertThat(sentTo("w1", CheckpointAborted.class)).extracting(CheckpointAborted::checkpointId)
                .containsExactly(1L);
        assertThat(sentTo("w1", CancelAttempt.class)).containsExactly(new CancelAttempt(0));
        assertThat(pool.calls).contains("release w2");
        assertThat(Files.exists(work.resolve("checkpoints").resolve(JOB_ID).resolve("chk-1"))).isFalse();
        master.workerCompleted(new WorkerId("w2"), 137, "killed");
        loop.runUntilIdle();
        assertThat(pool.calls).endsWith("release w2", "request 1");
    }

    @Test
    void aSavepointRequestedWhileTheJobRestartsFailsAtOnceSayingWhy() {
        startJob(Map.of());
        grantAndConnectWorkers();
        taskFails(0);

        CompletableFuture<String> savepoint = master.requestSavepoint(work.resolve("savepoints").toUri().toString(),
                SavepointFormat.CANONICAL, Termination.NONE).path();
        loop.runUntilIdle();

        assertThat(savepoint).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                .withMessage("the job is restarting, not running");
        loop.advance(BACKOFF);
        assertThat(sentTo("w1", Deploy.class)).hasSize(2);
    }

    /**
     * A checkpoint completes while a savepoint is still pending (so the next one must wait), then the savepoint
     * completes: the tasks do not hear of a savepoint, yet periodic checkpoints go on.
     */
    @Test
    void periodicCheckpointsGoOnAfterASavepointThatOutlivedACheckpoint() {
        startJob(Map.of());
        grantAndConnectWorkers();
        loop.advance(INTERVAL);
        CompletableFuture<String> savepoint = master.requestSavepoint(work.resolve("savepoints").toUri().toString(),
                SavepointFormat.CANONICAL, Termination.NONE).path();
        loop.runUntilIdle();
        acknowledge(0, 1, 0, 1);
        acknowledge(0, 2, 0, 1);
        assertThat(savepoint).isCompleted();

        loop.advance(INTERVAL);

        assertThat(sentTo("w1", TriggerCheckpoint.class)).extracting(trigger -> trigger.barrier().checkpointId())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aWorkerTheClusterDoesNotGrantIsReportedWithTheClustersHeadroomInTheEventsAndTheStatus() {
        pool.headroom = new Headroom(768, Optional.of("default"));
        startJob(Map.of());
        master.workerAllocated(new WorkerId("w1"), "host", "");

        loop.advance(5_000);

        String waiting = "waiting for 1 of 2 workers of 512 MiB for 5 s; the cluster has 768 MiB free in queue default";
        assertThat(messages(EventKind.WAITING)).containsExactly(waiting);
        assertThat(status().waiting()).map(Waiting::message).hasValue(waiting);
    }

    @Test
    void workersGrantedWithinTheFirstSecondsEndTheWaitUnreported() {
        startJob(Map.of("slot.request.timeout", "20 s"));
        loop.advance(1_000);

        grantAndConnectWorkers();
        loop.advance(20_000);

        assertThat(messages(EventKind.WAITING)).isEmpty();
        assertThat(status().waiting()).isEmpty();
        assertThat(status().restarts()).isZero();
    }

    @Test
    void aWaitBeyondTheSlotRequestTimeoutFailsTheAttemptAndTheRestartWaitsAnew() {
        startJob(Map.of("slot.request.timeout", "20 s"));
        master.workerAllocated(new WorkerId("w1"), "host", "");

        loop.advance(20_000);

        assertThat(messages(EventKind.RESTARTING)).containsExactly("restart 1 in 100 ms after: slot.request.timeout "
                + "(20 s) passed: waiting for 1 of 2 workers of 512 MiB for 20 s");
        assertThat(status().waiting()).map(Waiting::waitedMillis).hasValue(0L);
        assertThat(pool.calls).as("the request still stands").containsExactly("request 2", "launch w1");
    }

    @Test
    void aWaitBeyondTheSlotRequestTimeoutWithNoRestartLeftFailsTheJobWithWhatItWaitedFor() throws Exception {
        startJob(Map.of("slot.request.timeout", "20 s", "restart-strategy.type", "none"));

        loop.advance(20_000);

        assertThat(end).isDone();
        assertThat(end.get().diagnostics()).isEqualTo("job failed: slot.request.timeout (20 s) passed: waiting for 2 "
                + "of 2 workers of 512 MiB for 20 s (the restart policy allows no more restarts)");
        assertThat(status().waiting()).isEmpty();
    }

    /**
     * The ResourceManager asks an attempt it has replaced to shut down: the checkpoints in the job's directory are
     * the new attempt's, so this one leaves them as they are and reports no final status.
     */
    @Test
    void aShutdownRequestEndsTheAttemptAndLeavesTheCheckpointsOfTheJob() throws Exception {
        startJob(Map.of());
        Path newerCheckpoint = publishCheckpoint(7);
        Path sharedFile = Files.writeString(work.resolve("checkpoints").resolve(JOB_ID).resolve("shared")
                .resolve("0123-000009.sst"), "sst");

        master.shutdownRequested();
        loop.runUntilIdle();

        assertThat(end).isDone();
        assertThat(end.get().abandoned()).isTrue();
        assertThat(newerCheckpoint).exists();
        assertThat(sharedFile).exists();
    }

    /** Checkpoint n of the job, published as a newer master attempt would. */
    private Path publishCheckpoint(long checkpointId) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(checkpoints(), JOB_ID);
        storage.initializeLocation(checkpointId);
        storage.finalizeCheckpoint(new CheckpointMetadata(JOB_ID, "job", checkpointId, 0, null, List.of()));
        return work.resolve("checkpoints").resolve(JOB_ID).resolve("chk-" + checkpointId).resolve("_metadata");
    }
}
