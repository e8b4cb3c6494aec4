package io.spindle.runtime.tasks;

import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.runtime.io.TestThreads;
import io.spindle.runtime.tasks.TestConnectors.EndOfInputHook;
import io.spindle.runtime.tasks.TestConnectors.FedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.spindle.runtime.tasks.TestConnectors.recordingSink;
import static org.assertj.core.api.Assertions.assertThat;

/** Source tasks built by {@link TaskFactory} from small jobs, run over in-memory channels. */
class SourceTaskTest {

    /** The checkpoint id of the commit a task makes at the end of its input when nothing checkpoints. */
    private static final long LAST = Long.MAX_VALUE;

    @TempDir
    Path work;

    private final EventLog log = new EventLog();
    private final FedSource source = new FedSource("in", log);
    private RunningTasks tasks;

    @AfterEach
    void stopTasks() throws Exception {
        if (tasks != null) {
            tasks.close();
        }
    }

    /** in -> tail -> out, all in one task. */
    private SpindleJob chained() {
        return (builder, params) -> builder.source("in", source)
                .process("tail", new EndOfInputHook("tail", log), Codecs.LONG)
                .sink("out", recordingSink("out", log));
    }

    /** in -> tail, then out in a task of its own. */
    private SpindleJob split() {
        return (builder, params) -> builder.source("in", source)
                .process("tail", new EndOfInputHook("tail", log), Codecs.LONG)
                .rebalance()
                .sink("out", recordingSink("out", log));
    }

    /** The state of a subtask taken after its end-of-input work. */
    static TaskRestore restoredWithInputEnded() {
        return new TaskRestore(Map.of(), List.of(), null, false, true);
    }

    @Test
    void theChainsEndOfInputWorkRunsOnceWhenTheInputEndsAndIsReportedAfterIt() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        source.offer(1);
        source.end();
        log.await(task.name() + ": inputEnded");

        // a drain ends the input first: not again
        tasks.trigger(tasks.savepoint(1, Termination.DRAIN));
        tasks.awaitAck(task, 1, true);
        tasks.notifyComplete(1);

