package io.spindle.client.cli;

import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.client.yarn.YarnClusterException;
import io.spindle.core.config.Configuration;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;

import java.time.Duration;

/**
 * {@code spindle stop <appId> [--savepoint-path dir] [--drain] [--type canonical|native]}: the sources stop after
 * a final savepoint's barrier, the sinks commit it, and the application ends SUCCEEDED; prints the savepoint's
 * path. With {@code --drain} the input ends first, so every end-of-input hook runs. If the savepoint fails, the
 * job keeps running and the command exits 1 with the reason.
 */
final class StopCommand implements Command {

    private static final Duration END_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String arguments() {
        return "<appId>";
    }

    @Override
    public String summary() {
        return "stop the job with a savepoint and print its path";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("savepoint-path").hasArg().argName("dir")
                        .desc("where to write the savepoint (default: execution.checkpointing.savepoint-dir)").build())
                .addOption(Option.builder().longOpt("drain")
                        .desc("end the input first, so every end-of-input hook runs").build())
                .addOption(Commands.typeOption())
                .addOption(Commands.dynamicPropertyOption());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        ApplicationId id = ApplicationArgument.parse(line);
        Configuration configuration = ClientConfiguration.load(context, ClientConfiguration.dynamicProperties(line));
        org.apache.hadoop.conf.Configuration hadoop = ClientConfiguration.hadoop(context, configuration);
        Termination termination = line.hasOption("drain") ? Termination.DRAIN : Termination.STOP;
        try (YarnApplications yarn = YarnApplications.connect(hadoop)) {
            SavepointTrigger.Outcome outcome = SavepointTrigger.take(yarn, hadoop, configuration, id,
                    line.getOptionValue("savepoint-path"), SavepointTrigger.format(line), termination, context);
            if (outcome.path().isEmpty()) {
                context.err().println("spindle stop: the savepoint failed, the job keeps running: " + outcome.failure());
                return ExitCode.JOB_FAILED;
            }
            context.out().println("savepoint completed: " + outcome.path().get());
            ApplicationStatus end = yarn.awaitFinished(id, END_TIMEOUT, status -> { });
            context.out().println(ApplicationArgument.endLine(end));
            return end.finalStatus() == FinalApplicationStatus.SUCCEEDED ? ExitCode.OK : ExitCode.JOB_FAILED;
        } catch (YarnClusterException e) {
            context.err().println("spindle stop: " + e.getMessage());
            return ExitCode.JOB_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + id, e);
        }
    }
}
