package io.spindle.client.cli;

import io.spindle.core.keys.KeyGroups;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.savepoint.SavepointRescaler;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code spindle savepoint-rescale <in> <out> --max-parallelism M}: re-shards a canonical savepoint to another
 * max parallelism into a new directory; prints its path. The job then restores it with
 * {@code pipeline.max-parallelism: M}.
 */
final class SavepointRescaleCommand implements Command {

    @Override
    public String name() {
        return "savepoint-rescale";
    }

    @Override
    public String arguments() {
        return "<in> <out> --max-parallelism <n>";
    }

    @Override
    public String summary() {
        return "re-shard a canonical savepoint to another max parallelism";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("max-parallelism").hasArg().argName("n").required()
                .desc("the new savepoint's max parallelism (number of key groups), 1 to "
                        + KeyGroups.MAX_MAX_PARALLELISM).build());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        String[] paths = OfflineState.paths(line, "a savepoint path and a target directory", 2);
        int maxParallelism = maxParallelism(line.getOptionValue("max-parallelism"));
        CompletedCheckpoint rescaled = OfflineState.badInputOnFailure(() -> SavepointRescaler.rescale(paths[0],
                paths[1], maxParallelism, OfflineState.hadoopConfiguration()));
        context.out().println("savepoint rescaled to max parallelism " + maxParallelism + ": " + rescaled.directory());
        return ExitCode.OK;
    }

    private static int maxParallelism(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            KeyGroups.checkParallelism(value, 1);
            return value;
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new UsageException("--max-parallelism must be a whole number from 1 to "
                    + KeyGroups.MAX_MAX_PARALLELISM + ", got '" + text + "'", e);
        }
    }
}
