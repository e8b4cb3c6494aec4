package io.spindle.minicluster;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.Sequence;
import io.spindle.minicluster.ClusterUnderTest.Run;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

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

    /**
     * A Prometheus server that finds the job through the master's service-discovery document scrapes its /metrics:
     * the rate of records into the count it reads matches the pace of the job's generator (--rate 1000: 1,000 records/s
     * over its two subtasks) within 5 %, and the rate the generator's subtasks report sending.
     */
    @Test
    void prometheusScrapesARecordRateThatMatchesTheJobsOwnCount() throws Exception {
        Assumptions.assumeTrue(PrometheusServer.installed(), PrometheusServer.BINARY
                + " is missing: install Debian's package prometheus to run this test (.ci/run does)");
        Run run = cluster.run(List.of("-d", "-D", "heartbeat.interval=500 ms"), "--keys", "100", "--rate", "1000");
        assertThat(run.exitCode()).as(run::describe).isZero();
        String application = run.out().strip();
        URI master;
        try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
            MasterStatus.await(yarn, YarnApplications.parseId(application), "every task running",
                    MasterStatus::allTasksRunning, JOB_TIMEOUT);
            master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();
        }
        String series = "{job_id=\"" + application + "\",vertex=~\"%s.*\"}";
        String intoCount = "spindle_task_numRecordsIn_total" + series.formatted("count");
        String outOfGenerator = "spindle_task_numRecordsOut_total" + series.formatted("generator");
        try (PrometheusServer prometheus = PrometheusServer.start(directory.resolve("prometheus"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: spindle
                    honor_labels: true
                    http_sd_configs:
                      - url: %s
                        refresh_interval: 2s
                """.formatted(master.resolve("/prometheus-sd")))) {
            awaitSamples(prometheus, "count_over_time(sum(" + intoCount + ")[30s:1s])", 30);

            double rate = prometheus.query("sum(rate(" + intoCount + "[30s]))").orElseThrow();
            double generated = prometheus.query("sum(rate(" + outOfGenerator + "[30s]))").orElseThrow();

            assertThat(rate).as("records/s into the count, as Prometheus reads them").isCloseTo(1000.0,
                    withPercentage(5));
            assertThat(rate).as("against the generators' records/s").isCloseTo(generated,
                    withPercentage(5));
        } finally {
            Run cancel = cluster.spindle("cancel", application);
            assertThat(cancel.exitCode()).as(cancel::describe).isZero();
        }
    }

    /** Waits until {@code expression} reaches {@code samples}: Prometheus has scraped that long. */
    private static void awaitSamples(PrometheusServer prometheus, String expression, int samples) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalDouble value = prometheus.query(expression);
            if (value.isPresent() && value.getAsDouble() >= samples) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Prometheus did not get " + samples + " samples of " + expression + " within "
                + JOB_TIMEOUT);
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

        private final NexmarkOnYarn nexmark = new NexmarkOnYarn(cluster, NexmarkOnYarn.BUILD_EVENTS);
        private Map<String, NexmarkOnYarn.Outcome> outcomes;

        @BeforeAll
        void runEachQueryThroughAFailureAndThroughAStopAndRestore() throws Exception {
            outcomes = nexmark.runThroughAFailureAndARescale(QUERIES_ON_YARN);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"q5", "q11", "q20"})
        void aQueryRestartedAfterAFailureGivesTheReferenceResult(String query) throws Exception {
            nexmark.assertRestartedRunGave(outcomes, query, nexmark.reference(query));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"q5", "q11", "q20"})
        void aQueryStoppedAtParallelismTwoResumesAtThreeToTheReferenceResult(String query) throws Exception {
            nexmark.assertRestoredRunGave(outcomes, query, nexmark.reference(query));
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
        void prometheusSdListsTheApplicationsMetricsEndpoint() throws Exception {
            URI master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();

            Run sd = cluster.spindle("prometheus-sd");

            assertThat(sd.exitCode()).as(sd::describe).isZero();
            assertThat(JSON.std.listFrom(sd.out())).contains(Map.of(
                    "targets", List.of(master.getHost() + ":" + master.getPort()),
                    "labels", Map.of("__metrics_path__", "/metrics", "spindle_job_id", application)));
        }

        @Test
        @Order(4)
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
