package io.spindle.client.cli;

import io.spindle.core.config.ConfigLoader;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.LoadedConfiguration;
import io.spindle.core.options.SpindleOptions;
import org.apache.commons.cli.CommandLine;

import java.util.List;
import java.util.Optional;

/** Loads the effective configuration for a command: warnings to stderr, the first error as bad input. */
final class ClientConfiguration {

    private ClientConfiguration() { }

    static Configuration load(CliContext context, List<String> dynamicProperties) {
        LoadedConfiguration loaded = new ConfigLoader(SpindleOptions.REGISTRY).load(context.confDir(), dynamicProperties);
        loaded.diagnostics().stream().filter(d -> !d.isError()).forEach(context.err()::println);
        loaded.diagnostics().stream().filter(d -> d.isError()).findFirst().ifPresent(error -> {
            throw new UsageException(error.toString());
        });
        return loaded.configuration();
    }

    /** The values of the repeatable {@code -D key=value} option. */
    static List<String> dynamicProperties(CommandLine line) {
        return List.of(Optional.ofNullable(line.getOptionValues("D")).orElse(new String[0]));
    }
}
