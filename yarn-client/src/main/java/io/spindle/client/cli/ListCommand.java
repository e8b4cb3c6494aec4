package io.spindle.client.cli;

import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.config.Configuration;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.util.List;

/** {@code spindle list}: the Spindle applications YARN has not finished, one line each. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "list the running Spindle applications";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        List<ApplicationStatus> applications = unfinishedApplications(line, context);
        if (applications.isEmpty()) {
            context.out().println("no running Spindle applications");
        }
        for (ApplicationStatus application : applications) {
            context.out().printf("%-32s %-9s %-24s %-12s %-12s %s%n", application.id(), application.state(),
                    application.name(), application.queue(), application.user(), application.trackingUrl());
        }
        return ExitCode.OK;
    }

    /** The Spindle applications YARN has not finished, for a command that takes no arguments. */
    static List<ApplicationStatus> unfinishedApplications(CommandLine line, CliContext context) {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
        }
        Configuration configuration = ClientConfiguration.load(context, List.of());
        try (YarnApplications yarn = YarnApplications.connect(ClientConfiguration.hadoop(context, configuration))) {
            return yarn.listUnfinished();
        }
    }
}
