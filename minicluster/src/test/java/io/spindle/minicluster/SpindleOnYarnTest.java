package io.spindle.minicluster;

import io.spindle.client.cli.CliContext;
import io.spindle.client.cli.SpindleCli;
import io.spindle.client.yarn.RuntimeClasspath;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.KeyedCounts;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spindle run} against an embedded YARN and HDFS, end to end: the CLI validates and submits, the
 * ApplicationMaster runs KeyedCounts on worker containers over TCP with checkpoints in HDFS, and the final
 * counts in HDFS are compared with the exact counts, after a worker or the ApplicationMaster was SIGKILLed.
 */
@Tag("integration")
class SpindleOnYarnTest {

    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static java.nio.file.Path directory;

    private static EmbeddedCluster cluster;
    private static FileSystem fileSystem;
    private static java.nio.file.Path jobJar;
    private static Map<String, String> environment;

    @BeforeAll
    static void startClusterAndWriteTheClientSetUp() throws IOException {
        cluster = EmbeddedCluster.start(directory.resolve("cluster"), 2);
        fileSystem = FileSystem.newInstance(cluster.hadoopConfiguration());
        environment = ClientSetup.write(cluster, directory);
        java.nio.file.Path examples = RuntimeClasspath.locationOf(KeyedCounts.class);
        jobJar = Files.isDirectory(examples) ? RuntimeClasspath.pack(examples, directory.resolve("examples.jar")) : examples;
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (fileSystem != null) {
            fileSystem.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void boundedJobSucceedsWithExactCounts() throws Exception {
        Run run = Run.start("--records", "20000", "--keys", "500", "--output", output("bounded"));

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(counts("bounded")).isEqualTo(expectedCounts(20_000, 500));
        assertThat(run.out()).contains("RUNNING", "subtasks deployed", "the job finished");
    }

    @Test
    void killedWorkerIsReplacedAndTheCountsStayExact() throws Exception {
        Run run = Run.start("--records", "40000", "--keys", "1000", "--rate", "2000", "--output", output("worker-kill"));
        String application = run.awaitApplicationId();
        awaitCompletedCheckpoint(application);

        ProcessHandle worker = containerProcesses(application, "WorkerMain").get(0);
        worker.destroyForcibly();

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(counts("worker-kill")).isEqualTo(expectedCounts(40_000, 1000));
        assertThat(run.out()).contains("restart 1 in", "from checkpoint");
    }

    @Test
    void killedApplicationMasterResumesInItsNextAttemptWithExactCounts() throws Exception {
        Run run = Run.start("--records", "40000", "--keys", "1000", "--rate", "2000", "--output", output("master-kill"));
        String application = run.awaitApplicationId();
        awaitCompletedCheckpoint(application);
        assertThat(postCancelWithoutSecret(application)).isEqualTo(401);

        ProcessHandle master = containerProcesses(application, "ApplicationMasterMain").get(0);
        master.destroyForcibly();

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(counts("master-kill")).isEqualTo(expectedCounts(40_000, 1000));
        assertThat(run.out()).contains("master attempt 2", "from checkpoint");
    }

    @Test
    void exhaustedRestartPolicyFailsTheApplicationWithTheCause() throws Exception {
        Run run = Run.start(List.of("-D", "restart-strategy.fixed-delay.attempts=1"),
                "--records", "20000", "--keys", "500", "--fail-after", "2000", "--failures", "5",
                "--output", output("exhausted"));

        assertThat(run.exitCode()).as(run::describe).isEqualTo(1);
        String lastLine = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).contains("FAILED", "operator 'count' threw java.lang.IllegalStateException: injected failure");
    }

    @Test
    void statusAndCancelOfAnUnknownApplicationAreBadInput() throws Exception {
        String unknown = "application_1000000000000_0001";
        for (String command : List.of("status", "cancel")) {
            Run run = Run.spindle(command, unknown);

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": unknown application " + unknown);
        }
    }

