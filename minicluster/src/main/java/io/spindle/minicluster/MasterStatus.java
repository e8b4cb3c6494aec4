package io.spindle.minicluster;

import io.spindle.client.rest.MasterClient;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits for what an application's status document shows, as whichever ApplicationMaster attempt is current serves
 * it: for measuring and testing a job's course on the embedded cluster.
 */
final class MasterStatus {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private MasterStatus() { }

    /**
     * Polls until a document satisfies {@code condition} and returns it.
     *
     * @throws IllegalStateException if the application ends first, or after {@code timeout}
     */
    static StatusDocument await(YarnApplications yarn, ApplicationId id, String what, Predicate<StatusDocument> condition,
                                Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ApplicationStatus application = yarn.status(id);
            if (application.finished()) {
                throw new IllegalStateException(id + " ended " + application.finalStatus() + " before " + what + ": "
                        + application.diagnostics().strip());
            }
            Optional<StatusDocument> document = served(application);
            if (document.isPresent() && condition.test(document.get())) {
                return document.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " in " + id + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Polls until the application ended and returns the last document its ApplicationMaster served, if any: the
     * job's final figures as far as they can be seen from outside.
     *
     * @throws IllegalStateException if it has not ended after {@code timeout}
     */
    static Optional<StatusDocument> lastBeforeEnd(YarnApplications yarn, ApplicationId id, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<StatusDocument> last = Optional.empty();
        while (true) {
            ApplicationStatus application = yarn.status(id);
            if (application.finished()) {
                return last;
            }
            Optional<StatusDocument> document = served(application);
            if (document.isPresent()) {
                last = document;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(id + " did not end within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** The document of the current ApplicationMaster attempt, if it answers; a new attempt serves elsewhere. */
    private static Optional<StatusDocument> served(ApplicationStatus application) throws InterruptedException {
        Optional<URI> master = application.masterUrl();
        return master.isEmpty() ? Optional.empty() : new MasterClient(master.get()).statusIfAnswering();
    }

    static boolean allTasksRunning(StatusDocument document) {
        return document.tasks().stream().allMatch(task -> task.state().equals("RUNNING"));
    }

    /** The time of the first event of this kind after event {@code afterSeq}, in epoch milliseconds. */
    static Optional<Long> eventMillis(StatusDocument document, EventKind kind, long afterSeq) {
        return document.events().stream().filter(event -> event.kind() == kind && event.seq() > afterSeq)
                .findFirst().map(event -> event.time().toEpochMilli());
    }

    static long lastSeq(StatusDocument document) {
        return document.events().isEmpty() ? 0 : document.events().get(document.events().size() - 1).seq();
    }
}
