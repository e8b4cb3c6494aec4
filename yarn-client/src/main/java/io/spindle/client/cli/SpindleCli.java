package io.spindle.client.cli;

import io.spindle.client.yarn.YarnClusterException;
import io.spindle.core.config.ConfigException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code spindle} command: picks the verb, parses its options, maps failures to exit codes. */
public final class SpindleCli {

    private final List<Command> commands;
    private final CliContext context;

    public SpindleCli(List<Command> commands, CliContext context) {
        this.commands = commands;
        this.context = context;
    }

    /** The command line with every command, in the given surroundings. */
    public static SpindleCli withAllCommands(CliContext context) {
        return new SpindleCli(Commands.all(), context);
    }

    public static void main(String[] args) {
        int code = withAllCommands(CliContext.fromSystem()).run(args);
        System.out.flush();
        System.exit(code);
    }

    public int run(String... args) {
        if (args.length == 0 || isHelp(args[0])) {
            printUsage();
            return args.length == 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
        }
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isEmpty()) {
            context.err().println("spindle: unknown command '" + args[0] + "'; see 'spindle --help'");
            return ExitCode.BAD_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.stream(rest).anyMatch(SpindleCli::isHelp) && !passesHelpToJob(command.get(), rest)) {
            printUsage(command.get());
            return ExitCode.OK;
        }
        try {
            CommandLine line = DefaultParser.builder().build().parse(command.get().options(),
                    splitAttachedProperties(command.get(), rest), command.get().stopsAtFirstArgument());
            return command.get().run(line, context);
        } catch (ParseException e) {
            context.err().println("spindle " + args[0] + ": " + e.getMessage() + "; see 'spindle " + args[0] + " --help'");
            return ExitCode.BAD_INPUT;
        } catch (UsageException | YarnClusterException | ConfigException e) {
            // a YarnClusterException is the cluster or the request as the user can see and fix it; a ConfigException
            // a configuration value, also one the job's code set, with where it came from
            context.err().println("spindle " + args[0] + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /**
     * Commons CLI takes "-Dkey=value" for an unknown option; split it into "-D", "key=value" as Flink
     * users write it. For {@code run}, arguments after the jar belong to the job and stay as they are.
     */
    static String[] splitAttachedProperties(Command command, String[] args) {
        List<String> split = new ArrayList<>();
        boolean optionArgumentNext = false;
        boolean inJobArguments = false;
        for (String arg : args) {
            if (inJobArguments || optionArgumentNext) {
                optionArgumentNext = false;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                split.add("-D");
                split.add(arg.substring(2));
                continue;
            } else if (arg.startsWith("-")) {
                Option option = command.options().getOption(arg.replaceFirst("^--?", ""));
                optionArgumentNext = option != null && option.hasArg();
            } else {
                inJobArguments = command.stopsAtFirstArgument();
            }
            split.add(arg);
        }
        return split.toArray(String[]::new);
    }

    /** For {@code run}, a --help after the jar is a job argument, not a request for spindle's help. */
    private static boolean passesHelpToJob(Command command, String[] rest) {
        if (!command.stopsAtFirstArgument()) {
            return false;
        }
        for (String arg : rest) {
            if (isHelp(arg)) {
                return false;
            }
            if (arg.endsWith(".jar")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("help");
    }

    private void printUsage() {
        context.out().println("usage: spindle <command> [options]");
        context.out().println();
        context.out().println("Runs stateful batch and stream jobs on Hadoop YARN. Commands:");
        for (Command command : commands) {
            context.out().printf("  %-18s %s%n", command.name(), command.summary());
        }
        context.out().println();
        context.out().println("'spindle <command> --help' lists a command's options. Configuration is read from");
        context.out().println("$SPINDLE_CONF_DIR (default: conf/ of this installation); the cluster from $HADOOP_CONF_DIR.");
        context.out().println("Exit codes: 0 success, 1 job failed or was killed, 2 bad usage or bad input.");
    }

    private void printUsage(Command command) {
        PrintWriter writer = new PrintWriter(context.out(), true);
        HelpFormatter formatter = new HelpFormatter();
        formatter.setOptionComparator(null);
        String syntax = "spindle " + command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments());
        if (command.options().getOptions().isEmpty()) {
            writer.println("usage: " + syntax);
            writer.println(command.summary());
        } else {
            formatter.printHelp(writer, 100, syntax, command.summary(), command.options(), 2, 2, null);
        }
        writer.flush();
    }
}