    @Test
    void statusAndCancelOfAMalformedApplicationIdAreBadInput() throws Exception {
        for (String command : List.of("status", "cancel")) {
            Run run = Run.spindle(command, "application_12_x");

            assertThat(run.exitCode()).as(run::describe).isEqualTo(2);
            assertThat(run.err().lines()).as(run::describe)
                    .containsExactly("spindle " + command + ": not an application id: application_12_x");
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
            Run run = Run.start(List.of("-d"), "--keys", "100", "--rate", "500");
            assertThat(run.exitCode()).as(run::describe).isZero();
            application = run.out().strip();
            yarn = YarnApplications.connect(cluster.hadoopConfiguration());
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
            Run list = Run.spindle("list");

            assertThat(list.exitCode()).as(list::describe).isZero();
            assertThat(list.out()).containsPattern(application + " +RUNNING ");
        }

        @Test
        @Order(2)
        void statusShowsRunningTasksAndCompletedCheckpoints() throws Exception {
            Run status = Run.spindle("status", application);

            assertThat(status.exitCode()).as(status::describe).isZero();
            assertThat(status.out()).as(status::describe)
                    .containsPattern(application + ": job \\S+ RUNNING \\(ApplicationMaster attempt 1,")
                    .containsPattern("generator\\[0\\] +container_\\S+ +RUNNING")
                    .containsPattern("checkpoints: [1-9]\\d* completed");
        }

        @Test
        @Order(3)
        void cancelEndsTheApplicationKilled() throws Exception {
            Run cancel = Run.spindle("cancel", application);

            assertThat(cancel.exitCode()).as(cancel::describe).isZero();
            assertThat(yarn.status(YarnApplications.parseId(application)).finalStatus())
                    .isEqualTo(FinalApplicationStatus.KILLED);
        }
    }

    private static String output(String name) {
        return cluster.fileSystemUri() + "/output/" + name;
    }

    private static Map<Long, Long> counts(String name) throws IOException {
        Map<Long, Long> counts = new HashMap<>();
        for (FileStatus file : fileSystem.listStatus(new Path(output(name)))) {
            if (!file.getPath().getName().startsWith("part-")) {
                continue;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(fileSystem.open(file.getPath()),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] fields = line.split("\t");
                    assertThat(counts.put(Long.parseLong(fields[0]), Long.parseLong(fields[1])))
                            .as("key %s written twice", fields[0]).isNull();
                }
            }
        }
        return counts;
    }

    private static Map<Long, Long> expectedCounts(long records, long keys) {
        Map<Long, Long> counts = new HashMap<>();
        for (long i = 0; i < records; i++) {
            counts.merge(KeyedCounts.key(i, keys), 1L, Long::sum);
        }
        return counts;
    }

    private static void awaitCompletedCheckpoint(String application) throws Exception {
        Path jobDirectory = new Path(cluster.fileSystemUri() + "/checkpoints/" + application);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (fileSystem.exists(jobDirectory)) {
                for (FileStatus status : fileSystem.listStatus(jobDirectory)) {
                    if (status.getPath().getName().startsWith("chk-")
                            && fileSystem.exists(new Path(status.getPath(), "_metadata"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed checkpoint of " + application + "\n" + ContainerLogs.of(cluster, application));
    }

    private static List<ProcessHandle> containerProcesses(String application, String mainClass) {
        List<ProcessHandle> processes = ContainerProcesses.of(application, mainClass);
        assertThat(processes).as("%s processes of %s", mainClass, application).isNotEmpty();
        return processes;
    }

    private static int postCancelWithoutSecret(String application) throws Exception {
        URI master;
        try (YarnApplications yarn = YarnApplications.connect(cluster.hadoopConfiguration())) {
            master = yarn.status(YarnApplications.parseId(application)).masterUrl().orElseThrow();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                master.resolve("/cancel")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** A {@code spindle} command in this JVM, on a thread of its own. */
    private record Run(ByteArrayOutputStream outBytes, ByteArrayOutputStream errBytes, CompletableFuture<Integer> code) {

        static Run start(String... jobArguments) {
            return start(List.of(), jobArguments);
        }

        /** {@code spindle run <options> -c KeyedCounts <examples jar> <job arguments>}. */
        static Run start(List<String> options, String... jobArguments) {
            List<String> args = new ArrayList<>(List.of("run", "-c", KeyedCounts.class.getName()));
            args.addAll(options);
            args.add(jobJar.toString());
            args.addAll(List.of(jobArguments));
            return spindle(args.toArray(String[]::new));
        }

        static Run spindle(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), environment, directory);
            return new Run(out, err, CompletableFuture.supplyAsync(() -> SpindleCli.withAllCommands(context).run(args)));
        }

        int exitCode() throws Exception {
            return code.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        String awaitApplicationId() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < deadline) {
                Matcher matcher = APPLICATION_ID.matcher(out());
                if (matcher.find()) {
                    return matcher.group();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no application id printed:\n" + describe());
        }

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }

        String describe() {
            Matcher matcher = APPLICATION_ID.matcher(out());
            return "stdout:\n" + out() + "\nstderr:\n" + err()
                    + (matcher.find() ? "\n" + ContainerLogs.of(cluster, matcher.group()) : "");
        }
    }
}
