package io.spindle.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.options.SpindleOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Shared setup of the configuration tests: fixture dirs, writing conf files, loading, picking diagnostics. */
public final class ConfigFixtures {

    private ConfigFixtures() { }

    /** A conf dir under src/test/resources/config, e.g. "flink-1x" or "malformed/tab-indentation". */
    public static Path fixtureDir(String name) {
        URL url = ConfigFixtures.class.getResource("/config/" + name);
        assertThat(url).as("fixture dir config/%s", name).isNotNull();
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code lines} (each ended by a newline) as {@code confDir/fileName} and returns the file. */
    public static Path writeFile(Path confDir, String fileName, String... lines) {
        Path file = confDir.resolve(fileName);
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Loads a conf dir with Spindle's options and the given {@code -D key=value} properties. */
    public static LoadedConfiguration load(Path confDir, String... dynamicProperties) {
        return new ConfigLoader(SpindleOptions.REGISTRY).load(confDir, List.of(dynamicProperties));
    }

    /** The one error of a load, failing if there is none or more than one. */
    public static Diagnostic singleError(LoadedConfiguration loaded) {
        List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).as("errors of %s", loaded.diagnostics()).hasSize(1);
        return errors.get(0);
    }

    /** How a diagnostic names a line of a file: "path/to/file:line". */
    public static String fileLine(Path file, int line) {
        return file + ":" + line;
    }

    /** Compares two configurations option by option, through typed reads with defaults applied. */
    public static void assertSameEffectiveValues(Configuration actual, Configuration expected) {
        for (ConfigOption<?> option : SpindleOptions.REGISTRY.options()) {
            assertThat(actual.getOptional(option)).as(option.key()).isEqualTo(expected.getOptional(option));
        }
    }
}
