package io.spindle.client.cli;

import io.spindle.client.rest.MasterClient;
import io.spindle.client.rest.MasterResponseException;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.config.Configuration;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code spindle status <appId>}: the job as its ApplicationMaster reports it; what YARN says when
 * the application has finished or its ApplicationMaster does not answer.
 */
final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String arguments() {
        return "<appId>";
    }

    @Override
    public String summary() {
        return "job state, tasks, restarts, latest checkpoints";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        ApplicationId id = ApplicationArgument.parse(line);
        Configuration configuration = ClientConfiguration.load(context, List.of());
        ApplicationStatus application;
        try (YarnApplications yarn = YarnApplications.connect(ClientConfiguration.hadoop(context, configuration))) {
            application = ApplicationArgument.spindleApplication(yarn, id);
        }
        PrintStream out = context.out();
        Optional<URI> master = application.masterUrl();
        if (application.finished()) {
            out.println(id + ": finished " + application.finalStatus());
            if (!application.diagnostics().isBlank()) {
                out.println("diagnostics: " + application.diagnostics().strip());
            }
        } else if (master.isEmpty()) {
            out.println(id + ": " + application.state() + ", its ApplicationMaster has not started yet");
        } else {
            try {
                StatusReport.print(new MasterClient(master.get()).status(), out);
            } catch (IOException | MasterResponseException e) {
                out.println(id + ": " + application.state() + ", but " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking " + master.get(), e);
            }
        }
        return ExitCode.OK;
    }
}
