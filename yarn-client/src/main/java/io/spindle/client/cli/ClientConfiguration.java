package io.spindle.client.cli;

import io.spindle.core.config.ConfigLoader;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.LoadedConfiguration;
import io.spindle.core.options.SpindleOptions;

import java.util.List;

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
}
