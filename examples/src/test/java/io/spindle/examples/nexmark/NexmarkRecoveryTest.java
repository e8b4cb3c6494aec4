package io.spindle.examples.nexmark;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.examples.Nexmark;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries' windows, timers and joins come through a failure and through a savepoint restored at another
 * parallelism with exactly the reference rows, and the restored runs resumed rather than started again.
 * {@code -Dspindle.nexmark.events=2000000} runs them at the published size (minutes per query).
 */
class NexmarkRecoveryTest {

    private static final long EVENTS = Long.getLong("spindle.nexmark.events", 200_000);
    /** Subtask 0 of the split fails four fifths into its share of the events, after many checkpoints. */
    private static final long FAIL_AFTER = EVENTS * 2 / 5;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q5", "q7", "q8", "q11", "q20"})
    void aQueryRestartedFromACheckpointAfterAFailureGivesTheReferenceRows(String query) throws Exception {
        // 2 s of input: the failure comes long after the first checkpoints
        JobResult result = LocalJobs.execute(new LocalExecutor(configuration(2, null)), new Nexmark(),
                params(query, "first", "rate", String.valueOf(EVENTS / 2), "fail-after", String.valueOf(FAIL_AFTER)));

        assertThat(result.restarts()).isEqualTo(1);
        // a restart from scratch would read everything before the failure (four fifths of the events) again, one
        // from a checkpoint only what came after that checkpoint
        assertThat(result.recordsIn().get("split-by-type")).isLessThan(EVENTS + FAIL_AFTER);
        assertThat(PublishedTotals.in(work.resolve("first"))).isEqualTo(reference(query));
    }

    @ParameterizedTest(name = "{0}, {1} savepoint restored at parallelism {2}")
    @CsvSource({"q5, CANONICAL, 3", "q7, NATIVE, 3", "q8, CANONICAL, 1", "q11, NATIVE, 1", "q20, CANONICAL, 3"})
    void aQueryStoppedWithASavepointResumesAtAnotherParallelismToTheReferenceRows(String query, SavepointFormat format,
                                                                                 int parallelism) throws Exception {
        // 5 s of input, stopped once a checkpoint completed: well before its end
        LocalJob first = new LocalExecutor(configuration(2, null)).start(new Nexmark(),
                params(query, "first", "rate", String.valueOf(EVENTS / 5)));
        LocalJobs.awaitCompletedCheckpoint(work.resolve("checkpoints"));
        String savepoint = first.stopWithSavepoint(null, format, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);

        JobResult restored = LocalJobs.execute(new LocalExecutor(configuration(parallelism, savepoint)),
                new Nexmark(), params(query, "restored"));

        assertThat(restored.recordsIn().get("split-by-type")).as("events the restored run read")
                .isBetween(1L, EVENTS - 1);
        assertThat(PublishedTotals.in(work.resolve("restored"))).isEqualTo(reference(query));
    }

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath, "restart-strategy.fixed-delay.delay", "100 ms");
    }

    private JobParams params(String query, String output, String... more) {
        Map<String, String> params = new HashMap<>(Map.of("query", query, "events", String.valueOf(EVENTS),
                "output", work.resolve(output).toString()));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return JobParams.of(params);
    }

    private static Totals reference(String query) {
        return NexmarkReference.totals(NexmarkReference.rows(query, EVENTS));
    }
}
