package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.examples.OutputFiles;
import io.spindle.examples.Sequence;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence stopped with a savepoint mid-stream at parallelism 2 and restored at another into the same directory:
 * every line once. The sink's parts belong to the subtask that wrote them, whatever the parallelism they are
 * restored at (each part once published, none left behind).
 */
class SequenceRescaleTest {

    private static final long RECORDS = 60_000;

    @TempDir
    Path work;

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath);
    }

    /** As fast as it goes: for the restored run, which must run to its end. */
    private JobParams params() {
        return JobParams.of(Map.of("records", String.valueOf(RECORDS), "output", work.resolve("lines").toString()));
    }

    /** 10 s of input for the first run, so that the stop comes long before its end. */
    private JobParams slowParams() {
        return JobParams.of(Map.of("records", String.valueOf(RECORDS), "rate", "6000",
                "output", work.resolve("lines").toString()));
    }

    @ParameterizedTest(name = "restored at parallelism {0}")
    @ValueSource(ints = {3, 1})
    void everyLineOnceAfterAStopAtParallelismTwoAndARestoreAtAnother(int parallelism) throws Exception {
        LocalJob first = new LocalExecutor(configuration(2, null)).start(new Sequence(), slowParams());
        LocalJobs.awaitRecords(first, "lines", RECORDS / 20);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);

        JobResult restored = LocalJobs.execute(new LocalExecutor(configuration(parallelism, savepoint)), new Sequence(),
                params());

        assertThat(restored.recordsIn().get("lines")).as("lines the restored run wrote").isBetween(1L, RECORDS - 1);
        assertThat(Sequence.problems(OutputFiles.numbers(work.resolve("lines")), RECORDS)).isEmpty();
        assertThat(work.resolve("lines").resolve(".in-progress")).doesNotExist();
    }
}
