package io.spindle.client.bench;

import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.client.cli.MiniClusterMain;
import io.spindle.client.cli.UsageException;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.Configuration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code spindle-bench W5 --query qN [--events N] [--parallelism P] [--target local|yarn]}: one Nexmark query of the
 * examples' {@code Nexmark} job with the settings of {@link SpindleBench#settings}, its result totals summed over the
 * sink subtasks' checksum files and, at the published results' N, checked against them. Local here; on YARN in the
 * minicluster module's {@code NexmarkYarnBench}, which shares the rest of this class.
 */
public final class NexmarkBench {

    public static final String JOB_CLASS = "io.spindle.examples.Nexmark";
    /** On the embedded YARN + HDFS of the minicluster module, which sits above this one. */
    private static final String YARN_BENCH = "io.spindle.minicluster.NexmarkYarnBench";
    private static final long DEFAULT_EVENTS = 10_000_000;
    /** The prefix of the names the checksum sink publishes; it stages under hidden names first. */
    private static final String CHECKSUM_FILE = "checksum-";

    /** One W5 run as asked for. */
    public record Run(String query, long events, int parallelism, String target) {

        /** The figures that come first, in the order docs/benchmarks.md lists them. */
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("workload", "W5");
            figures.put("target", target);
            figures.put("query", query);
            figures.put("events", events);
            figures.put("parallelism", parallelism);
            return figures;
        }

        /** The job's arguments, its sink subtasks publishing their totals under {@code checksums}. */
        public Map<String, String> jobArguments(String checksums) {
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("query", query);
            arguments.put("events", String.valueOf(events));
            arguments.put("output", checksums);
            return arguments;
        }
    }

    private NexmarkBench() { }

    /**
     * The run {@code options} ask for, {@code queries} being those the job knows.
     *
     * @throws UsageException with a one-line message if an option is missing or wrong
     */
    public static Run parse(JobParams options, Set<String> queries) {
        // q0 before q11: shorter names first
        String known = queries.stream().sorted(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining("|"));
        try {
            String query = options.get("query").orElseThrow(() -> new UsageException("W5 needs --query " + known));
            if (!queries.contains(query)) {
                throw new UsageException("--query " + query + " is not one of " + known);
            }
            long events = options.getLong("events", DEFAULT_EVENTS);
            if (events < 1) {
                throw new UsageException("--events must be at least 1, not " + events);
            }
            int parallelism = SpindleBench.parallelism(options);
            if (parallelism < 1) {
                throw new UsageException("--parallelism must be at least 1, not " + parallelism);
            }
            String target = options.get("target", "local");
            if (!target.equals("local") && !target.equals("yarn")) {
                throw new UsageException("--target must be local or yarn, not " + target);
            }
            return new Run(query, events, parallelism, target);
        } catch (JobParameterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The options with W5's defaults where they are not given: RocksDB gets the Flink peer's 512 MB of managed memory
     * (its default), so the two engines' state has the same budget; at the other workloads' 128 MB q5 runs at a
     * third of the speed.
     */
    public static JobParams withDefaults(JobParams options) {
        Map<String, String> values = new HashMap<>(options.toMap());
        values.putIfAbsent("managed-memory", "512m");
        return JobParams.of(values);
    }

    /** {@code args} as {@code spindle-bench} was given them, the workload first; returns the exit code. */
    static int run(String[] args, JobParams options) throws Exception {
        Path jar = SpindleBench.examplesJar();
        NexmarkResults results = NexmarkResults.load(jar);
        Run run;
        try {
            run = parse(options, results.queries());
        } catch (UsageException e) {
            System.err.println("spindle-bench: " + e.getMessage());
            return 2;
        }
        if (run.target().equals("yarn")) {
            // its main ends the JVM with the benchmark's exit code
            MiniClusterMain.run(YARN_BENCH, args);
            return 0;
        }
        Path work = Files.createTempDirectory("spindle-bench-");
        try {
            return runLocal(run, options, jar, results, work);
        } finally {
            LocalFiles.deleteRecursively(work);
        }
    }

    private static int runLocal(Run run, JobParams options, Path jar, NexmarkResults results, Path work)
            throws Exception {
        Map<String, String> settings = new HashMap<>(SpindleBench.settings(withDefaults(options)));
        settings.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), work.resolve("checkpoints").toUri().toString());
        Path checksums = work.resolve("checksums");
        JobResult result = new LocalExecutor(Configuration.fromMap(settings)).execute(
                JobJar.load(jar, Optional.of(JOB_CLASS)), JobParams.of(run.jobArguments(checksums.toString())));
        Map<String, Object> figures = run.figures();
        // the local executor's job wall time: from its start (the workers' deployment) to its end
        double seconds = result.wallMillis() / 1000.0;
        figures.put("events_per_s", run.events() / seconds);
        figures.put("wall_s", seconds);
        SpindleBench.putCheckpointFigures(figures, result.checkpoints());
        return report(figures, run, results, readLocal(checksums));
    }

    private static List<String> readLocal(Path checksums) throws IOException {
        try (Stream<Path> files = Files.list(checksums)) {
            return files.filter(file -> isChecksumFile(file.getFileName().toString())).sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** Whether a file of that name in the checksums directory holds a sink subtask's published totals. */
    public static boolean isChecksumFile(String name) {
        return name.startsWith(CHECKSUM_FILE);
    }

    /**
     * Adds the totals of the checksum files' {@code contents} and, where there are published results for this N,
     * whether they match; prints the figures. Returns the exit code: 0, or 1 if a sink subtask published no file or
     * the totals do not match.
     */
    public static int report(Map<String, Object> figures, Run run, NexmarkResults results, List<String> contents) {
        NexmarkResults.Totals totals = results.sum(contents);
        figures.put("result_rows", totals.rows());
        figures.put("result_checksum", totals.checksum());
        Optional<Boolean> matches = results.published(run.query(), run.events()).map(totals::equals);
        matches.ifPresent(match -> figures.put("matches_reference", match));
        System.out.println(JsonLine.of(figures));
        if (contents.size() != run.parallelism()) {
            System.err.println("spindle-bench: " + contents.size() + " checksum files for " + run.parallelism()
                    + " sink subtasks");
            return 1;
        }
        return matches.orElse(true) ? 0 : 1;
    }
}
