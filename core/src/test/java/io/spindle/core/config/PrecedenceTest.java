package io.spindle.core.config;

import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.load;
import static io.spindle.core.config.ConfigFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.PipelineOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults &lt; file &lt; -D &lt; job code, and older key names taking part at their layer. */
class PrecedenceTest {

    private static final ConfigOption<String> CHECKPOINT_DIR = CheckpointingOptions.CHECKPOINTS_DIRECTORY;

    @TempDir
    Path confDir;

    @Test
    void aFileValueOverridesTheDefault() {
        writeFile(confDir, "spindle-conf.yaml", "execution.buffer-timeout.interval: 20 ms");

        Configuration configuration = load(confDir).orThrow();

        assertThat(PipelineOptions.BUFFER_TIMEOUT.defaultValue()).contains(Duration.ofMillis(100));
        assertThat(configuration.get(PipelineOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aDynamicPropertyOverridesTheFile() {
        writeFile(confDir, "spindle-conf.yaml", "execution.buffer-timeout.interval: 20 ms");

        Configuration configuration = load(confDir, "execution.buffer-timeout.interval=5 ms").orThrow();

        assertThat(configuration.get(PipelineOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));
        assertThat(configuration.find(PipelineOptions.BUFFER_TIMEOUT).orElseThrow().source())
                .isEqualTo(ValueSource.DYNAMIC);
    }

    @Test
    void jobCodeOverridesADynamicProperty() {
        writeFile(confDir, "spindle-conf.yaml", "execution.buffer-timeout.interval: 20 ms");
        Configuration configuration = load(confDir, "execution.buffer-timeout.interval=5 ms").orThrow();

        configuration.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(1));

        assertThat(configuration.get(PipelineOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(1));
        assertThat(configuration.find(PipelineOptions.BUFFER_TIMEOUT).orElseThrow().source())
                .isEqualTo(ValueSource.JOB_CODE);
    }

    @Test
    void aDynamicPropertyWithTheCurrentNameOverridesAFileLineWithTheOldName() {
        writeFile(confDir, "flink-conf.yaml", "state.checkpoints.dir: hdfs:///from-file");

        Configuration configuration = load(confDir, "execution.checkpointing.dir=hdfs:///from-dash-d").orThrow();

        assertThat(configuration.get(CHECKPOINT_DIR)).isEqualTo("hdfs:///from-dash-d");
    }

    @Test
    void aDynamicPropertyWithTheOldNameOverridesAFileLineWithTheCurrentName() {
        writeFile(confDir, "config.yaml", "execution:", "  checkpointing:", "    dir: hdfs:///from-file");

        Configuration configuration = load(confDir, "state.checkpoints.dir=hdfs:///from-dash-d").orThrow();

        assertThat(configuration.get(CHECKPOINT_DIR)).isEqualTo("hdfs:///from-dash-d");
    }

    @Test
    void jobCodeOverridesADynamicPropertyWithTheOldName() {
        Configuration configuration = load(confDir, "state.checkpoints.dir=hdfs:///from-dash-d").orThrow();

        configuration.set(CHECKPOINT_DIR, "hdfs:///from-code");

        assertThat(configuration.get(CHECKPOINT_DIR)).isEqualTo("hdfs:///from-code");
    }

    @Test
    void theCurrentNameWinsOverAnOldNameListedAfterItInOneFileWithAWarning() {
        Path file = writeFile(confDir, "flink-conf.yaml",
                "execution.checkpointing.dir: hdfs:///current",
                "state.checkpoints.dir: hdfs:///old");

        LoadedConfiguration loaded = load(confDir);

        assertThat(loaded.configuration().get(CHECKPOINT_DIR)).isEqualTo("hdfs:///current");
        assertThat(loaded.diagnostics()).singleElement().satisfies(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.where()).isEqualTo(fileLine(file, 2));
            assertThat(warning.key()).isEqualTo("state.checkpoints.dir");
            assertThat(warning.problem()).contains("execution.checkpointing.dir").contains(fileLine(file, 1));
        });
    }

    @Test
    void theCurrentNameWinsOverAnOldNameListedBeforeItInOneFileWithAWarning() {
        Path file = writeFile(confDir, "spindle-conf.yaml",
                "state.checkpoints.dir: hdfs:///old",
                "execution:",
                "  checkpointing:",
                "    dir: hdfs:///current");

        LoadedConfiguration loaded = load(confDir);

        assertThat(loaded.configuration().get(CHECKPOINT_DIR)).isEqualTo("hdfs:///current");
        assertThat(loaded.diagnostics()).singleElement().satisfies(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.where()).isEqualTo(fileLine(file, 1));
            assertThat(warning.key()).isEqualTo("state.checkpoints.dir");
        });
    }
}
