package io.spindle.client.cli;

import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;
import io.spindle.core.config.EffectiveConfiguration;
import io.spindle.core.config.LoadedConfiguration;
import io.spindle.core.options.SpindleOptions;
import io.spindle.state.checkpoint.storage.CheckpointDirectoryDefaults;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.List;

/**
 * {@code spindle config}: the effective configuration with the source of every value, or with
 * {@code --check} the errors and warnings of the configuration directory.
 */
final class ConfigCommand implements Command {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String arguments() {
        return "[--check] [-D key=value ...]";
    }

    @Override
    public String summary() {
        return "print the effective configuration and where each value came from; --check validates it";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("check")
                        .desc("print errors and warnings; exit 2 if there is any error").build())
                .addOption(Commands.dynamicPropertyOption());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
        }
        List<String> dynamic = ClientConfiguration.dynamicProperties(line);
        LoadedConfiguration loaded = ClientConfiguration.read(context, dynamic);
        String file = loaded.file().map(Object::toString).orElse("no configuration file in " + context.confDir());
        if (line.hasOption("check")) {
            loaded.diagnostics().forEach(context.out()::println);
            long errors = loaded.diagnostics().stream().filter(Diagnostic::isError).count();
            long warnings = loaded.diagnostics().size() - errors;
            context.out().println(plural(errors, "error") + ", " + plural(warnings, "warning")
                    + " (" + file + (dynamic.isEmpty() ? "" : " and -D") + ")");
            return errors > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
        }
        Configuration configuration = CheckpointDirectoryDefaults.withDefault(
                ClientConfiguration.checked(loaded, context), CheckpointDirectoryDefaults.onCluster(
                        ClientConfiguration.hadoop(context, loaded.configuration())), "the user's home on the cluster");
        context.out().println("# effective configuration: defaults < " + file + " < -D");
        printEffective(configuration, context);
        return ExitCode.OK;
    }

    private static void printEffective(Configuration configuration, CliContext context) {
        for (EffectiveConfiguration.Row row : EffectiveConfiguration.of(configuration, SpindleOptions.REGISTRY)) {
            if (!row.used()) {
                context.out().println(row("# " + row.key() + ": " + row.value(), row.where() + ", not used"));
            } else if (row.where().equals(EffectiveConfiguration.NOT_SET)) {
                context.out().println(row("# " + row.key() + ":", row.where()));
            } else {
                context.out().println(row(row.key() + ": " + (row.value().isEmpty() ? "\"\"" : row.value()),
                        row.where()));
            }
        }
    }

    private static String row(String entry, String comment) {
        return String.format("%-72s # %s", entry, comment);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
