package io.spindle.client.cli;

import io.spindle.client.logs.AggregatedLogs;
import io.spindle.client.logs.ApplicationLogs;
import io.spindle.client.logs.LogPrinter;
import io.spindle.client.logs.NodeManagerLogs;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.ContainerLocation;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.client.yarn.YarnClusterException;
import io.spindle.core.config.Configuration;
import io.spindle.core.text.FirstLine;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code spindle logs <appId> [--container <id>] [--follow]}: the containers' log files, from the NodeManagers
 * while the application runs, from the cluster's aggregated logs once it has ended. {@code --follow} goes on
 * printing what the running containers add until the application ends.
 */
final class LogsCommand implements Command {

    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String arguments() {
        return "[--container <id>] [--follow] <appId>";
    }

    @Override
    public String summary() {
        return "the containers' logs, while the job runs or after it ended";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("container").hasArg().argName("id")
                        .desc("only this container's logs").build())
                .addOption(Option.builder("f").longOpt("follow")
                        .desc("go on printing what the running containers log, until the application ends").build());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        ApplicationId id = ApplicationArgument.parse(line);
        Optional<ContainerId> container = containerOption(line, id);
        Configuration configuration = ClientConfiguration.load(context, List.of());
        org.apache.hadoop.conf.Configuration hadoop = ClientConfiguration.hadoop(context, configuration);
        AggregatedLogs aggregated = new AggregatedLogs(hadoop);
        ApplicationLogs logs = new ApplicationLogs(new NodeManagerLogs(YarnConfiguration.useHttps(hadoop)), aggregated,
                new LogPrinter(context.out()));
        try (YarnApplications yarn = YarnApplications.connect(hadoop)) {
            ApplicationStatus application = ApplicationArgument.spindleApplication(yarn, id);
            if (application.finished()) {
                UploadedLogs.await(yarn, id, context.err());
                UploadedLogs.requireContainer(aggregated, application, container);
                UploadedLogs.print(logs, application, container);
                return ExitCode.OK;
            }
            List<ContainerLocation> containers = runningContainers(yarn, aggregated, application, container);
            logs.printRolledOver(id, application.user(), container);
            logs.printLocal(containers);
            if (line.hasOption("follow")) {
                follow(yarn, logs, application, container, context);
            }
            return ExitCode.OK;
        } catch (IOException e) {
            throw new YarnClusterException("could not read the uploaded logs of " + id + ": " + FirstLine.of(
                    String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the logs of " + id, e);
        }
    }

    /** Prints what the containers add until the application ends; the containers are listed again each time. */
    private static void follow(YarnApplications yarn, ApplicationLogs logs, ApplicationStatus application,
                               Optional<ContainerId> container, CliContext context) throws InterruptedException {
        ApplicationStatus status = application;
        while (!status.finished()) {
            Thread.sleep(FOLLOW_INTERVAL.toMillis());
            logs.printNew(only(yarn.containers(application.id()), container));
            status = yarn.status(application.id());
        }
        context.err().println(ApplicationArgument.endLine(status) + "; its aggregated logs: spindle logs " + status.id());
    }

    private static List<ContainerLocation> runningContainers(YarnApplications yarn, AggregatedLogs aggregated,
                                                             ApplicationStatus application,
                                                             Optional<ContainerId> container) {
        List<ContainerLocation> containers = only(yarn.containers(application.id()), container);
        if (container.isPresent() && containers.isEmpty()) {
            UploadedLogs.requireContainer(aggregated, application, container);
        }
        return containers;
    }

    private static List<ContainerLocation> only(List<ContainerLocation> containers, Optional<ContainerId> container) {
        return containers.stream().filter(c -> container.map(c.id()::equals).orElse(true)).toList();
    }

    /** The {@code --container} id, which must be one of the application's. */
    private static Optional<ContainerId> containerOption(CommandLine line, ApplicationId application) {
        String text = line.getOptionValue("container");
        if (text == null) {
            return Optional.empty();
        }
        ContainerId container;
        try {
            container = ContainerId.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a container id: " + text, e);
        }
        if (!container.getApplicationAttemptId().getApplicationId().equals(application)) {
            throw new UsageException("container " + container + " is not one of " + application);
        }
        return Optional.of(container);
    }
}
