package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One verb of the spindle command line. */
public interface Command {

    String name();

    /** The words after the verb, for usage lines: "[opts] <job.jar> [job args]". */
    String arguments();

    /** One line for the command list. */
    String summary();

    Options options();

    /** Whether arguments after the first positional one belong to it rather than to spindle (job arguments). */
    default boolean stopsAtFirstArgument() {
        return false;
    }

    /** Runs the command; returns the exit code. Throws {@link UsageException} for bad input. */
    int run(CommandLine line, CliContext context);
}
