package io.spindle.client.bench;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.cli.MiniClusterMain;
import io.spindle.client.cli.UsageException;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.Configuration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.MetricsOptions;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.core.restart.RestartOptions;
import io.spindle.protocol.status.CheckpointSummary;
import io.spindle.protocol.status.CompletedCheckpointStats;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code spindle-bench <workload> [--records N] [--keys K] [--parallelism P] [--target local|yarn] [--managed-memory SIZE] [--checkpoint-interval D]}:
 * runs a workload of docs/benchmarks.md and prints its figures as one JSON object on the last line. W1, W2 and W3
 * run here; W4, and W3 with {@code --target yarn}, in the minicluster module's {@code LifecycleBench} and
 * {@code SavepointBench}; W5 in {@link NexmarkBench}.
 */
public final class SpindleBench {

    /** W4, and W3 on YARN, run on the embedded YARN and HDFS of the minicluster module, which sits above this one. */
    private static final String LIFECYCLE_BENCH = "io.spindle.minicluster.LifecycleBench";
    private static final String SAVEPOINT_BENCH = "io.spindle.minicluster.SavepointBench";

    private SpindleBench() { }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
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

    /** The keys of the workloads' KeyedCounts, as {@code --keys} says: K of docs/benchmarks.md. */
    public static long keys(JobParams options) {
        return options.getLong("keys", 1_000_000);
    }

    public static int parallelism(JobParams options) {
        return options.getInt("parallelism", 2);
    }

    /**
     * The settings every workload runs with, wherever it runs, as configuration keys and values: W1's
     * checkpoints (aligned exactly-once, incremental, every second) and W2's restarts (exponential delay from
     * 100 ms), as docs/benchmarks.md describes them; {@code --managed-memory}, {@code --checkpoint-interval} and
     * {@code --metrics on|off} change them. The checkpoint directory is the target's.
     */
    public static Map<String, String> settings(JobParams options) {
        return Map.of("parallelism.default", String.valueOf(parallelism(options)),
                StateBackendOptions.ROCKSDB_MANAGED_MEMORY.key(), options.get("managed-memory", "128m"),
                CheckpointingOptions.INTERVAL.key(), options.get("checkpoint-interval", "1 s"),
                CheckpointingOptions.INCREMENTAL.key(), "true",
                RestartOptions.TYPE.key(), "exponential-delay",
                RestartOptions.EXPONENTIAL_INITIAL_BACKOFF.key(), "100 ms",
                MetricsOptions.ENABLED.key(), String.valueOf(metricsEnabled(options)));
    }

    /** Whether the job measures its metrics, as {@code --metrics on|off} says (default on). */
    public static boolean metricsEnabled(JobParams options) {
        String metrics = options.get("metrics", "on");
        if (!metrics.equals("on") && !metrics.equals("off")) {
            throw new IllegalArgumentException("expected on or off, got '" + metrics + "'");
        }
        return metrics.equals("on");
    }

