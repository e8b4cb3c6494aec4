package io.spindle.client.cli;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.client.job.JobJar;
import io.spindle.core.config.ConfigException;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.master.checkpoint.StateRestoreException;
import io.spindle.master.local.JobExecutionException;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

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
        try {
            params = JobParams.fromArgs(arguments.subList(1, arguments.size()));
            JobGraphs.build(job, params, configuration);
        } catch (JobParameterException | JobDefinitionException | ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        if (target.equals("yarn")) {
            throw new UsageException("running on YARN is not implemented yet; use -t local");
        }
        try {
            JobResult result = new LocalExecutor(configuration).execute(job, params);
            context.out().println("job " + result.jobName() + " finished in " + result.wallMillis() + " ms");
            return ExitCode.OK;
        } catch (StateRestoreException e) {
            throw new UsageException(e.getMessage());
        } catch (JobExecutionException e) {
            context.err().println("spindle run: " + e.getMessage());
            return ExitCode.JOB_FAILED;
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
