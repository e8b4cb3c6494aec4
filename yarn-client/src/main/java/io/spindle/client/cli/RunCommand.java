package io.spindle.client.cli;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.job.JobJar;
import io.spindle.client.yarn.ApplicationFollower;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.JobSubmitter;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.ConnectorPreflight;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.master.checkpoint.StateAssignment;
import io.spindle.master.checkpoint.StateRestoreException;
import io.spindle.master.local.JobExecutionException;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.state.checkpoint.storage.CheckpointDirectoryDefaults;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.savepoint.SavepointVerifier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code spindle run}: checks everything it can before the job starts (configuration, jar, job
 * class, job arguments, the job graph), then runs the job and follows it to the end.
 */
final class RunCommand implements Command {

    private final Options options;

    RunCommand(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "[options] <job.jar> [--key value ...]";
    }

    @Override
    public String summary() {
        return "submit a job to YARN (or run it locally with -t local) and follow it";
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public boolean stopsAtFirstArgument() {
        return true;
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        List<String> arguments = line.getArgList();
        if (arguments.isEmpty()) {
            throw new UsageException("missing the job jar; see 'spindle run --help'");
        }
        String target = line.getOptionValue("target", "yarn");
        if (!target.equals("local") && !target.equals("yarn")) {
            throw new UsageException("--target must be yarn or local, got '" + target + "'");
        }
        Configuration configuration = ClientConfiguration.load(context, dynamicProperties(line));
        SpindleJob job = JobJar.load(Path.of(arguments.get(0)), Optional.ofNullable(line.getOptionValue("class")));
        JobParams params;
        StreamGraph graph;
        try {
            params = JobParams.fromArgs(arguments.subList(1, arguments.size()));
            graph = JobGraphs.build(job, params, configuration);
        } catch (JobParameterException | JobDefinitionException e) {
            throw new UsageException(e.getMessage());
        }
        org.apache.hadoop.conf.Configuration hadoop = ClientConfiguration.hadoop(context, graph.configuration());
        checkRestorePath(graph, hadoop);
        try {
            ConnectorPreflight.check(graph, new HadoopFileAccess(hadoop));
        } catch (JobDefinitionException e) {
            throw new UsageException(e.getMessage());
        }
        if (target.equals("yarn")) {
            return runOnYarn(line, context, job, graph, hadoop, Path.of(arguments.get(0)),
                    arguments.subList(1, arguments.size()));
        }
        try {
            LocalExecutor executor = new LocalExecutor(configuration);
            if (configuration.contains(CheckpointingOptions.INTERVAL)) {
                context.out().println("checkpoints go to " + executor.checkpointDirectory() + "/<job id>");
            }
            JobResult result = executor.execute(job, params);
            context.out().println("job " + result.jobName() + " finished in " + result.wallMillis() + " ms");
            return ExitCode.OK;
        } catch (StateRestoreException e) {
            throw new UsageException(e.getMessage());
        } catch (JobExecutionException e) {
            context.err().println("spindle run: " + e.getMessage());
            return ExitCode.JOB_FAILED;
        }
    }

    /**
     * Submits the job and, unless detached, follows it to its end: exit 0 when it succeeded, 1 when it failed or
     * was killed.
     */
    private static int runOnYarn(CommandLine line, CliContext context, SpindleJob job, StreamGraph graph,
                                 org.apache.hadoop.conf.Configuration hadoop, Path jobJar, List<String> jobArguments) {
        Configuration configuration = CheckpointDirectoryDefaults.withDefault(graph.configuration().copy(),
                CheckpointDirectoryDefaults.onCluster(hadoop), "the user's home on the cluster");
        ApplicationId id = new JobSubmitter(hadoop).submit(job, jobJar, jobArguments, configuration);
        if (line.hasOption("detached")) {
            context.out().println(id);
            return ExitCode.OK;
        }
        context.out().println("submitted " + id);
        if (configuration.contains(CheckpointingOptions.INTERVAL)) {
            context.out().println("checkpoints go to " + configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                    + "/" + id);
        }
        ApplicationStatus end;
        try (YarnApplications yarn = YarnApplications.connect(hadoop)) {
            end = new ApplicationFollower(yarn, context.out()).follow(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("spindle run: interrupted; " + id + " goes on running (spindle cancel " + id + ")");
            return ExitCode.JOB_FAILED;
        }
        if (end.finalStatus() == FinalApplicationStatus.SUCCEEDED) {
            context.out().println(id + " SUCCEEDED: " + end.diagnostics());
            return ExitCode.OK;
        }
        context.err().println("spindle run: " + id + " " + end.finalStatus() + ": " + end.diagnostics());
        return ExitCode.JOB_FAILED;
    }

    /**
     * A savepoint or checkpoint to start from, checked before anything runs or is submitted: that it fits the job,
     * and that every state file is there with the size and checksum its metadata records.
     */
    private static void checkRestorePath(StreamGraph graph, org.apache.hadoop.conf.Configuration hadoop) {
        Configuration configuration = graph.configuration();
        if (!configuration.contains(CheckpointingOptions.RESTORE_PATH)) {
            return;
        }
        String path = configuration.get(CheckpointingOptions.RESTORE_PATH);
        CompletedCheckpoint checkpoint;
        try {
            checkpoint = StateAssignment.checkpointAt(path, hadoop);
            StateAssignment.assign(checkpoint, ExecutionPlan.of(graph), null, false,
                    configuration.get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE));
        } catch (StateRestoreException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> problems;
        try {
            problems = SavepointVerifier.checkBeforeRestore(checkpoint, hadoop);
        } catch (IOException e) {
            throw new UsageException("cannot restore from " + path + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UsageException("cannot restore from " + path + ": " + problems.get(0)
                    + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problems)"));
        }
    }

    /** -D values, with -p and --name as the keys they stand for. */
    private static List<String> dynamicProperties(CommandLine line) {
        List<String> properties = new ArrayList<>(ClientConfiguration.dynamicProperties(line));
        if (line.hasOption("parallelism")) {
            properties.add("parallelism.default=" + line.getOptionValue("parallelism"));
        }
        if (line.hasOption("name")) {
            properties.add("yarn.application.name=" + line.getOptionValue("name"));
        }
        if (line.hasOption("queue")) {
            properties.add("yarn.application.queue=" + line.getOptionValue("queue"));
        }
        if (line.hasOption("from-savepoint")) {
            properties.add("execution.state-recovery.path=" + line.getOptionValue("from-savepoint"));
        }
        if (line.hasOption("allow-non-restored-state")) {
            properties.add("execution.state-recovery.ignore-unclaimed-state=true");
        }
        return properties;
    }
}
