package io.spindle.runtime.tasks;

import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.runtime.io.TestThreads;
import io.spindle.runtime.tasks.TestConnectors.EndOfInputHook;
import io.spindle.runtime.tasks.TestConnectors.FedSource;
import io.spindle.runtime.tasks.TestConnectors.TimerAtRecordValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.spindle.runtime.tasks.TestConnectors.recordingSink;
import static org.assertj.core.api.Assertions.assertThat;

/** Tasks that read from channels, built by {@link TaskFactory} from small jobs, behind source tasks that feed them. */
class InputTaskTest {

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

    /** in (at this parallelism) -> rebalance -> tail -> out: the input task is "tail -> out". */
    private SpindleJob rebalanced(int sourceParallelism) {
        return (builder, params) -> builder.source("in", source).parallelism(sourceParallelism)
                .rebalance()
                .process("tail", new EndOfInputHook("tail", log), Codecs.LONG)
                .sink("out", recordingSink("out", log));
    }

    /** in -> keyBy -> timers -> out, every record of one key: the input task is "timers -> out". */
    private SpindleJob keyed() {
        return (builder, params) -> builder.source("in", source)
                .keyBy(i -> 0L, Codecs.LONG)
                .process("timers", new TimerAtRecordValue(log), Codecs.LONG)
                .sink("out", recordingSink("out", log));
    }

    @Test
    void theInputEndsOnceEveryChannelEndedAndTheChainsWorkRunsOnceAndIsReported() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, rebalanced(2));
        Task input = tasks.task("tail");
        tasks.startAll();
        source.endOf(0);
        log.await(tasks.task("in", 0).name() + ": inputEnded");

        // the barrier follows channel 0's end of input: the task has seen it
        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(input, 1, false);
        assertThat(log.contains("tail: endOfInput")).isFalse();

        source.endOf(1);
        log.await(input.name() + ": inputEnded");
        tasks.trigger(CheckpointBarrier.checkpoint(2));
        tasks.awaitAck(input, 2, true);

        assertThat(log.eventsOf("tail: endOfInput", "out: endOfInput", input.name() + ": inputEnded"))
                .containsExactly("tail: endOfInput", "out: endOfInput", input.name() + ": inputEnded");
    }

    @Test
    void withCheckpointingATaskWhoseInputEndedTakesPartInCheckpointsAndEndsOnlyOnceTheFinalOneCompleted()
            throws Exception {
        tasks = RunningTasks.checkpointing(work, log, rebalanced(1));
        Task input = tasks.task("tail");
        tasks.startAll();
        source.offer(1);
        source.end();
        log.await(input.name() + ": inputEnded");

        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(input, 1, true);
        tasks.notifyComplete(1);
        log.await("out: commit 1");
        tasks.trigger(CheckpointBarrier.finalCheckpoint(2));
        tasks.awaitAck(input, 2, true);
        assertThat(tasks.end(input)).as("ended before the final checkpoint completed").isNotDone();

        tasks.notifyComplete(2);

        assertThat(tasks.awaitEnd(input)).isEqualTo("finished");
        assertThat(tasks.awaitEnd(tasks.task("in"))).isEqualTo("finished");
        assertThat(log.eventsOf("out: ")).containsExactly("out: write 1", "out: endOfInput", "out: prepareCommit 1",
                "out: commit 1", "out: prepareCommit 2", "out: commit 2");
    }

    @Test
    void withoutCheckpointingATaskEndsAtTheEndOfItsInputAndItsSinkCommitsAllItWrote() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, rebalanced(1));
        Task input = tasks.task("tail");
        tasks.startAll();

        source.offer(1, 2);
        source.end();

        assertThat(tasks.awaitEnd(input)).isEqualTo("finished");
        assertThat(log.eventsOf("out: ")).containsExactly("out: write 1", "out: write 2", "out: endOfInput",
                "out: prepareCommit " + LAST, "out: commit " + LAST);
        assertThat(log.contains(input.name() + ": inputEnded")).isTrue();
    }

    @Test
    void aTimerFiresOnceTheClockReachesItsTime() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, keyed());
        tasks.startAll();
        source.offer(100);
        log.await("timers: registered 100");

        tasks.clock.set(100);

        log.await("out: write 100");
        assertThat(log.eventsOf("timers: ")).containsExactly("timers: registered 100", "timers: fired 100");
    }

    @Test
    void noTimerFiresAfterTheBarrierOfAStop() throws Exception {
        tasks = RunningTasks.checkpointing(work, log, keyed());
        Task keyed = tasks.task("timers");
        tasks.startAll();
        source.offer(100);
        log.await("timers: registered 100");
        tasks.trigger(CheckpointBarrier.checkpoint(1));
        tasks.awaitAck(keyed, 1, false);
        tasks.trigger(tasks.savepoint(2, Termination.STOP));
        tasks.awaitAck(keyed, 2, false);

        tasks.clock.set(1_000);
        // a notice the task handles between records, right before it looks for due timers
        tasks.notifyComplete(1);
        log.await("out: commit 1");
        tasks.notifyComplete(2);

        assertThat(tasks.awaitEnd(keyed)).isEqualTo("finished");
        assertThat(log.eventsOf("timers: ")).containsExactly("timers: registered 100");
        assertThat(log.eventsOf("out: ")).containsExactly("out: prepareCommit 1", "out: prepareCommit 2",
                "out: commit 1", "out: commit 2");
    }

    @Test
    void aTaskRestoredWithItsInputEndedPassesTheEndOnWithoutDoingItsEndOfInputWorkAgain() throws Exception {
        tasks = new RunningTasks(work, log, (builder, params) -> builder.source("in", source)
                .rebalance()
                .process("middle", new EndOfInputHook("middle", log), Codecs.LONG)
                .rebalance()
                .sink("out", recordingSink("out", log)), false, 32 << 10,
                Map.of("middle", SourceTaskTest.restoredWithInputEnded()));
        Task restored = tasks.task("middle");
        tasks.startAll();

        source.end();

        assertThat(tasks.awaitEnd(restored)).isEqualTo("finished");
        assertThat(tasks.awaitEnd(tasks.task("out"))).isEqualTo("finished");
        assertThat(log.contains("middle: endOfInput")).isFalse();
        assertThat(log.contains(restored.name() + ": inputEnded")).isTrue();
        assertThat(log.eventsOf("out: ")).containsExactly("out: endOfInput", "out: prepareCommit " + LAST,
                "out: commit " + LAST);
    }

    @Test
    void aCancelledTaskWaitingForInputEndsAsCancelled() throws Exception {
        tasks = RunningTasks.notCheckpointing(work, log, rebalanced(1));
        Task input = tasks.task("tail");
        tasks.start("tail");
        TestThreads.awaitParked(tasks.thread(input), () -> true, "the task waiting for input");

        input.cancel();

        assertThat(tasks.awaitEnd(input)).isEqualTo("cancelled");
    }
}
