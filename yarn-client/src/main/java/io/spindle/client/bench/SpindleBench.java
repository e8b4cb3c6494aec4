package io.spindle.client.bench;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.cli.MiniClusterMain;
import io.spindle.client.cli.UsageException;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.Configuration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.core.restart.RestartOptions;
import io.spindle.master.checkpoint.CompletedCheckpointStats;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * {@code spindle-bench <workload> [--records N] [--keys K] [--parallelism P] [--target local|yarn] [--managed-memory SIZE] [--checkpoint-interval D]}:
 * runs a workload of BENCHMARKS.md and prints its figures as one JSON object on the last line. W1 and W2 run
 * here; W4 in the minicluster module's {@code LifecycleBench}.
 */
public final class SpindleBench {

    /** W4 runs on the embedded YARN and HDFS of the minicluster module, which sits above this one. */
    private static final String LIFECYCLE_BENCH = "io.spindle.minicluster.LifecycleBench";

    private SpindleBench() { }

    public static void main(String[] args) throws IOException {
        System.exit(run(args));
    }

    private static Long median(List<CompletedCheckpointStats> checkpoints, ToLongFunction<CompletedCheckpointStats> figure) {
        long[] values = checkpoints.stream().mapToLong(figure).sorted().toArray();
        return values.length == 0 ? null : values[values.length / 2];
    }

    /** The built examples jar of this installation. */
    public static Path examplesJar() {
        Path target = Path.of(System.getProperty("spindle.home", "."), "examples", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("spindle-examples-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new UsageException("no examples jar in " + target));
        } catch (IOException e) {
            throw new UsageException("no examples jar in " + target + ": " + e.getMessage());
        }
    }

    /** The keys of the workloads' KeyedCounts, as {@code --keys} says: K of BENCHMARKS.md. */
    public static long keys(JobParams options) {
        return options.getLong("keys", 1_000_000);
    }

    public static int parallelism(JobParams options) {
        return options.getInt("parallelism", 2);
    }

    /**
     * The settings every workload runs with, wherever it runs, as configuration keys and values: W1's
     * checkpoints (aligned exactly-once, incremental, every second) and W2's restarts (exponential delay from
     * 100 ms), as BENCHMARKS.md defines them; {@code --managed-memory} and {@code --checkpoint-interval}
     * change them. The checkpoint directory is the target's.
     */
    public static Map<String, String> settings(JobParams options) {
        return Map.of("parallelism.default", String.valueOf(parallelism(options)),
                StateBackendOptions.ROCKSDB_MANAGED_MEMORY.key(), options.get("managed-memory", "128m"),
                CheckpointingOptions.INTERVAL.key(), options.get("checkpoint-interval", "1 s"),
                CheckpointingOptions.INCREMENTAL.key(), "true",
                RestartOptions.TYPE.key(), "exponential-delay",
                RestartOptions.EXPONENTIAL_INITIAL_BACKOFF.key(), "100 ms");
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: spindle-bench <W1|W2|W3|W4> [--records N] [--keys K] [--parallelism P] "
                    + "[--target local|yarn] [--managed-memory SIZE] [--checkpoint-interval D] [--rate R (W4)]");
            return 2;
        }
        JobParams options = JobParams.fromArgs(List.of(args).subList(1, args.length));
        String workload = args[0];
        boolean yarnOnly = workload.equals("W4");
        String target = options.get("target", yarnOnly ? "yarn" : "local");
        if (yarnOnly && target.equals("yarn")) {
            MiniClusterMain.run(LIFECYCLE_BENCH, args); // its main ends the JVM with the benchmark's exit code
            return 0;
        }
        if (!(workload.equals("W1") || workload.equals("W2")) || !target.equals("local")) {
            System.err.println("spindle-bench: " + workload + " on " + target
                    + (yarnOnly ? " does not exist: it is a YARN workload" : " is not implemented yet"));
            return 2;
        }
        long records = options.getLong("records", 20_000_000);
        long keys = keys(options);
        int parallelism = parallelism(options);
        SpindleJob job = JobJar.load(examplesJar(), Optional.of("io.spindle.examples.KeyedCounts"));
        Path checkpoints = Files.createTempDirectory("spindle-bench-checkpoints");
        Map<String, String> settings = new HashMap<>(settings(options));
        settings.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), checkpoints.toUri().toString());
        Configuration configuration = Configuration.fromMap(settings);
        Map<String, String> jobArguments = new HashMap<>(Map.of("records", String.valueOf(records),
                "keys", String.valueOf(keys)));
        Path output = Files.createTempDirectory("spindle-bench-output");
        boolean injectFailure = workload.equals("W2");
        if (injectFailure) {
            // Subtask 0 of the count fails once at its share of N/2, i.e. at about record N/2 overall.
            jobArguments.put("fail-after", String.valueOf(records / 2 / parallelism));
            jobArguments.put("output", output.toString());
        }
        JobResult result = new LocalExecutor(configuration).execute(job, JobParams.of(jobArguments));
        double seconds = result.wallMillis() / 1000.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("workload", workload);
        figures.put("target", target);
        figures.put("records", records);
        figures.put("keys", keys);
        figures.put("parallelism", parallelism);
        figures.put("wall_s", seconds);
        figures.put("records_per_s", records / seconds);
        List<CompletedCheckpointStats> completed = result.checkpoints();
        figures.put("checkpoints_completed", completed.size());
        figures.put("checkpoint_duration_ms_p50", median(completed, CompletedCheckpointStats::durationMillis));
        figures.put("checkpoint_duration_ms_max",
                completed.stream().mapToLong(CompletedCheckpointStats::durationMillis).max().stream().boxed()
                        .findFirst().orElse(null));
        figures.put("checkpoint_incremental_bytes_p50", median(completed, CompletedCheckpointStats::incrementalBytes));
        figures.put("state_bytes", completed.isEmpty() ? null : completed.get(completed.size() - 1).fullBytes());
        boolean correct;
        if (injectFailure) {
            correct = result.restarts() == 1 && ExactCounts.check(output, records, keys, ExactCounts.keyFunction(job));
            figures.put("restarts", result.restarts());
            figures.put("recovery_ms", result.recoveryMillis().isEmpty() ? null : result.recoveryMillis().get(0));
            figures.put("exactly_once", correct);
        } else {
            long counted = result.recordsIn().getOrDefault("discard", 0L);
            figures.put("records_counted", counted);
            correct = counted == records;
        }
        System.out.println(JsonLine.of(figures));
        LocalFiles.deleteRecursively(checkpoints);
        LocalFiles.deleteRecursively(output);
        return correct ? 0 : 1;
    }
}
