package io.spindle.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The effective configuration, the file it was read from (if any) and every problem found. */
public record LoadedConfiguration(Configuration configuration, Optional<Path> file, List<Diagnostic> diagnostics) {

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The configuration, or the first error as an exception (its message is one line). */
    public Configuration orThrow() {
        diagnostics.stream().filter(Diagnostic::isError).findFirst().ifPresent(error -> {
            throw new ConfigException(error);
        });
        return configuration;
    }
}
