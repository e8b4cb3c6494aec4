package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.core.config.Configuration;
import io.spindle.examples.OutputFiles;
import io.spindle.examples.Sequence;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints and side effects, in the local executor with no periodic checkpoint in the way (interval one hour):
 * a savepoint after which the job runs on commits nothing; a stop commits exactly its savepoint, after which
 * nothing runs; a drain ends the input before the savepoint; a failure after the stop resumes from its savepoint.
 */
class StopWithSavepointTest {

    private static final long RECORDS = 40_000;

    @TempDir
    Path work;

    private Configuration configuration() {
        return Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "1 h",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));
    }

    @Test
    void aSavepointAfterWhichTheJobRunsOnCommitsNothing() throws Exception {
        // never ends by itself: neither the savepoint nor the stop can come after the end of the input
        LocalJob job = start((builder, params) -> builder
                .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 10_000))
                .sink("out", new RecordingSink<>("intermediate", 0)));
        LocalJobs.awaitRecords(job, "out", 5_000);

        long savepoint = id(job.triggerSavepoint(null, SavepointFormat.CANONICAL).get(60, TimeUnit.SECONDS));
        long stop = id(job.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS));
        LocalJobs.await(job);

        for (int subtask = 0; subtask < 2; subtask++) {
            List<String> events = RecordingSink.events("intermediate", subtask, 0);
            assertThat(events).contains("prepareCommit " + savepoint, "commit " + stop)
                    .doesNotContain("commit " + savepoint);
        }
    }

    @Test
    void noTimerFiresAfterTheBarrierOfAStop() throws Exception {
        LocalJob job = start((builder, params) -> builder
                .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 2_000))
                .keyBy(i -> i % 8, Codecs.LONG)
                .process("delay", new EmitOnTimer(), Codecs.LONG)
                .sink("out", new RecordingSink<>("timers", 300)));
        LocalJobs.awaitRecords(job, "out", 100);

        long stop = id(job.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS));
        LocalJobs.await(job);

        for (int subtask = 0; subtask < 2; subtask++) {
            List<String> events = RecordingSink.events("timers", subtask, 0);
            assertThat(events.subList(events.indexOf("prepareCommit " + stop), events.size()))
                    .containsExactly("prepareCommit " + stop, "commit " + stop);
        }
    }

    @Test
    void aDrainEndsTheInputBeforeTheSavepointSoTheSavepointHoldsWhatTheEndOfInputWrote() throws Exception {
        LocalJob job = start((builder, params) -> builder
                .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 10_000))
                .keyBy(i -> i % 8, Codecs.LONG)
                .process("count", new EmitAtEndOfInput(), Codecs.LONG)
                .sink("out", new RecordingSink<>("drain", 0)));
        LocalJobs.awaitRecords(job, "count", 1_000);

        long drain = id(job.stopWithSavepoint(null, SavepointFormat.CANONICAL, true).get(60, TimeUnit.SECONDS));
        LocalJobs.await(job);

        for (int subtask = 0; subtask < 2; subtask++) {
            assertThat(RecordingSink.events("drain", subtask, 0)).as("subtask %s", subtask)
                    .endsWith("write", "endOfInput", "prepareCommit " + drain, "commit " + drain);
        }
    }

    @Test
    void aFailureAfterTheStopSavepointCompletedResumesFromItNotFromTheStart() throws Exception {
        Path output = work.resolve("lines");
        // bounded, so that the resumed job ends by itself; 5 s of input, so that the stop comes well before its end
        LocalJob job = start((builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, 8_000))
                .sink("lines", FailingCommit.ofSubtaskZero(Sinks.textFiles(output.toString()))));
        LocalJobs.awaitRecords(job, "lines", 1_000);

        job.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        JobResult result = LocalJobs.await(job);

        // subtask 0 failed committing the stop's savepoint: the job resumed from that savepoint and ran to its end
        assertThat(result.restarts()).isEqualTo(1);
        assertThat(result.recordsIn().get("lines")).as("records written, over both attempts").isEqualTo(RECORDS);
        assertThat(Sequence.problems(OutputFiles.numbers(output), RECORDS)).isEmpty();
    }

    @Test
    void aJobWithoutPeriodicCheckpointsStopsWithASavepointThatARestoreResumesFrom() throws Exception {
        Path output = work.resolve("no-interval");
        Configuration withoutInterval = Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString()));
        // 10 s of input, stopped after a twentieth of it; the restored run goes at full speed
        LocalJob job = new LocalExecutor(withoutInterval).start(sequenceInto(output, 4_000), JobParams.of(Map.of()));
        LocalJobs.awaitRecords(job, "lines", RECORDS / 20);

        String savepoint = job.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(job);
        Configuration restoring = withoutInterval.copy().set("execution.state-recovery.path", savepoint, null);
        JobResult restored = LocalJobs.execute(new LocalExecutor(restoring), sequenceInto(output, 0),
                JobParams.of(Map.of()));

        assertThat(restored.recordsIn().get("lines")).isBetween(1L, RECORDS - 1);
        assertThat(Sequence.problems(OutputFiles.numbers(output), RECORDS)).isEmpty();
    }

    /** Record i as line i, at most {@code rate} records a second (0: no limit). */
    private static SpindleJob sequenceInto(Path output, double rate) {
        return (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, rate))
                .sink("lines", Sinks.textFiles(output.toString()));
    }

    private LocalJob start(SpindleJob job) {
        return new LocalExecutor(configuration()).start(job, JobParams.of(Map.of()));
    }

    private static long id(String savepoint) throws Exception {
        return CheckpointStorage.load(savepoint).checkpointId();
    }

    /** On every record, a timer 20 ms later; the timer emits. */
    static final class EmitOnTimer extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            context.timers().registerProcessingTimeTimer(context.timers().currentProcessingTime() + 20);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext context, Collector<Long> out) {
            out.collect(timestamp);
        }
    }

    /** Emits every record, and one more at the end of its input. */
    static final class EmitAtEndOfInput extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void endOfInput(ProcessContext context, Collector<Long> out) {
            out.collect(-1L);
        }
    }
}