        assertThat(tasks.awaitEnd(task)).isEqualTo("finished");
        assertThat(log.eventsOf("out: write", "tail: endOfInput", "out: endOfInput", task.name() + ": inputEnded"))
                .containsExactly("out: write 1", "tail: endOfInput", "out: endOfInput", task.name() + ": inputEnded");
    }

    @Test
    void withCheckpointingATaskWhoseInputEndedTakesPartInCheckpointsAndEndsOnlyOnceTheFinalOneCompleted()
            throws Exception {
        tasks = RunningTasks.checkpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        source.offer(1);
        source.end();
        log.await(task.name() + ": inputEnded");

        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(task, 1, true);
        tasks.notifyComplete(1);
        log.await("out: commit 1");
        // handled after that completion: had it ended the task, nothing would acknowledge this
        tasks.trigger(CheckpointBarrier.finalCheckpoint(2));
        tasks.awaitAck(task, 2, true);
        assertThat(tasks.end(task)).as("ended before the final checkpoint completed").isNotDone();

        tasks.notifyComplete(2);

        assertThat(tasks.awaitEnd(task)).isEqualTo("finished");
        assertThat(log.eventsOf("out: commit", task.name() + ": finished"))
                .containsExactly("out: commit 1", "out: commit 2", task.name() + ": finished");
    }

    @Test
    void theReaderSnapshotsForACheckpointAndHearsOfItsCompletionBeforeTheSinkCommits() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        source.offer(1);
        log.await("out: write 1");

        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(task, 1, false);
        tasks.notifyComplete(1);
        log.await("out: commit 1");

        assertThat(log.eventsOf("in 0: snapshotState", "in 0: checkpointComplete", "out: commit"))
                .containsExactly("in 0: snapshotState 1", "in 0: checkpointComplete 1", "out: commit 1");
    }

    @Test
    void withoutCheckpointingATaskEndsAtTheEndOfItsInputAndItsSinkCommitsAllItWrote() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();

        source.offer(1, 2);
        source.end();

        assertThat(tasks.awaitEnd(task)).isEqualTo("finished");
        assertThat(log.eventsOf("out: ", "tail: ")).containsExactly("out: write 1", "out: write 2",
                "tail: endOfInput", "out: endOfInput", "out: prepareCommit " + LAST, "out: commit " + LAST);
        assertThat(log.contains(task.name() + ": inputEnded")).isTrue();
    }

    @Test
    void aStopSavepointEndsTheTaskOnceCompletedWithoutEndingItsInput() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        source.offer(1);
        log.await("out: write 1");

        tasks.trigger(tasks.savepoint(1, Termination.STOP));
        tasks.awaitAck(task, 1, false);
        tasks.notifyComplete(1);

        assertThat(tasks.awaitEnd(task)).isEqualTo("finished");
        assertThat(log.eventsOf("out: ", "tail: ")).containsExactly("out: write 1", "out: prepareCommit 1",
                "out: commit 1");
        assertThat(log.contains(task.name() + ": inputEnded")).isFalse();
    }

    @Test
    void anAbortedStopSavepointLetsTheSourceReadOn() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(task, 1, false);
        tasks.trigger(tasks.savepoint(2, Termination.STOP));
        tasks.awaitAck(task, 2, false);
        source.offer(7);
        // a notice the task handles between two polls: it polled nothing while the stop was pending
        tasks.notifyComplete(1);
        log.await("out: commit 1");
        assertThat(log.contains("out: write 7")).isFalse();

        tasks.notifyAborted(2);

        log.await("out: write 7");
        assertThat(tasks.end(task)).isNotDone();
    }

    @Test
    void aSourceRestoredWithItsInputEndedPassesTheEndDownstreamWithoutDoingItsEndOfInputWorkAgain()
            throws Exception {
        tasks = new RunningTasks(work, log, split(), false, 32 << 10, Map.of("in", restoredWithInputEnded()));
        Task restored = tasks.task("in");
        tasks.startAll();

        assertThat(tasks.awaitEnd(restored)).isEqualTo("finished");
        assertThat(tasks.awaitEnd(tasks.task("out"))).isEqualTo("finished");
        assertThat(log.contains("tail: endOfInput")).isFalse();
        assertThat(log.contains(restored.name() + ": inputEnded")).isTrue();
        assertThat(log.eventsOf("out: ")).containsExactly("out: endOfInput", "out: prepareCommit " + LAST,
                "out: commit " + LAST);
    }

    @Test
    void aCancelledSourceEndsAsCancelled() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, chained());
        Task task = tasks.task("in");
        tasks.startAll();
        log.await("in 0: reading");

        task.cancel();

        assertThat(tasks.awaitEnd(task)).isEqualTo("cancelled");
    }

    @Test
    void aCancelledTaskClosesTheWritersOfItsSinks() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, (builder, params) -> builder.source("in", source)
                .sink("out", context -> new SinkWriter<Long>() {
                    @Override
                    public void write(Long value) {
                    }

                    @Override
                    public void close() {
                        log.add("out: close");
                    }
                }));
        Task task = tasks.task("in");
        tasks.startAll();
        log.await("in 0: reading");

        task.cancel();

        assertThat(tasks.awaitEnd(task)).isEqualTo("cancelled");
        assertThat(log.contains("out: close")).as("the sink writer was closed").isTrue();
    }

    @Test
    void aSourceBlockedByBackpressureEndsAsCancelledWhenCancelled() throws Exception {
        // buffers of 64 bytes: a few records fill the four buffers a channel holds
        tasks = new RunningTasks(work, log, split(), false, 64, Map.of());
        Task task = tasks.task("in");
        tasks.start("in");
        for (long i = 0; i < 1_000; i++) {
            source.offer(i);
        }
        Thread thread = tasks.thread(task);
        TestThreads.awaitParked(thread, () -> thread.getState() == Thread.State.WAITING,
                "the source blocked in a send, as nothing reads its output");

        task.cancel();

        assertThat(tasks.awaitEnd(task)).isEqualTo("cancelled");
    }

    @Test
    void aSourceWhoseReaderWaitsInItsPollEndsAsCancelledWhenCancelled() throws Exception {
        FedSource waiting = new FedSource("in", log, true);
        tasks = RunningTasks.notCheckpointing(work, log, (builder, params) -> builder.source("in", waiting)
                .sink("out", recordingSink("out", log)));
        Task task = tasks.task("in");
        tasks.startAll();
        Thread thread = tasks.thread(task);
        TestThreads.awaitParked(thread, () -> thread.getState() == Thread.State.WAITING, "the reader waiting");

        task.cancel();

        assertThat(tasks.awaitEnd(task)).isEqualTo("cancelled");
    }
}
