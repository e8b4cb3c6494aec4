package io.spindle.master.checkpoint;

import io.spindle.master.checkpoint.PendingCheckpoint.OperatorInfo;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.TaskSnapshot;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.CompletedCheckpointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointCoordinatorTest {

    private static final long TIMEOUT = 10_000;

    @TempDir
    Path work;

    /** Records what the coordinator tells the tasks. */
    private static final class RecordingTarget implements CheckpointTarget {
        final List<String> events = new ArrayList<>();

        @Override
        public void triggerCheckpoint(CheckpointBarrier barrier) {
            events.add("trigger " + barrier.checkpointId() + (barrier.isSavepoint() ? " savepoint" : ""));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            events.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            events.add("abort " + checkpointId);
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000);
    private final RecordingTarget target = new RecordingTarget();
    private final List<Throwable> jobFailures = new ArrayList<>();
    private CheckpointStorage storage;

    @BeforeEach
    void storage() throws IOException {
        storage = new CheckpointStorage(work.toUri().toString(), "job");
    }

    private CheckpointCoordinator coordinator(int tolerableFailures) throws IOException {
        return new CheckpointCoordinator("job", "test job", storage, CompletedCheckpointStore.recover(storage, 1),
                List.of(new OperatorInfo("source", 0, 2, 128, List.of())), Set.of(new SubtaskId(0, 0), new SubtaskId(0, 1)),
                target, new CheckpointFailureManager(tolerableFailures), TIMEOUT, clock::get, jobFailures::add);
    }

    private static TaskSnapshot ack(int subtask, long checkpointId) {
        return new TaskSnapshot("source (" + (subtask + 1) + "/2)", 0, subtask, checkpointId,
                Map.of("source", Map.of("positions", List.of(new byte[] {(byte) subtask}))), false,
                new CheckpointTimes(0, 0, 0));
    }

    private boolean checkpointDirectoryExists(long checkpointId) {
        return Files.exists(work.resolve("job/chk-" + checkpointId));
    }

    @Test
    void checkpointCompletesWhenEverySubtaskAcknowledgedAndIsPublished() throws IOException {
        CheckpointCoordinator coordinator = coordinator(0);

        long id = coordinator.triggerCheckpoint();
        coordinator.acknowledge(ack(0, id));
        assertThat(storage.latestCompleted()).isEmpty();
        coordinator.acknowledge(ack(1, id));

        CompletedCheckpoint latest = storage.latestCompleted().orElseThrow();
        assertThat(latest.checkpointId()).isEqualTo(1);
        assertThat(latest.metadata().operator("source").orElseThrow().subtasks()).hasSize(2);
        assertThat(target.events).containsExactly("trigger 1", "complete 1");
        assertThat(coordinator.pendingCount()).isZero();
    }

    @Test
    void declinedCheckpointIsAbortedAndLeavesNothing() throws IOException {
        CheckpointCoordinator coordinator = coordinator(1);
        long id = coordinator.triggerCheckpoint();
        coordinator.acknowledge(ack(0, id));

        coordinator.decline("source (2/2)", id, new IllegalStateException("disk full"));

        assertThat(checkpointDirectoryExists(id)).isFalse();
        assertThat(target.events).containsExactly("trigger 1", "abort 1");
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void moreConsecutiveFailuresThanToleratedFailTheJob() throws IOException {
        CheckpointCoordinator coordinator = coordinator(1);

        coordinator.decline("source (1/2)", coordinator.triggerCheckpoint(), new IllegalStateException("first"));
        coordinator.decline("source (1/2)", coordinator.triggerCheckpoint(), new IllegalStateException("second"));

        assertThat(jobFailures).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("exceeded the tolerable checkpoint failures (2 in a row)")
                .hasRootCauseMessage("second"));
    }

    @Test
    void completedCheckpointResetsTheFailureCount() throws IOException {
        CheckpointCoordinator coordinator = coordinator(1);
        coordinator.decline("source (1/2)", coordinator.triggerCheckpoint(), new IllegalStateException("first"));
        long second = coordinator.triggerCheckpoint();
        coordinator.acknowledge(ack(0, second));
        coordinator.acknowledge(ack(1, second));

        coordinator.decline("source (1/2)", coordinator.triggerCheckpoint(), new IllegalStateException("third"));

        assertThat(jobFailures).isEmpty();
    }

    @Test
    void overdueCheckpointExpires() throws IOException {
        CheckpointCoordinator coordinator = coordinator(0);
        long id = coordinator.triggerCheckpoint();
        clock.addAndGet(TIMEOUT + 1);

        coordinator.expireOverdue();

        assertThat(target.events).containsExactly("trigger 1", "abort 1");
        assertThat(checkpointDirectoryExists(id)).isFalse();
        assertThat(jobFailures).singleElement().satisfies(failure -> assertThat(failure).hasMessageContaining("expired"));
    }

    @Test
    void newerCompletedCheckpointSubsumesAnOlderPendingOneWithoutCountingAFailure() throws IOException {
        CheckpointCoordinator coordinator = coordinator(0);
        long first = coordinator.triggerCheckpoint();
        long second = coordinator.triggerCheckpoint();

        coordinator.acknowledge(ack(0, second));
        coordinator.acknowledge(ack(1, second));

        assertThat(target.events).containsExactly("trigger 1", "trigger 2", "abort 1", "complete 2");
        assertThat(checkpointDirectoryExists(first)).isFalse();
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void checkpointIdsContinueAfterANewCoordinatorRecoversTheStore() throws IOException {
        CheckpointCoordinator before = coordinator(0);
        long id = before.triggerCheckpoint();
        before.acknowledge(ack(0, id));
        before.acknowledge(ack(1, id));

        assertThat(coordinator(0).triggerCheckpoint()).isEqualTo(2);
    }

    @Test
    void lateAcknowledgementOfAnAbortedCheckpointIsIgnored() throws IOException {
        CheckpointCoordinator coordinator = coordinator(1);
        long id = coordinator.triggerCheckpoint();
        coordinator.decline("source (1/2)", id, new IllegalStateException("declined"));

        coordinator.acknowledge(ack(1, id));

        assertThat(storage.latestCompleted()).isEmpty();
        assertThat(target.events).containsExactly("trigger 1", "abort 1");
    }

    private String savepoints() {
        return work.resolve("savepoints").toUri().toString();
    }

    @Test
    void savepointIsPublishedInItsOwnDirectoryAndNotRetainedAsACheckpoint() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        coordinator.acknowledge(ack(0, coordinator.triggerCheckpoint()));
        coordinator.acknowledge(ack(1, 1));

        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.NONE);
        coordinator.acknowledge(ack(0, 2));
        coordinator.acknowledge(ack(1, 2));

        CompletedCheckpoint completed = savepoint.get(0, TimeUnit.SECONDS);
        assertThat(completed.savepoint()).isTrue();
        assertThat(Path.of(URI.create(completed.directory())).getParent()).isEqualTo(work.resolve("savepoints"));
        assertThat(Path.of(URI.create(completed.directory())).getFileName().toString()).startsWith("savepoint-job-");
        assertThat(CheckpointStorage.load(completed.directory()).metadata().checkpointId()).isEqualTo(2);
        assertThat(checkpointDirectoryExists(2)).isFalse();
        assertThat(storage.latestCompleted()).hasValueSatisfying(latest -> assertThat(latest.checkpointId()).isEqualTo(1));
    }

    @Test
    void theTasksDoNotHearOfASavepointAfterWhichTheJobRunsOn() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);

        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.NONE);
        coordinator.acknowledge(ack(0, 1));
        coordinator.acknowledge(ack(1, 1));

        assertThat(savepoint).isCompleted();
        // nothing may commit for it: no failover restores from it
        assertThat(target.events).containsExactly("trigger 1 savepoint");
    }

    @Test
    void aSavepointThatStopsTheJobIsWhereAFailoverResumesBeforeTheTasksHearOfIt() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        coordinator.acknowledge(ack(0, coordinator.triggerCheckpoint()));
        coordinator.acknowledge(ack(1, 1));

        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.NATIVE, Termination.STOP);
        coordinator.acknowledge(ack(0, 2));
        coordinator.acknowledge(ack(1, 2));

        assertThat(savepoint).isCompleted();
        assertThat(target.events).containsExactly("trigger 1", "complete 1", "trigger 2 savepoint", "complete 2");
        // recorded in the job's directory, so a new master attempt resumes from it too
        assertThat(CompletedCheckpointStore.recover(storage, 1).latest()).hasValueSatisfying(latest -> {
            assertThat(latest.savepoint()).isTrue();
            assertThat(latest.directory()).isEqualTo(savepoint.join().directory());
        });
    }

    @Test
    void aStopSavepointCompletingBeforeAnOlderPendingCheckpointSubsumesIt() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        long older = coordinator.triggerCheckpoint();
        coordinator.acknowledge(ack(0, older));
        coordinator.triggerSavepoint(savepoints(), SavepointFormat.NATIVE, Termination.STOP);
        coordinator.acknowledge(ack(0, 2));
        coordinator.acknowledge(ack(1, 2));

        // the older checkpoint's last acknowledgement comes after the savepoint entered the store: it is late
        coordinator.acknowledge(ack(1, older));

        assertThat(target.events).containsExactly("trigger 1", "trigger 2 savepoint", "abort 1", "complete 2");
        assertThat(checkpointDirectoryExists(older)).isFalse();
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void abortedSavepointLeavesNoDirectoryFailsItsRequestAndDoesNotCountAsAFailedCheckpoint() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);

        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.NATIVE, Termination.NONE);
        coordinator.decline("source (1/2)", 1, new IllegalStateException("disk full"));

        assertThat(savepoint).isCompletedExceptionally();
        assertThatThrownBy(savepoint::join).hasRootCauseMessage("disk full");
        assertThat(Files.list(work.resolve("savepoints"))).isEmpty();
        assertThat(jobFailures).isEmpty();
        assertThat(target.events).containsExactly("trigger 1 savepoint", "abort 1");
    }

    @Test
    void aCompletingCheckpointDoesNotSubsumeAnOlderPendingSavepoint() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.NONE);
        long checkpoint = coordinator.triggerCheckpoint();

        coordinator.acknowledge(ack(0, checkpoint));
        coordinator.acknowledge(ack(1, checkpoint));
        coordinator.acknowledge(ack(0, 1));
        coordinator.acknowledge(ack(1, 1));

        assertThat(savepoint).isCompleted();
        assertThat(target.events).containsExactly("trigger 1 savepoint", "trigger 2", "complete 2");
    }

    @Test
    void whileAStopWithSavepointIsPendingNoOtherSavepointStarts() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        coordinator.triggerSavepoint(savepoints(), SavepointFormat.CANONICAL, Termination.STOP);

        CompletableFuture<CompletedCheckpoint> second = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.NONE);

        assertThat(coordinator.ending()).isTrue();
        assertThatThrownBy(second::join)
                .hasRootCauseMessage("the job is ending (stopped with a savepoint, or after its final checkpoint)");
    }

    @Test
    void afterTheFinalCheckpointCompletedNoCheckpointStartsUntilANewAttemptRuns() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        long last = coordinator.triggerCheckpoint(true);
        coordinator.acknowledge(ack(0, last));
        coordinator.acknowledge(ack(1, last));

        assertThat(coordinator.triggerCheckpoint()).isEqualTo(-1);
        assertThat(target.events).containsExactly("trigger 1", "complete 1");
        coordinator.resume();
        assertThat(coordinator.triggerCheckpoint()).isEqualTo(2);
    }

    @Test
    void afterAStopWithSavepointCompletedTheJobIsStillBeingStoppedUntilANewAttemptRuns() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        CompletableFuture<CompletedCheckpoint> stop = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.STOP);
        coordinator.acknowledge(ack(0, 1));
        coordinator.acknowledge(ack(1, 1));

        assertThat(stop).isCompleted();
        assertThat(coordinator.ending()).isTrue();
        coordinator.resume();
        assertThat(coordinator.ending()).isFalse();
    }

    @Test
    void suspendedCoordinatorRefusesSavepointsAtOnce() throws Exception {
        CheckpointCoordinator coordinator = coordinator(0);
        coordinator.suspend(CheckpointFailureReason.TASK_FAILURE);

        CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(savepoints(),
                SavepointFormat.CANONICAL, Termination.NONE);

        assertThatThrownBy(savepoint::join).hasRootCauseMessage(
                "the job is not running (it is restarting or ending); try again");
        assertThat(target.events).isEmpty();
    }
}
