package io.spindle.client.cli;

import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.config.Configuration;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * {@code spindle savepoint <appId> [dir] [--type canonical|native]}: a savepoint of the running job into a new
 * directory under {@code dir} (default {@code execution.checkpointing.savepoint-dir}); prints its path. The job
 * goes on.
 */
final class SavepointCommand implements Command {

    @Override
    public String name() {
        return "savepoint";
    }

    @Override
    public String arguments() {
        return "<appId> [dir]";
    }

    @Override
    public String summary() {
        return "trigger a savepoint of the running job and print its path";
    }

    @Override
    public Options options() {
        return new Options().addOption(Commands.typeOption()).addOption(Commands.dynamicPropertyOption());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        if (line.getArgList().isEmpty() || line.getArgList().size() > 2) {
            throw new UsageException("expects an application id and at most one directory");
        }
        ApplicationId id = YarnApplications.parseId(line.getArgList().get(0));
        String directory = line.getArgList().size() == 2 ? line.getArgList().get(1) : null;
        Configuration configuration = ClientConfiguration.load(context, ClientConfiguration.dynamicProperties(line));
        org.apache.hadoop.conf.Configuration hadoop = ClientConfiguration.hadoop(context, configuration);
        try (YarnApplications yarn = YarnApplications.connect(hadoop)) {
            SavepointTrigger.Outcome outcome = SavepointTrigger.take(yarn, hadoop, configuration, id, directory,
                    SavepointTrigger.format(line), Termination.NONE, context);
            if (outcome.path().isEmpty()) {
                context.err().println("spindle savepoint: savepoint of " + id + " failed: " + outcome.failure());
                return ExitCode.JOB_FAILED;
            }
            context.out().println("savepoint completed: " + outcome.path().get());
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the savepoint of " + id, e);
        }
    }
}
