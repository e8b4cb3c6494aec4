package io.spindle.minicluster;

import io.spindle.client.cli.CliContext;
import io.spindle.client.cli.SpindleCli;
import io.spindle.client.yarn.RuntimeClasspath;
import io.spindle.examples.KeyedCounts;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * An embedded cluster with a {@code spindle} client set up for it (its own configuration directories and the
 * examples jar), and what the integration tests do with it: run {@code spindle} commands in this JVM, wait for
 * checkpoints, find container processes, and read KeyedCounts' output from its HDFS.
 */
final class ClusterUnderTest implements AutoCloseable {

    /** What a restored KeyedCounts run counts each record as ({@code --weight}), so its output shows it resumed. */
    static final long RESTORED_WEIGHT = 1_000;

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");

    private final EmbeddedCluster cluster;
    private final FileSystem fileSystem;
    private final java.nio.file.Path directory;
    private final Map<String, String> environment;
    private final java.nio.file.Path jobJar;

    private ClusterUnderTest(EmbeddedCluster cluster, FileSystem fileSystem, java.nio.file.Path directory,
                             Map<String, String> environment, java.nio.file.Path jobJar) {
        this.cluster = cluster;
        this.fileSystem = fileSystem;
        this.directory = directory;
        this.environment = environment;
        this.jobJar = jobJar;
    }

