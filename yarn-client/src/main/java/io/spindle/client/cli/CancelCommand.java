package io.spindle.client.cli;

import io.spindle.client.rest.MasterClient;
import io.spindle.client.rest.MasterResponseException;
import io.spindle.client.yarn.ApplicationSecret;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.client.yarn.YarnClusterException;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.YarnOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code spindle cancel <appId>}: asks the ApplicationMaster to cancel the job, so that it ends the
 * application KILLED with its checkpoints kept as configured, and waits for YARN to report the end.
 * Kills the application through YARN if the ApplicationMaster cannot be asked.
 */
final class CancelCommand implements Command {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String arguments() {
        return "<appId>";
    }

    @Override
    public String summary() {
        return "cancel the job (checkpoints kept as execution.checkpointing.externalized-checkpoint-retention says)";
    }

    /** -D for yarn.staging-directory, where the application's secret is, if it was given so at submission. */
    @Override
    public Options options() {
        return new Options().addOption(Commands.dynamicPropertyOption());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        ApplicationId id = ApplicationArgument.parse(line);
        Configuration configuration = ClientConfiguration.load(context, ClientConfiguration.dynamicProperties(line));
        org.apache.hadoop.conf.Configuration hadoop = ClientConfiguration.hadoop(context, configuration);
        try (YarnApplications yarn = YarnApplications.connect(hadoop)) {
            ApplicationStatus application = ApplicationArgument.runningSpindleApplication(yarn, id);
            String secret = ApplicationSecret.read(hadoop, configuration.getOptional(YarnOptions.STAGING_DIRECTORY), id);
            context.out().println("cancelling " + id);
            cancel(application, secret, yarn, context.out());
            return awaitKilled(id, yarn, context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cancelling " + id, e);
        }
    }

    private static void cancel(ApplicationStatus application, String secret, YarnApplications yarn, PrintStream out)
            throws InterruptedException {
        Optional<URI> master = application.masterUrl();
        if (master.isEmpty()) {
            out.println("its ApplicationMaster has not started yet; killing it through YARN");
            yarn.kill(application.id(), "cancelled before its ApplicationMaster started");
            return;
        }
        try {
            new MasterClient(master.get()).cancel(secret);
        } catch (IOException e) {
            out.println(e.getMessage() + "; killing it through YARN");
            yarn.kill(application.id(), "cancelled while its ApplicationMaster did not answer");
        } catch (MasterResponseException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Exit 0 once YARN reports the application KILLED; 1 if it ended otherwise or not in time. */
    private static int awaitKilled(ApplicationId id, YarnApplications yarn, CliContext context) throws InterruptedException {
        ApplicationStatus end;
        try {
            end = yarn.awaitFinished(id, TIMEOUT, status -> { });
        } catch (YarnClusterException e) {
            context.err().println("spindle cancel: " + e.getMessage());
            return ExitCode.JOB_FAILED;
        }
        context.out().println(ApplicationArgument.endLine(end));
        return end.finalStatus() == FinalApplicationStatus.KILLED ? ExitCode.OK : ExitCode.JOB_FAILED;
    }
}
