package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The text file sink across restores: what a checkpoint committed is published once, and nothing else is lost. */
class TextFileSinkRestoreTest {

    private static final long RECORDS = 40_000;
    /** 10 s of input for a first run, so that its stop comes long before its end. */
    private static final double SLOW = 4_000;

    @TempDir
    Path work;

    private Configuration configuration(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));
        settings.putAll(more);
        return Configuration.fromMap(settings);
    }

    /**
     * Subtask 1 writes nothing (its slices hold odd numbers only), so at a checkpoint only subtask 0 has a part to
     * commit; subtask 0 then fails as it commits it, before publishing it. The restore must publish that part from
     * subtask 0's own state, not hand the entry to subtask 1.
     */
    @Test
    void aPartWhoseCommitFailedIsPublishedByTheRestoreWhenTheOtherSubtaskWroteNothing() throws Exception {
        Path output = work.resolve("even");
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, 40_000))
                .filter("even", i -> i % 2 == 0)
                .sink("lines", FailingCommit.ofSubtaskZero(Sinks.textFiles(output.toString())));

        JobResult result = LocalJobs.execute(new LocalExecutor(configuration(Map.of())), job, JobParams.of(Map.of()));

        assertThat(result.restarts()).isEqualTo(1);
        // the first attempt's staging directory went with the restore, the second's when its writers closed
        assertThat(output.resolve(".in-progress")).doesNotExist();
        long[] expected = LongStream.range(0, RECORDS / 2).toArray();
        long[] halves = LongStream.of(OutputFiles.numbers(output)).map(i -> i / 2).toArray();
        assertThat(LongStream.of(OutputFiles.numbers(output)).allMatch(i -> i % 2 == 0)).isTrue();
        assertThat(Sequence.problems(halves, expected.length)).isEmpty();
    }

    /** Restored with {@code -n} under a new name, the sink starts without state: the parts it finds stay. */
    @Test
    void partsPublishedBeforeTheSinkWasRenamedSurviveTheRestore() throws Exception {
        Path output = work.resolve("renamed");
        LocalJob first = new LocalExecutor(configuration(Map.of())).start(sequenceInto(output, "lines", SLOW),
                JobParams.of(Map.of()));
        LocalJobs.awaitRecords(first, "lines", RECORDS / 40);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        assertThat(OutputFiles.finishedParts(output)).isNotEmpty();

        JobResult renamed = LocalJobs.execute(new LocalExecutor(configuration(Map.of("execution.state-recovery.path",
                savepoint, "execution.state-recovery.ignore-unclaimed-state", "true"))),
                sequenceInto(output, "lines-v2", 0), JobParams.of(Map.of()));

        assertThat(renamed.recordsIn().get("lines-v2")).isBetween(1L, RECORDS - 1);
        assertThat(Sequence.problems(OutputFiles.numbers(output), RECORDS)).isEmpty();
    }

    /**
     * What another job left in its staging directory (parts with gaps between their numbers, as an interrupted run
     * leaves them) is that job's: the restored run leaves it alone, and no name of its own ever meets it.
     */
    @Test
    void leftoverStagedPartsOfTheRestoredJobNeitherBlockTheRestoreNorAreTouched() throws Exception {
        Path output = work.resolve("gaps");
        LocalJob first = new LocalExecutor(configuration(Map.of())).start(sequenceInto(output, "lines", SLOW),
                JobParams.of(Map.of()));
        LocalJobs.awaitRecords(first, "lines", RECORDS / 40);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        Path staging = output.resolve(".in-progress")
                .resolve(CheckpointStorage.load(savepoint).metadata().jobId()).resolve("0");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("part-0-0000beef-3"), "-3\n");
        Files.writeString(staging.resolve("part-0-0000beef-5"), "-5\n");

        LocalJobs.execute(new LocalExecutor(configuration(Map.of("execution.state-recovery.path", savepoint))),
                sequenceInto(output, "lines", 0), JobParams.of(Map.of()));

        assertThat(Sequence.problems(OutputFiles.numbers(output), RECORDS)).isEmpty();
        assertThat(staging.resolve("part-0-0000beef-3")).exists();
    }

    /** @param recordsPerSecond 0 for as fast as it goes */
    private static SpindleJob sequenceInto(Path output, String sinkName, double recordsPerSecond) {
        return (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, recordsPerSecond))
                .sink(sinkName, Sinks.textFiles(output.toString()));
    }
}
