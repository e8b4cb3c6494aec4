package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code spindle demo}: the embedded cluster, KeyedCounts on it, a worker container killed and recovered, the
 * counts checked; see the minicluster module's {@code Demo}.
 */
final class DemoCommand implements Command {

    private static final String MAIN_CLASS = "io.spindle.minicluster.Demo";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "embedded YARN + HDFS, an example job, a killed worker container recovered, exact counts checked";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        MiniClusterMain.run(MAIN_CLASS, new String[0]);
        return ExitCode.OK;
    }
}
