package io.spindle.minicluster;

import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.Sequence;
import io.spindle.minicluster.ClusterUnderTest.Run;
import io.spindle.protocol.status.StatusDocument.EventKind;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spindle run} against an embedded YARN and HDFS, end to end: the CLI validates and submits, the
 * ApplicationMaster runs KeyedCounts on worker containers over TCP with checkpoints in HDFS, and the final
 * counts in HDFS are compared with the exact counts, after a worker or the ApplicationMaster was SIGKILLed.
 */
@Tag("integration")
class SpindleOnYarnTest {

    private static final Duration JOB_TIMEOUT = ClusterUnderTest.JOB_TIMEOUT;
    private static final List<String> QUERIES_ON_YARN = List.of("q5", "q11", "q20");

    @TempDir
    static java.nio.file.Path directory;

    private static ClusterUnderTest cluster;

    @BeforeAll
    static void startClusterAndWriteTheClientSetUp() throws IOException {
        cluster = ClusterUnderTest.start(directory, 2);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void boundedJobSucceedsWithExactCounts() throws Exception {
        Run run = cluster.run("--records", "20000", "--keys", "500", "--output", cluster.output("bounded"));

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(cluster.counts("bounded")).isEqualTo(ClusterUnderTest.expectedCounts(20_000, 500));
        assertThat(run.out()).contains("RUNNING", "subtasks deployed", "the job finished");
    }

    @Test
    void killedWorkerIsReplacedAndTheCountsStayExact() throws Exception {
        Run run = cluster.run("--records", "40000", "--keys", "1000", "--rate", "2000",
                "--output", cluster.output("worker-kill"));
        String application = run.awaitApplicationId();
        cluster.awaitCompletedCheckpoint(application);

        ProcessHandle worker = cluster.containerProcesses(application, "WorkerMain").get(0);
        worker.destroyForcibly();

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(cluster.counts("worker-kill")).isEqualTo(ClusterUnderTest.expectedCounts(40_000, 1000));
        assertThat(run.out()).contains("restart 1 in", "from checkpoint");
    }

    @Test
    void killedApplicationMasterResumesInItsNextAttemptWithExactCounts() throws Exception {
        Run run = cluster.run("--records", "40000", "--keys", "1000", "--rate", "2000",
                "--output", cluster.output("master-kill"));
        String application = run.awaitApplicationId();
        cluster.awaitCompletedCheckpoint(application);
        assertThat(postCancelWithoutSecret(application)).isEqualTo(401);

        ProcessHandle master = cluster.containerProcesses(application, "ApplicationMasterMain").get(0);
        master.destroyForcibly();

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(cluster.counts("master-kill")).isEqualTo(ClusterUnderTest.expectedCounts(40_000, 1000));
        assertThat(run.out()).contains("master attempt 2", "from checkpoint");
    }

    /**
     * Sequence writes line i for record i; a worker, the ApplicationMaster and a worker again are SIGKILLed while it
     * writes, each after a checkpoint completed since the last kill: every line is there exactly once.
     */
    @Test
    void sequenceWritesEveryLineOnceThroughWorkerAndMasterKills() throws Exception {
        long records = 150_000;
        Run run = cluster.runJob(Sequence.class.getName(), List.of("-D", "restart-strategy.fixed-delay.attempts=10",
                "-D", "yarn.application-attempts=4"), "--records", String.valueOf(records), "--rate", "3000",
                "--output", cluster.output("sequence-kills"));
        String application = run.awaitApplicationId();
        long checkpoint = 0;
        for (String victim : List.of("WorkerMain", "ApplicationMasterMain", "WorkerMain")) {
            checkpoint = cluster.awaitCompletedCheckpointAfter(application, checkpoint);
            cluster.containerProcesses(application, victim).get(0).destroyForcibly();
        }

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(Sequence.problems(cluster.lineNumbers("sequence-kills"), records)).as(run::describe).isEmpty();
        assertThat(run.out()).contains("master attempt 2", "from checkpoint");
    }

    @Test
    void exhaustedRestartPolicyFailsTheApplicationWithTheCause() throws Exception {
        Run run = cluster.run(List.of("-D", "restart-strategy.fixed-delay.attempts=1"),
                "--records", "20000", "--keys", "500", "--fail-after", "2000", "--failures", "5",
                "--output", cluster.output("exhausted"));

        assertThat(run.exitCode()).as(run::describe).isEqualTo(1);
        String lastLine = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).contains("FAILED", "operator 'count' threw java.lang.IllegalStateException: injected failure");
    }

