package io.spindle.client.yarn;

import io.spindle.client.rest.MasterClient;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Follows an application until YARN reports it finished: one line per YARN state change and, while
 * its ApplicationMaster answers, one line per new event of the job. An AM that does not answer (not
 * started yet, or between attempts) is normal and prints nothing.
 */
public final class ApplicationFollower {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    private final YarnApplications yarn;
    private final PrintStream out;
    private final Duration pollInterval;

    public ApplicationFollower(YarnApplications yarn, PrintStream out) {
        this(yarn, out, DEFAULT_POLL_INTERVAL);
    }

    public ApplicationFollower(YarnApplications yarn, PrintStream out, Duration pollInterval) {
        this.yarn = yarn;
        this.out = out;
        this.pollInterval = pollInterval;
    }

    /** Returns the application's status once it has finished. */
    public ApplicationStatus follow(ApplicationId id) throws InterruptedException {
        NewEvents events = new NewEvents(ZoneId.systemDefault());
        YarnApplicationState lastState = null;
        while (true) {
            ApplicationStatus status = yarn.status(id);
            if (status.state() != lastState) {
                lastState = status.state();
                out.println(id + " " + lastState);
            }
            if (status.finished()) {
                return status;
            }
            // each poll re-reads the address: a new AM attempt serves elsewhere
            Optional<URI> master = status.masterUrl();
            if (master.isPresent()) {
                new MasterClient(master.get()).statusIfAnswering()
                        .ifPresent(document -> events.lines(document).forEach(out::println));
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