    /** Starts a cluster with its files under {@code directory}/cluster and writes its client's set-up beside. */
    static ClusterUnderTest start(java.nio.file.Path directory, int nodeManagers) throws IOException {
        EmbeddedCluster cluster = EmbeddedCluster.start(directory.resolve("cluster"), nodeManagers);
        try {
            Map<String, String> environment = ClientSetup.write(cluster, directory);
            java.nio.file.Path examples = RuntimeClasspath.locationOf(KeyedCounts.class);
            java.nio.file.Path jobJar = Files.isDirectory(examples)
                    ? RuntimeClasspath.pack(examples, directory.resolve("examples.jar")) : examples;
            return new ClusterUnderTest(cluster, FileSystem.newInstance(cluster.hadoopConfiguration()), directory,
                    environment, jobJar);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    EmbeddedCluster cluster() {
        return cluster;
    }

    FileSystem fileSystem() {
        return fileSystem;
    }

    java.nio.file.Path jobJar() {
        return jobJar;
    }

    /** {@code spindle run -c KeyedCounts <examples jar> <job arguments>}. */
    Run run(String... jobArguments) {
        return run(List.of(), jobArguments);
    }

    /** {@code spindle run -c KeyedCounts <options> <examples jar> <job arguments>}. */
    Run run(List<String> options, String... jobArguments) {
        return runJob(KeyedCounts.class.getName(), options, jobArguments);
    }

    /** {@code spindle run -c <job class> <options> <examples jar> <job arguments>}. */
    Run runJob(String jobClass, List<String> options, String... jobArguments) {
        List<String> args = new ArrayList<>(List.of("run", "-c", jobClass));
        args.addAll(options);
        args.add(jobJar.toString());
        args.addAll(List.of(jobArguments));
        return spindle(args.toArray(String[]::new));
    }

    /** A {@code spindle} command in this JVM, on a thread of its own. */
    Run spindle(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, directory);
        // a thread per command: commands follow jobs for minutes, and several run at once
        return new Run(this, out, err, CompletableFuture.supplyAsync(
                () -> SpindleCli.withAllCommands(context).run(args),
                command -> {
                    Thread thread = new Thread(command, "spindle " + String.join(" ", args));
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    /** The fully qualified HDFS path of {@code path}, absolute in this cluster's file system. */
    String hdfs(String path) {
        return cluster.fileSystemUri() + path;
    }

    String output(String name) {
        return hdfs("/output/" + name);
    }

    /** KeyedCounts' {@code key<TAB>count} lines under output {@code name}, each key once. */
    Map<Long, Long> counts(String name) throws IOException {
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

    /** The numbers of every line of the published parts under the outputs {@code names} (Sequence's), sorted. */
    long[] lineNumbers(String... names) throws IOException {
        List<Long> numbers = new ArrayList<>();
        for (String name : names) {
            Path output = new Path(output(name));
            if (!fileSystem.exists(output)) {
                continue;
            }
            for (FileStatus file : fileSystem.listStatus(output)) {
                if (!file.getPath().getName().startsWith("part-")) {
                    continue;
                }
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(fileSystem.open(file.getPath()),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        numbers.add(Long.parseLong(line));
                    }
                }
            }
        }
        return numbers.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Asserts that KeyedCounts' output {@code name}, written by a run restored with {@code --weight RESTORED_WEIGHT}
     * from a savepoint of a run that counted each record once, is exact and resumed: each key's count is
     * b + RESTORED_WEIGHT·a where b + a is the key's exact count (b of its records counted before the savepoint, a by
     * the restored run: none lost, none twice), and the restored run counted some records but not all of them,
     * which a run that ignored the savepoint and started again from record 0 would have.
     */
    void assertResumedExactly(String name, long records, long keys) throws IOException {
        Map<Long, Long> counts = counts(name);
        Map<Long, Long> exact = expectedCounts(records, keys);
        assertThat(counts.keySet()).as("keys in %s", name).isEqualTo(exact.keySet());
        long restoredRecords = 0;
        for (Map.Entry<Long, Long> key : exact.entrySet()) {
            long beyondExact = counts.get(key.getKey()) - key.getValue();
            String what = String.format("key %d: count %d is b + %d·a with b + a = %d", key.getKey(),
                    counts.get(key.getKey()), RESTORED_WEIGHT, key.getValue());
            assertThat(beyondExact % (RESTORED_WEIGHT - 1)).as(what).isZero();
            assertThat(beyondExact / (RESTORED_WEIGHT - 1)).as(what).isBetween(0L, key.getValue());
            restoredRecords += beyondExact / (RESTORED_WEIGHT - 1);
        }
        assertThat(restoredRecords).as("records the restored run counted in %s", name).isBetween(1L, records - 1);
    }

    /** The count of every key among records 0 .. records - 1. */
    static Map<Long, Long> expectedCounts(long records, long keys) {
        Map<Long, Long> counts = new HashMap<>();
        for (long i = 0; i < records; i++) {
            counts.merge(KeyedCounts.key(i, keys), 1L, Long::sum);
        }
        return counts;
    }

    /** Waits for a {@code chk-*} directory with {@code _metadata} of the application in HDFS. */
    void awaitCompletedCheckpoint(String application) throws Exception {
        awaitCompletedCheckpointAfter(application, 0);
    }

    /** Waits for a completed checkpoint of the application newer than {@code checkpointId}; returns its id. */
    long awaitCompletedCheckpointAfter(String application, long checkpointId) throws Exception {
        Path jobDirectory = new Path(hdfs("/checkpoints/" + application));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (fileSystem.exists(jobDirectory)) {
                for (FileStatus status : fileSystem.listStatus(jobDirectory)) {
                    String name = status.getPath().getName();
                    if (name.startsWith("chk-") && Long.parseLong(name.substring(4)) > checkpointId
                            && fileSystem.exists(new Path(status.getPath(), "_metadata"))) {
                        return Long.parseLong(name.substring(4));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed checkpoint of " + application + " after " + checkpointId + "\n"
                + ContainerLogs.of(cluster, application));
    }

    /** The application's container JVMs with this main class; at least one. */
    List<ProcessHandle> containerProcesses(String application, String mainClass) {
        List<ProcessHandle> processes = ContainerProcesses.of(application, mainClass);
        assertThat(processes).as("%s processes of %s", mainClass, application).isNotEmpty();
        return processes;
    }

    /** How many applications the ResourceManager knows, finished or not. */
    int applicationCount() throws IOException, YarnException {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.hadoopConfiguration());
            yarn.start();
            return yarn.getApplications().size();
        }
    }

    String containerLogs(String application) {
        return ContainerLogs.of(cluster, application);
    }

    @Override
    public void close() throws IOException {
        try {
            fileSystem.close();
        } finally {
            cluster.close();
        }
    }

    /** A {@code spindle} command running in this JVM: its exit code, stdout and stderr. */
    record Run(ClusterUnderTest on, ByteArrayOutputStream outBytes, ByteArrayOutputStream errBytes,
               CompletableFuture<Integer> code) {

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

        /** The path of the "savepoint completed: " line of a {@code spindle stop}. */
        String completedSavepoint() {
            return savepointPath(out().lines().filter(line -> line.startsWith("savepoint completed: "))
                    .findFirst().orElseThrow(() -> new AssertionError(describe())));
        }

        /** The path of a "savepoint completed: " line, which must lie under the configured savepoint directory. */
        String savepointPath(String line) {
            assertThat(line).startsWith("savepoint completed: " + on.hdfs("/savepoints/savepoint-"));
            return line.substring("savepoint completed: ".length());
        }

        /** The last line the command printed on stdout. */
        String lastLine() {
            return out().strip().lines().reduce((a, b) -> b).orElse("");
        }

        String describe() {
            Matcher matcher = APPLICATION_ID.matcher(out());
            return "stdout:\n" + out() + "\nstderr:\n" + err()
                    + (matcher.find() ? "\n" + ContainerLogs.of(on.cluster, matcher.group()) : "");
        }
    }
}
