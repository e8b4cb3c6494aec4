package io.spindle.minicluster;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.KafkaWindowCounts;
import io.spindle.minicluster.ClusterUnderTest.Run;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.assertj.core.api.InstanceOfAssertFactories;
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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * In the soak profile, for CI time: every build SIGKILLs an ApplicationMaster in
     * {@link KafkaPipelines#windowCountsReachKafkaAndParquetExactlyOnceThroughWorkerAndMasterKills}, and the refused
     * secret-less cancel is a unit test of the REST server.
     */
    @Test
    @Tag("soak")
    void killedApplicationMasterResumesInItsNextAttemptWithExactCounts() throws Exception {
        Run run = cluster.run("--records", "40000", "--keys", "1000", "--rate", "2000",
                "--output", cluster.output("master-kill"));
        String application = run.awaitApplicationId();
        cluster.awaitCompletedCheckpoint(application);
        assertThat(putCancelWithoutSecret(application)).isEqualTo(401);

        ProcessHandle master = cluster.containerProcesses(application, "ApplicationMasterMain").get(0);
        master.destroyForcibly();

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(cluster.counts("master-kill")).isEqualTo(ClusterUnderTest.expectedCounts(40_000, 1000));
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

    /**
     * Three workers of 6000 MiB on two NodeManagers of 8192 MiB, one holding the ApplicationMaster: two fit, the third
     * is queued by YARN (it is within the largest container) and never granted. The wait shows in the run's events
     * and in the status, and after slot.request.timeout the attempt fails with it; no restart is allowed, so the run
     * fails with that reason.
     */
    @Test
    void workersTheClusterCannotGrantAreShownWaitingAndFailTheRunAfterTheSlotRequestTimeout() throws Exception {
        Run run = cluster.run(List.of("-p", "3", "-D", "taskmanager.memory.process.size=6000m",
                "-D", "slot.request.timeout=20 s", "-D", "restart-strategy.type=none"),
                "--records", "1000", "--keys", "10", "--output", cluster.output("waiting"));
        String application = run.awaitApplicationId();
        // the scheduler names the queue by its path
        Pattern waiting = Pattern.compile("waiting for 1 of 3 workers of 6000 MiB for \\d+ s; the cluster has \\d+ MiB "
                + "free in queue root\\.default");

        assertThat(awaitStatusLine(application, waiting)).isNotEmpty();
        assertThat(run.exitCode()).as(run::describe).isEqualTo(1);
        assertThat(run.out()).as(run::describe).containsPattern(waiting);
        String lastLine = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).as(run::describe).contains("FAILED", "slot.request.timeout (20 s) passed: waiting for 1 "
                + "of 3 workers of 6000 MiB for 20 s; the cluster has ", "(the restart policy allows no more restarts)");
    }

    /** The first line of {@code spindle status} output that matches, once one does. */
    private static String awaitStatusLine(String application, Pattern line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Run status = null;
        while (System.nanoTime() < deadline) {
            status = cluster.spindle("status", application);
            status.exitCode();
            Optional<String> matching = status.out().lines().filter(text -> line.matcher(text).matches()).findFirst();
            if (matching.isPresent()) {
                return matching.get();
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("spindle status never showed " + line + (status == null ? "" : "\n" + status.describe()));
    }

    @Test
    void statusCancelAndLogsOfAnUnknownApplicationAreBadInput() throws Exception {
        String unknown = "application_1000000000000_0001";
        for (String command : List.of("status", "cancel", "logs")) {
            Run run = cluster.spindle(command, unknown);

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": unknown application " + unknown);
        }
    }

    @Test
    void statusCancelAndLogsOfAMalformedApplicationIdAreBadInput() throws Exception {
        for (String command : List.of("status", "cancel", "logs")) {
            Run run = cluster.spindle(command, "application_12_x");

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": not an application id: application_12_x");
        }
    }

    @Test
    void logsOfAMalformedContainerIdAreBadInput() throws Exception {
        Run run = cluster.spindle("logs", "application_1000000000000_0001", "--container", "container_12_x");

        assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
        assertThat(run.err().lines()).as(run::describe)
                .containsExactly("spindle logs: not a container id: container_12_x");
    }

    /**
     * Nexmark q5, q11 and q20 give the reference results through a failure injected mid-run, and when stopped with a
     * savepoint at parallelism 2 and restored at 3; the runs of each kind side by side. In the soak runs only (four
     * minutes, and NexmarkSoakTest does the same at the published size): the build runs the queries through failures
     * and rescales locally (NexmarkRecoveryTest), and event-time windows on YARN in KafkaPipelines.
     */
    @Nested
    @Tag("soak")
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

    /**
     * KafkaWindowCounts (Kafka in, event-time windows, Kafka and Parquet out) against a broker in this JVM: exactly
     * once through kills and through stops and restores at other parallelisms, and refused before submission when
     * its connectors' settings cannot work.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class KafkaPipelines {

        private static final long RECORDS = 200_000;
        /** Enough that at the runs' rates (4,000 records/s in all) each stop comes long before the input's end. */
        private static final long RESCALED_RECORDS = 300_000;
        private KafkaOnYarn kafka;

        @BeforeAll
        void startBroker() throws Exception {
            kafka = KafkaOnYarn.start(cluster);
        }

        @AfterAll
        void stopBroker() {
            if (kafka != null) {
                kafka.close();
            }
        }

        @Test
        void windowCountsReachKafkaAndParquetExactlyOnceThroughWorkerAndMasterKills() throws Exception {
            kafka.createTopics("kills", RECORDS);

            Run run = kafka.runThroughKills("kills", List.of("WorkerMain", "ApplicationMasterMain", "WorkerMain"),
                    List.of("-D", "restart-strategy.fixed-delay.attempts=10", "-D", "yarn.application-attempts=4"),
                    "--rate", "2500");

            assertThat(run.exitCode()).as(run::describe).isZero();
            assertThat(run.out()).contains("master attempt 2", "from checkpoint");
            Map<KafkaOnYarn.WindowKey, Long> expected = KafkaOnYarn.expected(RECORDS);
            assertThat(kafka.committedInKafka("kills")).isEqualTo(expected);
            assertThat(kafka.committedInParquet("kills")).isEqualTo(expected);
            assertThat(kafka.openTransactions()).isEmpty();
        }

        /**
         * Stopped with a savepoint at 4 subtasks (one per partition), restored at 2 (fewer) and stopped again, restored
         * at 5 (more) to the end: each run committed windows the one before had not, and none twice, so each resumed.
         */
        @Test
        void windowCountsStoppedAtFourAndTwoSubtasksResumeAtFiveExactlyOnce() throws Exception {
            kafka.createTopics("rescale", RESCALED_RECORDS);

            String first = stopMidStream("rescale", kafka.run("rescale", List.of("-p", "4"), "--rate", "1000"), 0);
            long firstCommitted = kafka.committedOutputOffset("rescale");
            String second = stopMidStream("rescale", kafka.run("rescale", List.of("-s", first, "-p", "2"),
                    "--rate", "2000"), firstCommitted);
            long secondCommitted = kafka.committedOutputOffset("rescale");
            Run last = kafka.run("rescale", List.of("-s", second, "-p", "5"));

            assertThat(last.exitCode()).as(last::describe).isZero();
            assertThat(kafka.committedOutputOffset("rescale")).isGreaterThan(secondCommitted);
            Map<KafkaOnYarn.WindowKey, Long> expected = KafkaOnYarn.expected(RESCALED_RECORDS);
            assertThat(kafka.committedInKafka("rescale")).isEqualTo(expected);
            assertThat(kafka.committedInParquet("rescale")).isEqualTo(expected);
            assertThat(kafka.openTransactions()).isEmpty();
        }

        /** Waits until the run committed output beyond {@code committed}, stops it with a savepoint; returns its path. */
        private String stopMidStream(String pipeline, Run run, long committed) throws Exception {
            String application = run.awaitApplicationId();
            kafka.awaitCommittedOutputBeyond(pipeline, committed, run);
            Run stop = cluster.spindle("stop", application);
            assertThat(stop.exitCode()).as(stop::describe).isZero();
            assertThat(run.exitCode()).as(run::describe).isZero();
            return stop.completedSavepoint();
        }

        @Test
        void unreachableBootstrapServersAreBadInputAndNothingIsSubmitted() throws Exception {
            String nobody = "127.0.0.1:" + FreePorts.pick(1).get(0);

            assertRefusedBeforeSubmission(() -> cluster.runJob(KafkaWindowCounts.class.getName(), List.of(),
                    "--bootstrap", nobody, "--input", "in", "--output", "out", "--files", cluster.output("nobody")),
                    "bootstrap servers '" + nobody + "': no broker answered within 10 s");
        }

        @Test
        void aSourceTopicThatDoesNotExistIsBadInputAndNothingIsSubmitted() throws Exception {
            kafka.createTopics("missing", 0);

            assertRefusedBeforeSubmission(() -> cluster.runJob(KafkaWindowCounts.class.getName(), List.of(),
                    "--bootstrap", kafka.bootstrapServers(), "--input", "no-such-topic",
                    "--output", KafkaOnYarn.output("missing"), "--files", cluster.output("missing")),
                    "topic 'no-such-topic' does not exist on " + kafka.bootstrapServers());
        }

        @Test
        void aTransactionTimeoutTheBrokerRefusesIsBadInputAndNothingIsSubmitted() throws Exception {
            kafka.createTopics("long-transactions", 0);

            assertRefusedBeforeSubmission(() -> kafka.run("long-transactions", List.of(),
                    "--transaction-timeout-ms", String.valueOf(Duration.ofHours(1).toMillis())),
                    "transaction timeout PT1H is longer than the brokers' transaction.max.timeout.ms PT15M");
        }

        @Test
        void aFilesPathThatIsAFileIsBadInputAndNothingIsSubmitted() throws Exception {
            kafka.createTopics("files-path", 0);
            cluster.fileSystem().create(new org.apache.hadoop.fs.Path(cluster.output("files-path"))).close();

            assertRefusedBeforeSubmission(() -> kafka.run("files-path", List.of()),
                    "output path " + cluster.output("files-path") + " is a file; give a directory");
        }

        /** Exit code 2, the one line on stderr, and no new YARN application. */
        private void assertRefusedBeforeSubmission(Supplier<Run> command, String problem) throws Exception {
            int applications = cluster.applicationCount();
            Run run = command.get();

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe).hasSize(1).first(InstanceOfAssertFactories.STRING)
                    .startsWith("spindle run: ").contains(problem);
            assertThat(cluster.applicationCount()).isEqualTo(applications);
        }
    }

    /** The dashboard through the ResourceManager's proxy in headless Chromium. */
    @Nested
    class Dashboard extends DashboardTour {
        @Override
        ClusterUnderTest cluster() {
            return cluster;
        }
    }

    /**
     * One unbounded job, submitted detached, that list and status see running and cancel ends; its logs read while it
     * runs, followed until it ends, and read again from the aggregated logs afterwards.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DetachedUnboundedJob {

        private YarnApplications yarn;
        private String application;
        private Run follow;

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
        void logsOfTheRunningJobHaveTheMastersLifecycleLinesUnderAHeaderPerFile() throws Exception {
            Run logs = cluster.spindle("logs", application);

            assertThat(logs.exitCode()).as(logs::describe).isZero();
            assertThat(logs.out()).as(logs::describe)
                    .containsPattern("==> " + masterContainer() + " on [^ ]+:\\d+: spindle\\.log <==")
                    .contains("Registered with the ResourceManager")
                    .containsPattern("==> container_\\S+_000002 on [^ ]+:\\d+: spindle\\.log <==");
        }

        @Test
        @Order(4)
        void prometheusSdListsTheApplicationsMetricsEndpoint() throws Exception {
            URI master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();

            Run sd = cluster.spindle("prometheus-sd");

            assertThat(sd.exitCode()).as(sd::describe).isZero();
            assertThat(JSON.std.listFrom(sd.out())).contains(Map.of(
                    "targets", List.of(master.getHost() + ":" + master.getPort()),
                    "labels", Map.of("__metrics_path__", "/metrics", "spindle_job_id", application)));
        }

        @Test
        @Order(5)
        void logsOfOneContainerHaveOnlyItsFiles() throws Exception {
            Run logs = cluster.spindle("logs", application, "--container", masterContainer());

            assertThat(logs.exitCode()).as(logs::describe).isZero();
            assertThat(logs.out().lines().filter(line -> line.startsWith("==> ")))
                    .as(logs::describe).isNotEmpty().allMatch(line -> line.startsWith("==> " + masterContainer() + " "));
        }

        @Test
        @Order(6)
        void logsOfAContainerTheApplicationNeverHadAreBadInput() throws Exception {
            String unknown = masterContainer().replaceFirst("_000001$", "_000999");
            Run logs = cluster.spindle("logs", application, "--container", unknown);

            assertThat(logs.exitCode()).as(logs::describe).isEqualTo(2);
            assertThat(logs.err().lines()).as(logs::describe)
                    .containsExactly("spindle logs: unknown container " + unknown + " of application " + application);
        }

        @Test
        @Order(7)
        void followPrintsTheLinesTheMasterLogsLater() throws Exception {
            follow = cluster.spindle("logs", application, "--follow");
            long first = awaitCheckpointLine(follow, 0);

            awaitCheckpointLine(follow, first);
        }

        @Test
        @Order(8)
        void cancelEndsTheApplicationKilled() throws Exception {
            Run cancel = cluster.spindle("cancel", application);

            assertThat(cancel.exitCode()).as(cancel::describe).isZero();
            assertThat(yarn.status(YarnApplications.parseId(application)).finalStatus())
                    .isEqualTo(FinalApplicationStatus.KILLED);
        }

        @Test
        @Order(9)
        void followEndsWithTheApplicationHavingPrintedEachLineOnce() throws Exception {
            assertThat(follow.exitCode()).as(follow::describe).isZero();
            List<String> checkpointLines = follow.out().lines().filter(line -> line.contains("completed in")).toList();
            assertThat(checkpointLines).as(follow::describe).isNotEmpty().doesNotHaveDuplicates();
        }

        @Test
        @Order(10)
        void logsOfTheEndedJobComeFromTheAggregatedLogs() throws Exception {
            Run logs = cluster.spindle("logs", application);

            assertThat(logs.exitCode()).as(logs::describe).isZero();
            assertThat(logs.out()).as(logs::describe)
                    .containsPattern("==> " + masterContainer() + " on [^ ]+:\\d+: spindle\\.log <==")
                    .contains("Registered with the ResourceManager", "Unregistering from the ResourceManager");
        }

        /** The ApplicationMaster's container in the first attempt. */
        private String masterContainer() {
            ApplicationId id = YarnApplications.parseId(application);
            return ContainerId.newContainerId(ApplicationAttemptId.newInstance(id, 1), 1).toString();
        }

        /** The number of a "checkpoint N completed" line the command printed with N above {@code after}. */
        private long awaitCheckpointLine(Run run, long after) throws InterruptedException {
            Pattern completed = Pattern.compile("checkpoint (\\d+) completed in");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < deadline) {
                Matcher matcher = completed.matcher(run.out());
                while (matcher.find()) {
                    if (Long.parseLong(matcher.group(1)) > after) {
                        return Long.parseLong(matcher.group(1));
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no checkpoint after " + after + " printed\n" + run.describe());
        }
    }

    private static int putCancelWithoutSecret(String application) throws Exception {
        URI master;
        try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
            master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                master.resolve("/cancel")).PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
