package io.spindle.client.cli;

import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.Checkpoint;
import io.spindle.protocol.status.StatusDocument.Container;
import io.spindle.protocol.status.StatusDocument.Task;

import java.io.PrintStream;

/** A status document as {@code spindle status} shows it to people. */
final class StatusReport {

    private StatusReport() { }

    static void print(StatusDocument status, PrintStream out) {
        out.printf("%s: job %s %s (ApplicationMaster attempt %d, %d %s)%n", status.application(), status.job(),
                status.state(), status.attempt(), status.restarts(), status.restarts() == 1 ? "restart" : "restarts");
        status.waiting().ifPresent(waiting -> out.println(waiting.message()));
        out.println("tasks:");
        for (Task task : status.tasks()) {
            out.printf("  %-24s %-40s %s%n", task.name() + "[" + task.subtask() + "]", task.worker(), task.state());
        }
        out.println("containers:");
        for (Container container : status.containers()) {
            out.printf("  %-40s %-24s %s%n", container.id(), container.host(), container.state());
        }
        out.printf("checkpoints: %d completed, %d failed%n", status.checkpoints().completed(),
                status.checkpoints().failed());
        status.checkpoints().latest().ifPresent(latest -> out.println("  latest: " + describe(latest)));
        status.checkpoints().summary().ifPresent(summary -> out.println("  this attempt: median "
                + summary.durationMillisP50() + " ms, longest " + summary.durationMillisMax() + " ms, median upload "
                + OfflineState.bytes(summary.incrementalBytesP50())));
        status.failure().ifPresent(failure -> out.println("failure: " + failure));
    }

    private static String describe(Checkpoint checkpoint) {
        return checkpoint.id() + ", " + OfflineState.bytes(checkpoint.stateBytes()) + " ("
                + OfflineState.bytes(checkpoint.incrementalBytes()) + " incremental) in " + checkpoint.durationMs()
                + " ms at " + checkpoint.path();
    }
}
