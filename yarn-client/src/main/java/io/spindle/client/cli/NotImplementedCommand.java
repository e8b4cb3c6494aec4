package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A verb whose options are settled but whose work lands with a later issue. */
record NotImplementedCommand(String name, String arguments, String summary, Options options) implements Command {

    @Override
    public int run(CommandLine line, CliContext context) {
        throw new UsageException("not implemented yet");
    }
}
