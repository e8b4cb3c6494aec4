package io.spindle.client.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.List;

/** Every verb of the spindle command line with its options (docs/user-guide.md). */
final class Commands {

    private Commands() { }

    static List<Command> all() {
        return List.of(
                new RunCommand(runOptions()),
                new ListCommand(),
                new PrometheusSdCommand(),
                new StatusCommand(),
                new LogsCommand(),
                new SavepointCommand(),
                new StopCommand(),
                new CancelCommand(),
                new CheckpointsCommand(),
                new SavepointInfoCommand(),
                new SavepointCopyCommand(),
                new SavepointRescaleCommand(),
                new SavepointDisposeCommand(),
                new MiniClusterCommand(),
                new DemoCommand(),
                new ConfigCommand());
    }

    private static Options runOptions() {
        return new Options()
                .addOption(Option.builder("t").longOpt("target").hasArg().argName("yarn|local")
                        .desc("where the job runs: a YARN cluster (default) or this JVM").build())
                .addOption(Option.builder("c").longOpt("class").hasArg().argName("class")
                        .desc("the job class, if the jar's manifest does not name one").build())
                .addOption(Option.builder("p").longOpt("parallelism").hasArg().argName("n")
                        .desc("parallelism of operators that do not set their own").build())
                .addOption(Option.builder("s").longOpt("from-savepoint").hasArg().argName("path")
                        .desc("start from this savepoint or retained checkpoint").build())
                .addOption(Option.builder("n").longOpt("allow-non-restored-state")
                        .desc("start even if the savepoint holds state for operators the job lacks").build())
                .addOption(dynamicPropertyOption())
                .addOption(Option.builder("d").longOpt("detached")
                        .desc("print the application id and return instead of following the job").build())
                .addOption(Option.builder().longOpt("name").hasArg().argName("name")
                        .desc("YARN application name").build())
                .addOption(Option.builder().longOpt("queue").hasArg().argName("queue")
                        .desc("YARN queue").build());
    }

    static Option dynamicPropertyOption() {
        return Option.builder("D").hasArg().argName("key=value")
                .desc("set a configuration key (repeatable); overrides the configuration file").build();
    }

    static Option typeOption() {
        return Option.builder().longOpt("type").hasArg().argName("canonical|native")
                .desc("savepoint format (default canonical)").build();
    }
}
