package io.spindle.core.config;

import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.load;
import static io.spindle.core.config.ConfigFixtures.singleError;
import static io.spindle.core.config.ConfigFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.options.PipelineOptions;
import io.spindle.core.options.SpindleOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which file of a conf dir is read, and the warnings and errors about the keys in it. */
class ConfigLoaderTest {

    @TempDir
    Path confDir;

    @Test
    void aMissingConfDirIsAnErrorNamingIt() {
        Path missing = confDir.resolve("no-such-conf");

        Diagnostic error = singleError(load(missing));

        assertThat(error.where()).isEqualTo(missing.toString());
        assertThat(error.problem()).isEqualTo("configuration directory does not exist");
    }

    @Test
    void aConfDirThatIsAFileIsAnErrorNamingIt() {
        Path file = writeFile(confDir, "conf", "parallelism.default: 2");

        assertThat(singleError(load(file)).toString()).isEqualTo(file + ": error: is a file, not a configuration directory");
    }

    @Test
    void aConfigFileThatIsADirectoryIsAnErrorNamingIt() throws IOException {
        Path directory = Files.createDirectory(confDir.resolve("config.yaml"));
        writeFile(confDir, "flink-conf.yaml", "parallelism.default: 2");

        LoadedConfiguration loaded = load(confDir);

        assertThat(singleError(loaded).toString()).isEqualTo(directory + ": error: is a directory, not a configuration file");
        assertThat(loaded.file()).isEmpty();
    }

    @Test
    void anEmptyConfDirGivesTheDefaultsAndNoDiagnostics() {
        LoadedConfiguration loaded = load(confDir);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.file()).isEmpty();
        for (ConfigOption<?> option : SpindleOptions.REGISTRY.options()) {
            assertThat(loaded.configuration().getOptional(option)).as(option.key())
                    .isEqualTo(option.defaultValue());
        }
    }

    @ParameterizedTest(name = "{0} is read, {1} is warned about")
    @CsvSource({
            "spindle-conf.yaml, config.yaml",
            "spindle-conf.yaml, flink-conf.yaml",
            "config.yaml, flink-conf.yaml"})
    void ofTwoConfigFilesTheFirstInOrderIsReadAndTheOtherWarnedAbout(String first, String second) {
        Path read = writeFile(confDir, first, "parallelism.default: 2");
        Path ignored = writeFile(confDir, second, "parallelism.default: 3");

        LoadedConfiguration loaded = load(confDir);

        assertThat(ConfigLoader.FILE_NAMES.indexOf(first)).isLessThan(ConfigLoader.FILE_NAMES.indexOf(second));
        assertThat(loaded.file()).contains(read);
        assertThat(loaded.configuration().get(PipelineOptions.PARALLELISM)).isEqualTo(2);
        assertThat(loaded.diagnostics()).singleElement().satisfies(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.where()).isEqualTo(ignored.toString());
            assertThat(warning.problem()).contains(read.toString());
        });
    }

    @ParameterizedTest(name = "{0} -> did you mean {1}?")
    @CsvSource({
            "execution.checkpointing.intervall, execution.checkpointing.interval",
            "taskmanager.numberOfTaskSlot, taskmanager.numberOfTaskSlots",
            "restart-strategy.fixed-delay.atempts, restart-strategy.fixed-delay.attempts",
            "state.checkpoint.dir, state.checkpoints.dir"})
    void anUnknownKeyIsAWarningNamingTheNearestKnownKey(String misspelt, String nearest) {
        Path file = writeFile(confDir, "spindle-conf.yaml", "parallelism.default: 2", misspelt + ": 10 s");

        LoadedConfiguration loaded = load(confDir);

        assertThat(loaded.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(loaded.diagnostics()).singleElement().satisfies(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.where()).isEqualTo(fileLine(file, 2));
            assertThat(warning.key()).isEqualTo(misspelt);
            assertThat(warning.problem()).isEqualTo("unknown key; did you mean " + nearest + "?");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "execution.checkpointing.mode | EXACTLY_ONCEE | 'EXACTLY_ONCEE' is not one of EXACTLY_ONCE, AT_LEAST_ONCE",
            "execution.checkpointing.incremental | ture | 'ture' is not true or false",
            "parallelism.default | four | 'four' is not a whole number",
            "execution.checkpointing.externalized-checkpoint-retention | RETAIN | 'RETAIN' is not one of"})
    void aMisspeltValueOfAKnownKeyIsAnErrorAtItsLine(String key, String value, String problem) {
        Path file = writeFile(confDir, "flink-conf.yaml", "# misspelt value on line 3", "", key + ": " + value);

        Diagnostic error = singleError(load(confDir));

        assertThat(error.where()).isEqualTo(fileLine(file, 3));
        assertThat(error.key()).isEqualTo(key);
        assertThat(error.problem()).startsWith(problem);
    }

    @Test
    void aMisspeltDynamicPropertyValueIsAnErrorAtTheDashD() {
        Diagnostic error = singleError(load(confDir, "parallelism.default=four"));

        assertThat(error.where()).isEqualTo("-D");
        assertThat(error.key()).isEqualTo("parallelism.default");
        assertThat(error.problem()).isEqualTo("'four' is not a whole number");
    }
}
