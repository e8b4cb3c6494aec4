package io.spindle.minicluster;

import io.spindle.api.SpindleJob;
import io.spindle.client.bench.ExactCounts;
import io.spindle.client.bench.SpindleBench;
import io.spindle.client.cli.CliContext;
import io.spindle.client.cli.SpindleCli;
import io.spindle.client.job.JobJar;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.protocol.status.StatusDocument;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spindle demo}: everything on one machine, in about a minute. Starts the embedded YARN and HDFS, runs
 * KeyedCounts on it with {@code spindle run} (checkpoints into HDFS every 300 ms), SIGKILLs one worker container
 * once a checkpoint has completed, lets the job recover, takes a savepoint with {@code spindle savepoint}, lets it
 * finish, checks every key's final count against the exact count, prints a summary and stops the cluster. Exit 0
 * only when the counts are exact. What it waits for and reports it reads from the ApplicationMaster's status document,
 * as any tool should, never from what the command line prints for people.
 */
public final class Demo {

    private static final long RECORDS = 60_000;
    private static final long KEYS = 2_000;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    /** What {@code spindle savepoint} and {@code spindle stop} print; the path is group 1. */
    static final Pattern SAVEPOINT = Pattern.compile("savepoint completed: (\\S+)");
    private static final OneShotCluster DEMO = new OneShotCluster("demo");

    private Demo() { }

    public static void main(String[] args) throws Exception {
        DEMO.run(Demo::run);
    }

    private static int run(EmbeddedCluster cluster, java.nio.file.Path directory) throws Exception {
        Map<String, String> environment = ClientSetup.write(cluster, directory);
        java.nio.file.Path jar = SpindleBench.examplesJar();
        String output = cluster.fileSystemUri() + "/demo/counts";
        CliContext context = new CliContext(System.out, System.err, environment, directory);
        List<String> command = List.of("run", "-c", "io.spindle.examples.KeyedCounts", jar.toString(),
                "--records", String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--rate", "2500",
                "--output", output);
        say("spindle " + String.join(" ", command));
        long start = System.nanoTime();
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(
                () -> SpindleCli.withAllCommands(context).run(command.toArray(String[]::new)));

        try (YarnApplications yarn = YarnApplications.connect(cluster.hadoopConfiguration())) {
            ApplicationId application = awaitApplication(yarn, job);
            MasterStatus.await(yarn, application, "a completed checkpoint", document ->
                    MasterStatus.allTasksRunning(document) && document.checkpoints().completed() > 0, STEP_TIMEOUT);
            List<ProcessHandle> workers = ContainerProcesses.of(application.toString(), "WorkerMain");
            if (workers.isEmpty()) {
                say("no worker process of " + application + " found to kill");
                return 1;
            }
            say("killing worker process " + workers.get(0).pid() + " with SIGKILL");
            workers.get(0).destroyForcibly();

            long recoveryMillis = MasterStatus.await(yarn, application, "processing after the kill",
                    document -> !document.recoveryMillis().isEmpty(), STEP_TIMEOUT).recoveryMillis().get(0);
            say("spindle savepoint " + application);
            ByteArrayOutputStream savepointOutput = new ByteArrayOutputStream();
            long savepointStart = System.nanoTime();
            int savepointExit = SpindleCli.withAllCommands(new CliContext(
                    new PrintStream(new Tee(System.out, savepointOutput), true, StandardCharsets.UTF_8), System.err,
                    environment, directory)).run("savepoint", application.toString());
            double savepointSeconds = (System.nanoTime() - savepointStart) / 1e9;
            Optional<StatusDocument> last = MasterStatus.lastBeforeEnd(yarn, application, STEP_TIMEOUT);

            int exitCode = job.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exitCode != 0) {
                say("the job did not succeed (exit " + exitCode + ")");
                return 1;
            }
            boolean exact = exactCounts(cluster, output, directory.resolve("counts"), jar, RECORDS, KEYS);
            Matcher savepoint = SAVEPOINT.matcher(savepointOutput.toString(StandardCharsets.UTF_8));
            say(String.format("summary: %d records over %d keys in %.1f s, %s checkpoints completed, %s restart, "
                            + "processing resumed %d ms after the kill, %s; final counts %s", RECORDS, KEYS, seconds,
                    last.map(document -> String.valueOf(document.checkpoints().completed())).orElse("?"),
                    last.map(document -> String.valueOf(document.restarts())).orElse("?"), recoveryMillis,
                    savepointExit == 0 && savepoint.find() ? String.format("savepoint taken in %.1f s (%s)",
                            savepointSeconds, savepoint.group(1)) : "NO savepoint",
                    exact ? "exact for every key" : "WRONG"));
            return exact && savepointExit == 0 ? 0 : 1;
        }
    }

    /** The application {@code spindle run} submitted: the only one on the demo's own cluster. */
    private static ApplicationId awaitApplication(YarnApplications yarn, CompletableFuture<Integer> job)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!job.isDone() && System.nanoTime() < deadline) {
            List<ApplicationStatus> submitted = yarn.listUnfinished();
            if (!submitted.isEmpty()) {
                return submitted.get(0).id();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("spindle run submitted no application");
    }

    /** Whether KeyedCounts' final counts at {@code output} in the cluster's HDFS are exact for N records and K keys. */
    static boolean exactCounts(EmbeddedCluster cluster, String output, java.nio.file.Path local,
                               java.nio.file.Path jar, long records, long keys) throws IOException {
        try (FileSystem fileSystem = FileSystem.newInstance(cluster.hadoopConfiguration())) {
            fileSystem.copyToLocalFile(new Path(output), new org.apache.hadoop.fs.Path(local.toUri()));
        }
        SpindleJob job = JobJar.load(jar, Optional.of("io.spindle.examples.KeyedCounts"));
        return ExactCounts.check(local, records, keys, ExactCounts.keyFunction(job));
    }

    /** Waits until what a command running as {@code job} printed into {@code seen} matches; returns the match. */
    static String await(ByteArrayOutputStream seen, Pattern pattern, CompletableFuture<Integer> job)
            throws InterruptedException {
        while (!job.isDone()) {
            Matcher matcher = pattern.matcher(seen.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher.group();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the job ended before '" + pattern + "' was seen");
    }

    private static void say(String line) {
        DEMO.say(line);
    }

    /** Writes to the console and keeps a copy to look for the job's events in. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
