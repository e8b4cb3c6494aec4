package io.spindle.minicluster;

import io.spindle.api.JobParams;
import io.spindle.client.bench.JsonLine;
import io.spindle.client.bench.SpindleBench;
import io.spindle.client.cli.CliContext;
import io.spindle.client.cli.SpindleCli;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.protocol.status.CheckpointSummary;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code spindle-bench W4 [--records N] [--keys K] [--parallelism P] [--rate R]}: the YARN lifecycle of
 * docs/benchmarks.md on an embedded YARN + HDFS of its own. Submits KeyedCounts with {@code spindle run -d} (the
 * benchmarks' checkpoint and restart settings, checkpoints into HDFS; unbounded, or N records whose counts are
 * checked at the end) at R records/s (default 5,000), so that it runs while it is measured. Times are taken from
 * the events of the ApplicationMaster's status document, on this machine's clock:
 * <ul>
 *   <li>{@code submit_to_running_ms}: from calling {@code spindle run} to all tasks RUNNING (deployed);</li>
 *   <li>{@code worker_kill_to_running_ms}, {@code recovery_ms}: from a SIGKILL of one worker container, once a
 *       checkpoint has completed, to all tasks RUNNING again and to the first record processed after it;</li>
 *   <li>{@code am_kill_to_running_ms}, {@code am_kill_to_processing_ms}: from a SIGKILL of the ApplicationMaster,
 *       once another checkpoint has completed, to the same in YARN's next attempt.</li>
 * </ul>
 * Then cancels the job with {@code spindle cancel}, or waits for it to succeed and checks its counts; the last
 * line printed is the JSON object. {@code checkpoints_completed} and {@code restarts} add up what each master
 * attempt was last seen to have counted; more than the one restart the worker's kill causes tells of other failures.
 * The checkpoint durations and uploads are the first master attempt's.
 */
public final class LifecycleBench {

    private static final OneShotCluster W4 = new OneShotCluster("W4");
    private static final String JOB_CLASS = "io.spindle.examples.KeyedCounts";
    private static final double DEFAULT_RATE = 5_000;
    /** For each step; the slowest, an ApplicationMaster's next attempt, takes seconds. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration END_TIMEOUT = Duration.ofMinutes(30);

    private final EmbeddedCluster cluster;
    private final Path directory;
    private final JobParams options;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    /** Completed checkpoints by master attempt, as last seen: each attempt counts its own. */
    private final Map<Integer, Long> checkpointsByAttempt = new TreeMap<>();
    /** Restarts by master attempt, as last seen. */
    private final Map<Integer, Integer> restartsByAttempt = new TreeMap<>();
    private StatusDocument.Checkpoint latestCheckpoint;
    /** The first master attempt's checkpoint summary, as last seen: it ran the longest. */
    private Optional<CheckpointSummary> firstAttemptSummary = Optional.empty();

    private LifecycleBench(EmbeddedCluster cluster, Path directory, JobParams options) {
        this.cluster = cluster;
        this.directory = directory;
        this.options = options;
    }

    /** {@code args} as {@code spindle-bench} was given them: the workload first. */
    public static void main(String[] args) throws Exception {
        JobParams options = JobParams.fromArgs(List.of(args).subList(1, args.length));
        W4.run((cluster, directory) -> new LifecycleBench(cluster, directory, options).run());
    }

