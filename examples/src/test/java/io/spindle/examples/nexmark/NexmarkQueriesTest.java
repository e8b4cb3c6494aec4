package io.spindle.examples.nexmark;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.examples.Nexmark;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJobs;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each query on the local engine gives exactly the rows of the in-memory reference. */
class NexmarkQueriesTest {

    private static final long EVENTS = 200_000;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q0, 2", "q5, 2", "q7, 2", "q8, 2", "q11, 2", "q20, 2", "q5, 1", "q11, 3", "q20, 3"})
    void aQueryGivesTheReferenceRows(String query, int parallelism) throws Exception {
        LocalJobs.execute(new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default",
                String.valueOf(parallelism)))), new Nexmark(),
                JobParams.of(Map.of("query", query, "events", String.valueOf(EVENTS), "output", output().toString())));

        assertThat(published()).isEqualTo(NexmarkReference.totals(NexmarkReference.rows(query, EVENTS)));
    }

    private Path output() {
        return work.resolve("checksums");
    }

    private Totals published() throws IOException {
        return PublishedTotals.in(output());
    }
}
