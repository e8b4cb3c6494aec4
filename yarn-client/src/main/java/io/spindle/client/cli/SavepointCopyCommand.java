package io.spindle.client.cli;

import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.savepoint.Savepoints;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code spindle savepoint-copy <src> <dst>}: copies a savepoint between any two Hadoop file systems, checking
 * every file while copying and writing {@code _metadata} last; prints the copy's path.
 */
final class SavepointCopyCommand implements Command {

    @Override
    public String name() {
        return "savepoint-copy";
    }

    @Override
    public String arguments() {
        return "<src> <dst>";
    }

    @Override
    public String summary() {
        return "copy a savepoint to an absent or empty directory, on any file system";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        String[] paths = OfflineState.paths(line, "a savepoint path and a target directory", 2);
        CompletedCheckpoint copy = OfflineState.badInputOnFailure(
                () -> Savepoints.copy(paths[0], paths[1], OfflineState.hadoopConfiguration()));
        context.out().println("savepoint copied: " + copy.directory());
        return ExitCode.OK;
    }
}
