package io.spindle.client.cli;

import io.spindle.state.savepoint.Savepoints;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code spindle savepoint-dispose <path>}: deletes a savepoint, {@code _metadata} first. Refuses checkpoints,
 * whose files belong to their job's retention, and anything without a readable {@code _metadata}.
 */
final class SavepointDisposeCommand implements Command {

    @Override
    public String name() {
        return "savepoint-dispose";
    }

    @Override
    public String arguments() {
        return "<path>";
    }

    @Override
    public String summary() {
        return "delete a savepoint (never a checkpoint)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        String path = OfflineState.singlePath(line, "savepoint");
        OfflineState.badInputOnFailure(() -> {
            Savepoints.dispose(path, OfflineState.hadoopConfiguration());
            return null;
        });
        context.out().println("savepoint disposed: " + path);
        return ExitCode.OK;
    }
}
