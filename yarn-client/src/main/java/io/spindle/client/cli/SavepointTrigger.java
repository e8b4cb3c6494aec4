package io.spindle.client.cli;

import io.spindle.client.rest.MasterClient;
import io.spindle.client.rest.MasterResponseException;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.client.yarn.ApplicationSecret;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.YarnOptions;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code spindle savepoint} and {@code spindle stop} share: find the running application and its AM, ask
 * for the savepoint with the application's secret, and follow the request in the AM's status until it ends.
 */
final class SavepointTrigger {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Longer than the default checkpoint timeout (10 min), after which the AM gives the savepoint up itself. */
    private static final Duration TIMEOUT = Duration.ofMinutes(11);

    private SavepointTrigger() { }

    /** How a savepoint request ended: the savepoint's path, or why there is none. */
    record Outcome(Optional<String> path, String failure) { }

    static SavepointFormat format(CommandLine line) {
        try {
            return SavepointFormat.parse(line.getOptionValue("type", "canonical"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--type: " + e.getMessage());
        }
    }

    /**
     * Asks the application's AM for a savepoint and waits for its outcome. Bad input (unknown or finished
     * application, a refused request) is a {@link UsageException}.
     */
    static Outcome take(YarnApplications yarn, org.apache.hadoop.conf.Configuration hadoop, Configuration configuration,
                        ApplicationId id, String directory, SavepointFormat format, Termination termination,
                        CliContext context) throws InterruptedException {
        ApplicationStatus application = ApplicationArgument.runningSpindleApplication(yarn, id);
        Optional<URI> master = application.masterUrl();
        if (master.isEmpty()) {
            return new Outcome(Optional.empty(), "its ApplicationMaster has not started yet; try again shortly");
        }
        String secret = ApplicationSecret.read(hadoop, configuration.getOptional(YarnOptions.STAGING_DIRECTORY), id);
        MasterClient client = new MasterClient(master.get());
        try {
            int request = client.savepoint(secret, directory, format, termination);
            context.out().println("savepoint of " + id + " requested (" + format.name().toLowerCase(Locale.ROOT)
                    + (termination == Termination.NONE ? "" : ", then " + termination.name().toLowerCase(Locale.ROOT)) + ")");
            return await(client, request);
        } catch (MasterResponseException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            return new Outcome(Optional.empty(), e.getMessage());
        }
    }

    private static Outcome await(MasterClient client, int request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int attempt = -1;
        while (System.nanoTime() < deadline) {
            StatusDocument status = client.status();
            if (attempt < 0) {
                attempt = status.attempt();
            } else if (status.attempt() != attempt) {
                return new Outcome(Optional.empty(), "the ApplicationMaster restarted; the savepoint request was lost");
            }
            Optional<StatusDocument.Savepoint> savepoint = status.savepoint(request);
            if (savepoint.isPresent() && savepoint.get().state().equals("COMPLETED")) {
                return new Outcome(savepoint.get().path(), "");
            }
            if (savepoint.isPresent() && savepoint.get().state().equals("FAILED")) {
                return new Outcome(Optional.empty(), savepoint.get().failure().orElse("no reason given"));
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Outcome(Optional.empty(), "no outcome after " + TIMEOUT.toMinutes() + " minutes");
    }

}