    /** W3's savepoint format, as {@code --type canonical|native} says. */
    public static SavepointFormat savepointFormat(JobParams options) {
        return SavepointFormat.parse(options.get("type", "canonical"));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: spindle-bench <W1|W2|W3|W4|W5> [--records N] [--keys K] [--parallelism P] "
                    + "[--target local|yarn] [--managed-memory SIZE] [--checkpoint-interval D] [--metrics on|off] "
                    + "[--rate R (W3, W4)] "
                    + "[--type canonical|native (W3)] [--query q0|q5|q7|q8|q11|q20 --events N (W5)] "
                    + "[--bootstrap HOST:PORT (W6)]");
            return 2;
        }
        JobParams options = JobParams.fromArgs(List.of(args).subList(1, args.length));
        if (args[0].equals("W5")) {
            return NexmarkBench.run(args, options);
        }
        if (args[0].equals("W6")) {
            return KafkaBench.run(options);
        }
        try {
            savepointFormat(options);
        } catch (IllegalArgumentException e) {
            System.err.println("spindle-bench: --type: " + e.getMessage());
            return 2;
        }
        try {
            metricsEnabled(options);
        } catch (IllegalArgumentException e) {
            System.err.println("spindle-bench: --metrics: " + e.getMessage());
            return 2;
        }
        String workload = args[0];
        boolean yarnOnly = workload.equals("W4");
        boolean savepoints = workload.equals("W3");
        String target = options.get("target", yarnOnly ? "yarn" : "local");
        if (target.equals("yarn") && (yarnOnly || savepoints)) {
            // its main ends the JVM with the benchmark's exit code
            MiniClusterMain.run(yarnOnly ? LIFECYCLE_BENCH : SAVEPOINT_BENCH, args);
            return 0;
        }
        if (!(workload.equals("W1") || workload.equals("W2") || savepoints) || !target.equals("local")) {
            System.err.println("spindle-bench: " + workload + " on " + target
                    + (yarnOnly ? " does not exist: it is a YARN workload" : " is not implemented yet"));
            return 2;
        }
        long records = options.getLong("records", 20_000_000);
        long keys = keys(options);
        int parallelism = parallelism(options);
        SpindleJob job = JobJar.load(examplesJar(), Optional.of("io.spindle.examples.KeyedCounts"));
        Path work = Files.createTempDirectory("spindle-bench-");
        Map<String, String> settings = new HashMap<>(settings(options));
        settings.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), work.resolve("checkpoints").toUri().toString());
        Map<String, String> jobArguments = new HashMap<>(Map.of("records", String.valueOf(records),
                "keys", String.valueOf(keys)));
        Path output = work.resolve("output");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("workload", workload);
        figures.put("target", target);
        if (savepoints) {
            figures.put("type", savepointFormat(options).name().toLowerCase(Locale.ROOT));
        }
        figures.put("records", records);
        figures.put("keys", keys);
        figures.put("parallelism", parallelism);
        figures.put("metrics", metricsEnabled(options) ? "on" : "off");
        boolean correct;
        if (savepoints) {
            correct = savepointAndRestore(options, job, settings, jobArguments, work, figures);
        } else {
            boolean injectFailure = workload.equals("W2");
            if (injectFailure) {
                // Subtask 0 of the count fails once at its share of N/2, i.e. at about record N/2 overall.
                jobArguments.put("fail-after", String.valueOf(records / 2 / parallelism));
                jobArguments.put("output", output.toString());
            }
            JobResult result = new LocalExecutor(Configuration.fromMap(settings)).execute(job, JobParams.of(jobArguments));
            double seconds = result.wallMillis() / 1000.0;
            figures.put("wall_s", seconds);
            figures.put("records_per_s", records / seconds);
            putCheckpointFigures(figures, result.checkpoints());
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
        }
        System.out.println(JsonLine.of(figures));
        LocalFiles.deleteRecursively(work);
        return correct ? 0 : 1;
    }

    static void putCheckpointFigures(Map<String, Object> figures, List<CompletedCheckpointStats> completed) {
        putCheckpointFigures(figures, completed.size(), CheckpointSummary.of(completed),
                completed.isEmpty() ? Optional.empty() : Optional.of(completed.get(completed.size() - 1).fullBytes()));
    }

    /** The checkpoint figures of docs/benchmarks.md, {@code stateBytes} being the last checkpoint's full size. */
    public static void putCheckpointFigures(Map<String, Object> figures, long completed,
                                            Optional<CheckpointSummary> summary, Optional<Long> stateBytes) {
        figures.put("checkpoints_completed", completed);
        putSummary(figures, summary);
        figures.put("state_bytes", stateBytes.orElse(null));
    }

    /** The checkpoint figures of docs/benchmarks.md; null where no checkpoint completed. */
    public static void putSummary(Map<String, Object> figures, Optional<CheckpointSummary> summary) {
        figures.put("checkpoint_duration_ms_p50", summary.map(CheckpointSummary::durationMillisP50).orElse(null));
        figures.put("checkpoint_duration_ms_max", summary.map(CheckpointSummary::durationMillisMax).orElse(null));
        figures.put("checkpoint_incremental_bytes_p50",
                summary.map(CheckpointSummary::incrementalBytesP50).orElse(null));
    }

    /**
     * W3 in this JVM: KeyedCounts at parallelism P, at full speed (or {@code --rate R} records/s), stopped with a
     * savepoint once the count has received N/2 records and a checkpoint has completed, as the Flink peer does;
     * then restored from it at parallelism 1, at full speed, to the end of input, where its final counts are
     * checked. {@code restore_ms} runs from submitting the restored job to the first record a task received
     * (the local executor has no deployment to wait for: every task's state is restored before it reads input).
     * The checkpoint figures are the first job's.
     */
    private static boolean savepointAndRestore(JobParams options, SpindleJob job, Map<String, String> settings,
                                               Map<String, String> jobArguments, Path work,
                                               Map<String, Object> figures) throws Exception {
        long records = Long.parseLong(jobArguments.get("records"));
        Map<String, String> firstArguments = new HashMap<>(jobArguments);
        options.get("rate").ifPresent(rate -> {
            firstArguments.put("rate", rate);
            figures.put("rate", Double.parseDouble(rate));
        });
        // counts are written at the end of input only, which a stop without drain never reaches; the sink has the
        // restored job's name, so that the savepoint fits it
        firstArguments.put("output", work.resolve("unused").toString());
        long start = System.nanoTime();
        LocalJob first = new LocalExecutor(Configuration.fromMap(settings)).start(job, JobParams.of(firstArguments));
        long stopAt = records / 2;
        while (first.recordsIn().getOrDefault("count", 0L) < stopAt) {
            Thread.sleep(2);
        }
        // a savepoint is a checkpoint too: stopping before the first one completed would time a cold start
        Path checkpoints = work.resolve("checkpoints");
        while (!Files.exists(checkpoints) || CheckpointStorage.listCompleted(checkpoints.toUri().toString(),
                new org.apache.hadoop.conf.Configuration()).isEmpty()) {
            Thread.sleep(20);
        }
        figures.put("records_at_stop_request", first.recordsIn().getOrDefault("count", 0L));
        long requested = System.nanoTime();
        String savepoint = first.stopWithSavepoint(work.resolve("savepoints").toUri().toString(),
                savepointFormat(options), false).get();
        figures.put("savepoint_ms", (System.nanoTime() - requested) / 1_000_000);
        JobResult stopped = first.await();
        figures.put("savepoint_bytes", CheckpointStorage.load(savepoint).metadata().fullBytes());

        settings.put("parallelism.default", "1");
        settings.put(CheckpointingOptions.RESTORE_PATH.key(), savepoint);
        Path output = work.resolve("output");
        jobArguments.put("output", output.toString());
        long submitted = System.currentTimeMillis();
        JobResult restored = new LocalExecutor(Configuration.fromMap(settings)).execute(job, JobParams.of(jobArguments));
        figures.put("restore_ms", restored.firstRecordMillis() - submitted);
        figures.put("records_before_stop", records - restored.recordsIn().getOrDefault("count", 0L));
        figures.put("wall_s", (System.nanoTime() - start) / 1e9);
        putCheckpointFigures(figures, stopped.checkpoints());
        boolean exact = ExactCounts.check(output, records, Long.parseLong(jobArguments.get("keys")),
                ExactCounts.keyFunction(job));
        figures.put("exactly_once", exact);
        return exact;
    }
}
