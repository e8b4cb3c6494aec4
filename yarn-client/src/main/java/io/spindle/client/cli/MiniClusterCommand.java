package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code spindle minicluster}: starts the embedded YARN + HDFS of the minicluster module; see
 * {@link MiniClusterMain}.
 */
final class MiniClusterCommand implements Command {

    private static final String MAIN_CLASS = "io.spindle.minicluster.EmbeddedClusterMain";

    @Override
    public String name() {
        return "minicluster";
    }

    @Override
    public String arguments() {
        return "[--dir D] [--nodemanagers N]";
    }

    @Override
    public String summary() {
        return "start an embedded YARN + HDFS, write its Hadoop conf to D/conf, run until Ctrl-C";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("dir").hasArg().argName("D")
                        .desc("working directory of the embedded cluster (default: a new temporary one)").build())
                .addOption(Option.builder().longOpt("nodemanagers").hasArg().argName("N")
                        .desc("NodeManagers to start (default 2)").build());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        List<String> arguments = new ArrayList<>();
        for (String option : new String[] {"dir", "nodemanagers"}) {
            if (line.hasOption(option)) {
                arguments.add("--" + option);
                arguments.add(line.getOptionValue(option));
            }
        }
        MiniClusterMain.run(MAIN_CLASS, arguments.toArray(String[]::new));
        return ExitCode.OK;
    }
}
