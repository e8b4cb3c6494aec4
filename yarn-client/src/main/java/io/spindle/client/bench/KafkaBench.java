package io.spindle.client.bench;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.Configuration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongBinaryOperator;

/**
 * W6 of docs/benchmarks.md in this JVM: the examples' {@code KafkaCounts} job, Kafka to Kafka exactly once, against
 * the broker {@code --bootstrap} names. It creates the topics afresh, writes the N input records, runs the job to
 * its end and checks with a read-committed consumer that every key's counts are exactly 1 .. its number of records.
 */
final class KafkaBench {

    static final String JOB_CLASS = "io.spindle.examples.KafkaCounts";
    static final String INPUT = "w6-in";
    static final String OUTPUT = "w6-out";

    private KafkaBench() { }

    /** Returns the exit code: 0 when the output is exact, 1 when not, 2 for bad arguments. */
    static int run(JobParams options) throws Exception {
        Optional<String> bootstrap = options.get("bootstrap");
        if (bootstrap.isEmpty()) {
            System.err.println("spindle-bench: W6 needs --bootstrap HOST:PORT, a Kafka broker it may create topics on");
            return 2;
        }
        long records = options.getLong("records", 2_000_000);
        long keys = options.getLong("keys", 100_000);
        int parallelism = SpindleBench.parallelism(options);
        SpindleJob job = JobJar.load(SpindleBench.examplesJar(), Optional.of(JOB_CLASS));
        LongBinaryOperator key = ExactCounts.keyFunction(job);
        W6Topics topics = new W6Topics(bootstrap.get(), INPUT, OUTPUT);
        topics.recreate();
        topics.produceInput(records, keys, key);

        Path work = Files.createTempDirectory("spindle-bench-");
        try {
            Map<String, String> settings = new HashMap<>(SpindleBench.settings(options));
            settings.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(),
                    work.resolve("checkpoints").toUri().toString());
            JobResult result = new LocalExecutor(Configuration.fromMap(settings)).execute(job,
                    JobParams.of(Map.of("bootstrap", bootstrap.get(), "input", INPUT, "output", OUTPUT)));
            W6Check.Outcome check = new W6Check(bootstrap.get(), OUTPUT).check(records, keys, key);

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("workload", "W6");
            figures.put("target", "local");
            figures.put("records", records);
            figures.put("keys", keys);
            figures.put("parallelism", parallelism);
            // the local executor's job wall time: deployment to the end, the last commit included
            double seconds = result.wallMillis() / 1000.0;
            figures.put("records_per_s", records / seconds);
            figures.put("wall_s", seconds);
            SpindleBench.putCheckpointFigures(figures, result.checkpoints());
            figures.put("output_records", check.records());
            figures.put("exactly_once", check.exact());
            System.out.println(JsonLine.of(figures));
            if (!check.exact()) {
                System.err.println("spindle-bench: W6 output is not exact: " + check.problem());
            }
            return check.exact() ? 0 : 1;
        } finally {
            LocalFiles.deleteRecursively(work);
        }
    }
}
