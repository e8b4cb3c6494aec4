package io.spindle.minicluster;

import io.spindle.api.JobParams;
import io.spindle.client.bench.JsonLine;
import io.spindle.client.bench.SpindleBench;
import io.spindle.client.cli.CliContext;
import io.spindle.client.cli.SpindleCli;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * {@code spindle-bench W3 --target yarn [--records N] [--keys K] [--parallelism P] [--rate R] [--type canonical|native]}:
 * the savepoint and rescale of docs/benchmarks.md on an embedded YARN + HDFS of its own. Submits KeyedCounts with
 * {@code spindle run -d} (the benchmarks' settings, checkpoints into HDFS) at R records/s (default N/10), stops it
 * with {@code spindle stop} at about record N/2, then submits it again with {@code spindle run -s <savepoint> -p 1}
 * at full speed, waits for it to succeed and checks its final counts. Figures, on this machine's clock:
 * <ul>
 *   <li>{@code savepoint_ms}: from calling {@code spindle stop} to its printing the completed savepoint (it polls the
 *       ApplicationMaster every 200 ms); {@code savepoint_bytes}: the full state size in the savepoint's metadata;</li>
 *   <li>{@code restore_ms}: from calling {@code spindle run -s} to all tasks RUNNING (deployed);</li>
 *   <li>the checkpoint figures of the first job, as its status document last showed them before the stop.</li>
 * </ul>
 */
public final class SavepointBench {

    private static final OneShotCluster W3 = new OneShotCluster("W3");
    /** For each step; the slowest, starting an application, takes seconds. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private SavepointBench() { }

    /** {@code args} as {@code spindle-bench} was given them: the workload first. */
    public static void main(String[] args) throws Exception {
        JobParams options = JobParams.fromArgs(List.of(args).subList(1, args.length));
        W3.run((cluster, directory) -> run(cluster, directory, options));
    }

    private static int run(EmbeddedCluster cluster, Path directory, JobParams options) throws Exception {
        Map<String, String> environment = ClientSetup.write(cluster, directory);
        Path jar = SpindleBench.examplesJar();
        long records = options.getLong("records", 20_000_000);
        long keys = SpindleBench.keys(options);
        // by default N/10 records/s, so that the job still runs when it is stopped at about record N/2: the status
        // document has no record counts to stop on, as the local W3 does
        double rate = options.getDouble("rate", records / 10.0);
        String type = SpindleBench.savepointFormat(options).name().toLowerCase(Locale.ROOT);
        List<String> jobArguments = List.of("--keys", String.valueOf(keys), "--records", String.valueOf(records));
        String output = cluster.fileSystemUri() + "/w3/counts";
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("workload", "W3");
        figures.put("target", "yarn");
        figures.put("type", type);
        figures.put("records", records);
        figures.put("keys", keys);
        figures.put("parallelism", SpindleBench.parallelism(options));
        figures.put("rate", rate);

        // The first job writes its counts at the end of input only, which a stop without drain never reaches; its
        // sink has the restored job's name, so that the savepoint fits it.
        List<String> first = LifecycleBench.submitCommand(options, jar, List.of(), Stream.concat(jobArguments.stream(),
                Stream.of("--rate", String.valueOf(rate), "--output", output + "-unused")).toList());
        W3.say("spindle " + String.join(" ", first));
        long start = System.currentTimeMillis();
        ApplicationId id = YarnApplications.parseId(LifecycleBench.spindle(environment, directory, first).strip());
        boolean exact;
        try (YarnApplications yarn = YarnApplications.connect(cluster.hadoopConfiguration())) {
            long stopAt = awaitAllTasksRunning(yarn, id) + (long) (records / 2.0 / rate * 1000);
            // a savepoint is a checkpoint too: stopping before the first one completed would time a cold start
            StatusDocument beforeStop = MasterStatus.await(yarn, id, "a completed checkpoint", document ->
                    document.checkpoints().completed() > 0 && System.currentTimeMillis() >= stopAt, STEP_TIMEOUT);
            figures.put("checkpoints_completed", beforeStop.checkpoints().completed());
            SpindleBench.putSummary(figures, beforeStop.checkpoints().summary());
            beforeStop.checkpoints().latest().ifPresent(checkpoint -> figures.put("state_bytes", checkpoint.stateBytes()));

            String savepoint = stop(environment, directory, id, type, figures);
            figures.put("savepoint_bytes", CheckpointStorage.load(savepoint, cluster.hadoopConfiguration())
                    .metadata().fullBytes());

            List<String> restore = LifecycleBench.submitCommand(options, jar, List.of("-s", savepoint, "-p", "1"),
                    Stream.concat(jobArguments.stream(), Stream.of("--output", output)).toList());
            W3.say("spindle " + String.join(" ", restore));
            long submitted = System.currentTimeMillis();
            ApplicationId restored = YarnApplications.parseId(
                    LifecycleBench.spindle(environment, directory, restore).strip());
            figures.put("restore_ms", awaitAllTasksRunning(yarn, restored) - submitted);
            exact = LifecycleBench.succeededWithExactCounts(yarn, restored, cluster, directory, output, jar, records,
                    keys);
        }
        figures.put("wall_s", (System.currentTimeMillis() - start) / 1000.0);
        figures.put("exactly_once", exact);
        System.out.println(JsonLine.of(figures));
        return exact ? 0 : 1;
    }

    /** Returns when the application's tasks were all deployed, in epoch milliseconds. */
    private static long awaitAllTasksRunning(YarnApplications yarn, ApplicationId id) throws InterruptedException {
        StatusDocument running = MasterStatus.await(yarn, id, "all tasks running", document ->
                MasterStatus.allTasksRunning(document) && MasterStatus.eventMillis(document, EventKind.DEPLOYED, 0)
                        .isPresent(), STEP_TIMEOUT);
        return MasterStatus.eventMillis(running, EventKind.DEPLOYED, 0).orElseThrow();
    }

    /** {@code spindle stop}, timed to its report of the savepoint rather than to the application's end; returns its path. */
    private static String stop(Map<String, String> environment, Path directory, ApplicationId id, String type,
                               Map<String, Object> figures) throws Exception {
        List<String> command = List.of("stop", id.toString(), "--type", type);
        W3.say("spindle " + String.join(" ", command));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(seen, true, StandardCharsets.UTF_8), System.err,
                environment, directory);
        long requested = System.currentTimeMillis();
        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(
                () -> SpindleCli.withAllCommands(context).run(command.toArray(String[]::new)));
        String completed = Demo.await(seen, Demo.SAVEPOINT, stop);
        figures.put("savepoint_ms", System.currentTimeMillis() - requested);
        if (stop.get() != 0) {
            throw new IllegalStateException("spindle stop exited with " + stop.get() + ":\n"
                    + seen.toString(StandardCharsets.UTF_8));
        }
        Matcher path = Demo.SAVEPOINT.matcher(completed);
        path.find();
        return path.group(1);
    }
}