    private int run() throws Exception {
        Map<String, String> environment = ClientSetup.write(cluster, directory);
        Path jar = SpindleBench.examplesJar();
        Optional<Long> records = options.getLong("records");
        long keys = SpindleBench.keys(options);
        double rate = options.getDouble("rate", DEFAULT_RATE);
        String output = cluster.fileSystemUri() + "/w4/counts";
        List<String> jobArguments = new ArrayList<>(List.of("--keys", String.valueOf(keys), "--rate", String.valueOf(rate)));
        records.ifPresent(n -> jobArguments.addAll(List.of("--records", String.valueOf(n), "--output", output)));
        List<String> command = submitCommand(options, jar, List.of(), jobArguments);
        figures.put("workload", "W4");
        figures.put("target", "yarn");
        figures.put("records", records.orElse(null));
        figures.put("keys", keys);
        figures.put("parallelism", SpindleBench.parallelism(options));
        figures.put("rate", rate);

        W4.say("spindle " + String.join(" ", command));
        long start = System.currentTimeMillis();
        String submitted = spindle(environment, directory, command);
        ApplicationId id = YarnApplications.parseId(submitted.strip());
        boolean correct;
        try (YarnApplications yarn = YarnApplications.connect(cluster.hadoopConfiguration())) {
            measure(yarn, id, start);
            if (records.isPresent()) {
                correct = succeededWithExactCounts(yarn, id, cluster, directory, output, jar, records.get(), keys);
                figures.put("exactly_once", correct);
            } else {
                spindle(environment, directory, List.of("cancel", id.toString()));
                correct = true;
            }
        }
        figures.put("wall_s", (System.currentTimeMillis() - start) / 1000.0);
        figures.put("checkpoints_completed", checkpointsByAttempt.values().stream().mapToLong(Long::longValue).sum());
        figures.put("restarts", restartsByAttempt.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("state_bytes", latestCheckpoint == null ? null : latestCheckpoint.stateBytes());
        SpindleBench.putSummary(figures, firstAttemptSummary);
        System.out.println(JsonLine.of(figures));
        return correct ? 0 : 1;
    }

    private void measure(YarnApplications yarn, ApplicationId id, long start) throws InterruptedException {
        StatusDocument running = await(yarn, id, "all tasks running",
                document -> MasterStatus.allTasksRunning(document) && deployedAfter(document, 0).isPresent());
        figures.put("submit_to_running_ms", deployedAfter(running, 0).orElseThrow() - start);

        // each kill comes right after a checkpoint completed, while every task runs
        StatusDocument beforeWorkerKill = awaitCheckpointAfter(yarn, id, 0);
        long workerKilled = kill(id, "WorkerMain");
        Predicate<StatusDocument> restarted = document -> document.restarts() > beforeWorkerKill.restarts();
        long seqBeforeKill = MasterStatus.lastSeq(beforeWorkerKill);
        StatusDocument redeployed = await(yarn, id, "all tasks running after the worker's kill", restarted.and(
                document -> MasterStatus.allTasksRunning(document) && deployedAfter(document, seqBeforeKill).isPresent()));
        figures.put("worker_kill_to_running_ms", deployedAfter(redeployed, seqBeforeKill).orElseThrow() - workerKilled);
        StatusDocument resumed = await(yarn, id, "processing after the worker's kill",
                restarted.and(document -> processingAfter(document, seqBeforeKill).isPresent()));
        figures.put("recovery_ms", processingAfter(resumed, seqBeforeKill).orElseThrow() - workerKilled);

        StatusDocument beforeMasterKill = awaitCheckpointAfter(yarn, id, resumed.checkpoints().completed());
        long masterKilled = kill(id, "ApplicationMasterMain");
        Predicate<StatusDocument> nextAttempt = document -> document.attempt() > beforeMasterKill.attempt();
        StatusDocument restartedMaster = await(yarn, id, "all tasks running in the next ApplicationMaster attempt",
                nextAttempt.and(document -> MasterStatus.allTasksRunning(document) && deployedAfter(document, 0).isPresent()));
        figures.put("am_kill_to_running_ms", deployedAfter(restartedMaster, 0).orElseThrow() - masterKilled);
        StatusDocument processing = await(yarn, id, "processing in the next ApplicationMaster attempt",
                nextAttempt.and(document -> processingAfter(document, 0).isPresent()));
        figures.put("am_kill_to_processing_ms", processingAfter(processing, 0).orElseThrow() - masterKilled);
    }

    private StatusDocument awaitCheckpointAfter(YarnApplications yarn, ApplicationId id, long completed)
            throws InterruptedException {
        return await(yarn, id, "a completed checkpoint while every task runs", document -> document.state().equals("RUNNING")
                && MasterStatus.allTasksRunning(document) && document.checkpoints().completed() > completed);
    }

    /** Also keeps the checkpoint and restart figures of every document seen. */
    private StatusDocument await(YarnApplications yarn, ApplicationId id, String what, Predicate<StatusDocument> condition)
            throws InterruptedException {
        return MasterStatus.await(yarn, id, what, document -> {
            checkpointsByAttempt.put(document.attempt(), document.checkpoints().completed());
            restartsByAttempt.put(document.attempt(), document.restarts());
            document.checkpoints().latest().ifPresent(checkpoint -> latestCheckpoint = checkpoint);
            if (document.attempt() == 1) {
                firstAttemptSummary = document.checkpoints().summary();
            }
            return condition.test(document);
        }, STEP_TIMEOUT);
    }

    /** SIGKILLs the application's container process with that main class; returns when, in epoch milliseconds. */
    private static long kill(ApplicationId id, String mainClass) {
        List<ProcessHandle> processes = ContainerProcesses.of(id.toString(), mainClass);
        if (processes.isEmpty()) {
            throw new IllegalStateException("no " + mainClass + " process of " + id + " to kill");
        }
        W4.say("SIGKILL to " + mainClass + " process " + processes.get(0).pid());
        long killed = System.currentTimeMillis();
        processes.get(0).destroyForcibly();
        return killed;
    }

    private static Optional<Long> deployedAfter(StatusDocument document, long seq) {
        return MasterStatus.eventMillis(document, EventKind.DEPLOYED, seq);
    }

    private static Optional<Long> processingAfter(StatusDocument document, long seq) {
        return MasterStatus.eventMillis(document, EventKind.PROCESSING, seq);
    }

    /** {@link #submitCommand(JobParams, String, Path, List, List)} of KeyedCounts. */
    static List<String> submitCommand(JobParams options, Path jar, List<String> runOptions, List<String> jobArguments) {
        return submitCommand(options, JOB_CLASS, jar, runOptions, jobArguments);
    }

    /**
     * {@code spindle run -d} of {@code jobClass} from {@code jar} with the benchmarks' settings, as {@code options}
     * change them, then {@code runOptions} (which override them) and the job's arguments.
     */
    static List<String> submitCommand(JobParams options, String jobClass, Path jar, List<String> runOptions,
                                      List<String> jobArguments) {
        List<String> command = new ArrayList<>(List.of("run", "-d", "-c", jobClass));
        SpindleBench.settings(options).forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        command.addAll(runOptions);
        command.add(jar.toString());
        command.addAll(jobArguments);
        return command;
    }

    /** Whether the application succeeds and KeyedCounts' final counts at {@code output} are exact. */
    static boolean succeededWithExactCounts(YarnApplications yarn, ApplicationId id, EmbeddedCluster cluster,
                                            Path directory, String output, Path jar, long records, long keys)
            throws Exception {
        ApplicationStatus end = yarn.awaitFinished(id, END_TIMEOUT, status -> { });
        return end.finalStatus() == FinalApplicationStatus.SUCCEEDED
                && Demo.exactCounts(cluster, output, directory.resolve("counts"), jar, records, keys);
    }

    /** Runs a spindle command in this JVM; returns its output, or fails with everything it printed. */
    static String spindle(Map<String, String> environment, Path directory, List<String> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SpindleCli.withAllCommands(new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, directory))
                .run(command.toArray(String[]::new));
        if (exitCode != 0) {
            throw new IllegalStateException("spindle " + command.get(0) + " exited with " + exitCode + ":\n"
                    + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
