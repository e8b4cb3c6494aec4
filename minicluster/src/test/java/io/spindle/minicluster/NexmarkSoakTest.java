package io.spindle.minicluster;

import io.spindle.examples.nexmark.PublishedResults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Nexmark q5, q11 and q20 at the published size, 2,000,000 events, on YARN ({@code mvn verify -Psoak}): through a
 * failure, and stopped at parallelism 2 and restored at 3, each gives the published result (which Flink gives too).
 */
@Tag("soak")
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NexmarkSoakTest {

    private static final long EVENTS = PublishedResults.EVENTS;

    @TempDir
    static java.nio.file.Path directory;

    private ClusterUnderTest cluster;
    private NexmarkOnYarn nexmark;
    private Map<String, NexmarkOnYarn.Outcome> outcomes;

    @BeforeAll
    void runEachQueryThroughAFailureAndThroughAStopAndRestore() throws Exception {
        cluster = ClusterUnderTest.start(directory, 2);
        nexmark = new NexmarkOnYarn(cluster, EVENTS);
        outcomes = nexmark.runThroughAFailureAndARescale(List.of("q5", "q11", "q20"));
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q5", "q11", "q20"})
    void aQueryRestartedAfterAFailureGivesThePublishedResult(String query) throws Exception {
        nexmark.assertRestartedRunGave(outcomes, query, PublishedResults.of(query, EVENTS).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q5", "q11", "q20"})
    void aQueryStoppedAtParallelismTwoResumesAtThreeToThePublishedResult(String query) throws Exception {
        nexmark.assertRestoredRunGave(outcomes, query, PublishedResults.of(query, EVENTS).orElseThrow());
    }
}
