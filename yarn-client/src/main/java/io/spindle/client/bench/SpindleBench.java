package io.spindle.client.bench;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.cli.UsageException;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.runtime.local.JobResult;
import io.spindle.runtime.local.LocalExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code spindle-bench <workload> [--records N] [--keys K] [--parallelism P] [--target local|yarn] [--managed-memory SIZE]}:
 * runs a workload of BENCHMARKS.md and prints its figures as one JSON object on the last line.
 */
public final class SpindleBench {

    private SpindleBench() { }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The built examples jar of this installation. */
    private static Path examplesJar() {
        Path target = Path.of(System.getProperty("spindle.home", "."), "examples", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("spindle-examples-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new UsageException("no examples jar in " + target));
        } catch (IOException e) {
            throw new UsageException("no examples jar in " + target + ": " + e.getMessage());
        }
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: spindle-bench <W1|W2|W3|W4> [--records N] [--keys K] [--parallelism P] "
                    + "[--target local|yarn] [--managed-memory SIZE]");
            return 2;
        }
        JobParams options = JobParams.fromArgs(List.of(args).subList(1, args.length));
        String workload = args[0];
        String target = options.get("target", "local");
        if (!workload.equals("W1") || !target.equals("local")) {
            System.err.println("spindle-bench: " + workload + " on " + target + " is not implemented yet");
            return 2;
        }
        long records = options.getLong("records", 20_000_000);
        long keys = options.getLong("keys", 1_000_000);
        int parallelism = options.getInt("parallelism", 2);
        SpindleJob job = JobJar.load(examplesJar(), Optional.of("io.spindle.examples.KeyedCounts"));
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", String.valueOf(parallelism),
                StateBackendOptions.ROCKSDB_MANAGED_MEMORY.key(), options.get("managed-memory", "128m")));
        JobResult result = new LocalExecutor(configuration).execute(job,
                JobParams.of(Map.of("records", String.valueOf(records), "keys", String.valueOf(keys))));
        double seconds = result.wallMillis() / 1000.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("workload", workload);
        figures.put("target", target);
        figures.put("records", records);
        figures.put("keys", keys);
        figures.put("parallelism", parallelism);
        figures.put("wall_s", seconds);
        figures.put("records_per_s", records / seconds);
        figures.put("records_counted", result.recordsIn().getOrDefault("discard", 0L));
        // Checkpoints arrive with the checkpoint issue; until then W1 runs without them.
        figures.put("checkpoints_completed", 0);
        figures.put("checkpoint_duration_ms_p50", null);
        figures.put("checkpoint_duration_ms_max", null);
        figures.put("checkpoint_incremental_bytes_p50", null);
        figures.put("state_bytes", null);
        System.out.println(JsonLine.of(figures));
        return result.recordsIn().getOrDefault("discard", 0L) == records ? 0 : 1;
    }
}