    @Test
    void statusAndCancelOfAnUnknownApplicationAreBadInput() throws Exception {
        String unknown = "application_1000000000000_0001";
        for (String command : List.of("status", "cancel")) {
            Run run = cluster.spindle(command, unknown);

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": unknown application " + unknown);
        }
    }

    @Test
    void statusAndCancelOfAMalformedApplicationIdAreBadInput() throws Exception {
        for (String command : List.of("status", "cancel")) {
            Run run = cluster.spindle(command, "application_12_x");

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": not an application id: application_12_x");
        }
    }

    /**
     * Nexmark q5, q11 and q20 give the reference results through a failure injected mid-run, and when stopped with a
     * savepoint at parallelism 2 and restored at 3; the runs of each kind side by side.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NexmarkQueries {

        private final NexmarkOnYarn nexmark = new NexmarkOnYarn(cluster);
        private final Map<String, Run> failed = new HashMap<>();
        private final Map<String, Run> restored = new HashMap<>();

        @BeforeAll
        void runEachQueryThroughAFailureAndThroughAStopAndRestore() throws Exception {
            for (String query : QUERIES_ON_YARN) {
                // 4 s of input; subtask 0 of the split fails after 80,000 of its ~100,000 events, after checkpoints
                failed.put(query, nexmark.run(query, query + "-failed", List.of("-p", "2"),
                        "--rate", "50000", "--fail-after", "80000"));
            }
            for (Run run : failed.values()) {
                assertThat(run.exitCode()).as(run::describe).isZero();
            }
            Map<String, Run> stopping = new HashMap<>();
            for (String query : QUERIES_ON_YARN) {
                // 100 s of input at 2,000 events/s, stopped 10 s after its first record: 10 to 20 % into it
                stopping.put(query, nexmark.run(query, query + "-stopped", List.of("-p", "2"), "--rate", "2000"));
            }
            Map<String, Run> stops = new HashMap<>();
            try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
                for (String query : QUERIES_ON_YARN) {
                    String application = stopping.get(query).awaitApplicationId();
                    MasterStatus.await(yarn, YarnApplications.parseId(application),
                            "a completed checkpoint, 10 s after the first record",
                            document -> document.checkpoints().completed() > 0
                                    && MasterStatus.eventMillis(document, EventKind.PROCESSING, 0)
                                    .filter(start -> System.currentTimeMillis() - start >= 10_000).isPresent(),
                            JOB_TIMEOUT);
                    stops.put(query, cluster.spindle("stop", application));
                }
            }
            for (String query : QUERIES_ON_YARN) {
                Run stop = stops.get(query);
                assertThat(stop.exitCode()).as(stop::describe).isZero();
                // A run started again from event 0 at parallelism 3 would give subtask 0 of the split its 43 of the
                // 128 slices, 67,187 events, and fail once at the 65,000th; one that went on from a savepoint taken
                // more than 3.3 % into the input has fewer left.
                restored.put(query, nexmark.run(query, query + "-restored",
                        List.of("-s", stop.completedSavepoint(), "-p", "3"), "--fail-after", "65000"));
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"q5", "q11", "q20"})
        void aQueryRestartedAfterAFailureGivesTheReferenceResult(String query) throws Exception {
            assertThat(failed.get(query).out()).as(failed.get(query)::describe).contains("restart 1 in",
                    "from checkpoint");
            assertThat(nexmark.totals(query + "-failed")).isEqualTo(NexmarkOnYarn.reference(query));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"q5", "q11", "q20"})
        void aQueryStoppedAtParallelismTwoResumesAtThreeToTheReferenceResult(String query) throws Exception {
            Run run = restored.get(query);
            assertThat(run.exitCode()).as(run::describe).isZero();
            assertThat(run.out()).as("went on from the savepoint: no failure at the 65,000th event")
                    .doesNotContain("restart 1 in");
            assertThat(nexmark.totals(query + "-restored")).isEqualTo(NexmarkOnYarn.reference(query));
        }
    }

    /** One unbounded job, submitted detached, that list and status see running and cancel ends. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DetachedUnboundedJob {

        private YarnApplications yarn;
        private String application;

        @BeforeAll
        void submitAndAwaitACompletedCheckpoint() throws Exception {
            Run run = cluster.run(List.of("-d"), "--keys", "100", "--rate", "500");
            assertThat(run.exitCode()).as(run::describe).isZero();
            application = run.out().strip();
            yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration());
            MasterStatus.await(yarn, YarnApplications.parseId(application), "a completed checkpoint",
                    document -> MasterStatus.allTasksRunning(document) && document.checkpoints().completed() > 0,
                    JOB_TIMEOUT);
        }

        @AfterAll
        void closeYarnClient() {
            if (yarn != null) {
                yarn.close();
            }
        }

        @Test
        @Order(1)
        void listShowsTheApplicationRunning() throws Exception {
            Run list = cluster.spindle("list");

            assertThat(list.exitCode()).as(list::describe).isZero();
            assertThat(list.out()).containsPattern(application + " +RUNNING ");
        }

        @Test
        @Order(2)
        void statusShowsRunningTasksAndCompletedCheckpointsWithTheirSummary() throws Exception {
            Run status = cluster.spindle("status", application);

            assertThat(status.exitCode()).as(status::describe).isZero();
            assertThat(status.out()).as(status::describe)
                    .containsPattern(application + ": job \\S+ RUNNING \\(ApplicationMaster attempt 1,")
                    .containsPattern("generator\\[0\\] +container_\\S+ +RUNNING")
                    .containsPattern("checkpoints: [1-9]\\d* completed")
                    .containsPattern("this attempt: median \\d+ ms, longest \\d+ ms, median upload ");
        }

        @Test
        @Order(3)
        void cancelEndsTheApplicationKilled() throws Exception {
            Run cancel = cluster.spindle("cancel", application);

            assertThat(cancel.exitCode()).as(cancel::describe).isZero();
            assertThat(yarn.status(YarnApplications.parseId(application)).finalStatus())
                    .isEqualTo(FinalApplicationStatus.KILLED);
        }
    }

    private static int postCancelWithoutSecret(String application) throws Exception {
        URI master;
        try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
            master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                master.resolve("/cancel")).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
