package io.spindle.minicluster;

import io.spindle.api.JobParams;
import io.spindle.client.bench.NexmarkBench;
import io.spindle.client.bench.NexmarkResults;
import io.spindle.client.bench.SpindleBench;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code spindle-bench W5 --target yarn --query qN [--events N] [--parallelism P]}: W5 on an embedded YARN + HDFS of
 * its own. Submits the Nexmark job with {@code spindle run -d} (the benchmarks' settings, checkpoints into HDFS; the
 * sink subtasks publish their checksum files into HDFS, which every container reaches), waits for the application
 * to end, and sums the files as the local run does. Times, on this machine's clock: {@code wall_s} from calling
 * {@code spindle run} to YARN reporting the application finished; {@code events_per_s} over the job's run as its
 * ApplicationMaster's status document shows it, from its first DEPLOYED event to its ENDED event (or, if the last
 * document served came before that, to YARN reporting the end). The checkpoint figures are the last document's.
 */
public final class NexmarkYarnBench {

    private static final OneShotCluster W5 = new OneShotCluster("W5");
    private static final Duration END_TIMEOUT = Duration.ofMinutes(60);

    private NexmarkYarnBench() { }

    /** {@code args} as {@code spindle-bench} was given them: the workload first. */
    public static void main(String[] args) throws Exception {
        JobParams options = NexmarkBench.withDefaults(JobParams.fromArgs(List.of(args).subList(1, args.length)));
        W5.run((cluster, directory) -> run(cluster, directory, options));
    }

    private static int run(EmbeddedCluster cluster, java.nio.file.Path directory, JobParams options) throws Exception {
        Map<String, String> environment = ClientSetup.write(cluster, directory);
        java.nio.file.Path jar = SpindleBench.examplesJar();
        NexmarkResults results = NexmarkResults.load(jar);
        NexmarkBench.Run run = NexmarkBench.parse(options, results.queries());
        String checksums = cluster.fileSystemUri() + "/w5/checksums";
        List<String> jobArguments = new ArrayList<>();
        run.jobArguments(checksums).forEach((name, value) -> jobArguments.addAll(List.of("--" + name, value)));
        List<String> command = LifecycleBench.submitCommand(options, NexmarkBench.JOB_CLASS, jar, List.of(),
                jobArguments);
        W5.say("spindle " + String.join(" ", command));
        long submitted = System.currentTimeMillis();
        ApplicationId id = YarnApplications.parseId(LifecycleBench.spindle(environment, directory, command).strip());
        StatusDocument last;
        ApplicationStatus end;
        try (YarnApplications yarn = YarnApplications.connect(cluster.hadoopConfiguration())) {
            last = MasterStatus.lastBeforeEnd(yarn, id, END_TIMEOUT).orElseThrow(
                    () -> new IllegalStateException(id + " ended before its ApplicationMaster served a status"));
            end = yarn.status(id);
        }
        long finished = System.currentTimeMillis();
        if (end.finalStatus() != FinalApplicationStatus.SUCCEEDED) {
            throw new IllegalStateException(id + " ended " + end.finalStatus() + ": " + end.diagnostics().strip());
        }
        long deployed = MasterStatus.eventMillis(last, EventKind.DEPLOYED, 0).orElseThrow(
                () -> new IllegalStateException("the last status document of " + id + " has no DEPLOYED event"));
        long ended = MasterStatus.eventMillis(last, EventKind.ENDED, 0).orElse(finished);
        Map<String, Object> figures = run.figures();
        figures.put("events_per_s", run.events() / ((ended - deployed) / 1000.0));
        figures.put("wall_s", (finished - submitted) / 1000.0);
        SpindleBench.putCheckpointFigures(figures, last.checkpoints().completed(), last.checkpoints().summary(),
                last.checkpoints().latest().map(StatusDocument.Checkpoint::stateBytes));
        return NexmarkBench.report(figures, run, results, read(cluster, checksums));
    }

    /** The contents of the checksum files in the cluster's HDFS. */
    private static List<String> read(EmbeddedCluster cluster, String checksums) throws IOException {
        List<String> contents = new ArrayList<>();
        try (FileSystem fileSystem = FileSystem.newInstance(cluster.hadoopConfiguration())) {
            for (FileStatus file : fileSystem.listStatus(new Path(checksums))) {
                if (NexmarkBench.isChecksumFile(file.getPath().getName())) {
                    try (InputStream in = fileSystem.open(file.getPath())) {
                        contents.add(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        return contents;
    }
}
