package io.spindle.core.options;

import static io.spindle.core.config.ConfigFixtures.assertSameEffectiveValues;
import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.fixtureDir;
import static io.spindle.core.config.ConfigFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;
import io.spindle.core.config.LoadedConfiguration;
import io.spindle.core.restart.RestartOptions;
import io.spindle.core.restart.RestartStrategyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Flink 1.x flat flink-conf.yaml and a Flink 2.x nested config.yaml with Flink's shipped settings
 * and the same checkpoint and restart settings (old key names in the 1.x file).
 */
class FlinkConfigFilesTest {

    private static final Path FLINK_1 = fixtureDir("flink-1x");
    private static final Path FLINK_2 = fixtureDir("flink-2x");

    @Test
    void flinkOneAndTwoStyleFilesLoadToTheSameValues() {
        Configuration flinkOne = load(FLINK_1).configuration();
        Configuration flinkTwo = load(FLINK_2).configuration();

        assertSameEffectiveValues(flinkTwo, flinkOne);
        // The comparison above means something only if the files set options away from their defaults.
        assertThat(SpindleOptions.REGISTRY.options().stream()
                .filter(option -> !flinkOne.getOptional(option).equals(option.defaultValue()))
                .map(ConfigOption::key))
                .containsExactlyInAnyOrder("execution.checkpointing.interval", "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir", "execution.checkpointing.num-retained",
                        "execution.checkpointing.incremental", "restart-strategy.type",
                        "restart-strategy.fixed-delay.attempts", "restart-strategy.fixed-delay.delay");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flink-1x", "flink-2x"})
    void flinkShippedSettingsLoadWithoutErrors(String confDir) {
        LoadedConfiguration loaded = load(fixtureDir(confDir));

        assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(loaded.configuration().get(ClusterOptions.MASTER_MEMORY).mebiBytes()).isEqualTo(1600);
        assertThat(loaded.configuration().get(ClusterOptions.WORKER_MEMORY).mebiBytes()).isEqualTo(1728);
        assertThat(loaded.configuration().get(ClusterOptions.TASK_SLOTS)).isEqualTo(1);
        assertThat(loaded.configuration().get(PipelineOptions.PARALLELISM)).isEqualTo(1);
    }

    @Test
    void theFlinkOneFileOldKeyNamesSetTheCurrentOptions() {
        Configuration flinkOne = load(FLINK_1).configuration();

        assertThat(flinkOne.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("hdfs://namenode:8020/flink/checkpoints");
        assertThat(flinkOne.get(CheckpointingOptions.SAVEPOINTS_DIRECTORY))
                .isEqualTo("hdfs://namenode:8020/flink/savepoints");
        assertThat(flinkOne.get(CheckpointingOptions.NUM_RETAINED)).isEqualTo(3);
        assertThat(flinkOne.get(CheckpointingOptions.INCREMENTAL)).isTrue();
        assertThat(flinkOne.get(CheckpointingOptions.INTERVAL)).isEqualTo(Duration.ofMinutes(3));
        assertThat(flinkOne.get(RestartOptions.TYPE)).isEqualTo(RestartStrategyType.FIXED_DELAY);
        assertThat(flinkOne.get(RestartOptions.FIXED_DELAY_DELAY)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void flinkOneSettingsSpindleDoesNotUseAreWarningsAtTheirLines() {
        LoadedConfiguration loaded = load(FLINK_1);
        Path file = FLINK_1.resolve("flink-conf.yaml");

        assertThat(ignoredSettingLines(loaded)).isEqualTo(Map.of(
                "jobmanager.rpc.address", fileLine(file, 15),
                "jobmanager.rpc.port", fileLine(file, 19),
                "jobmanager.bind-host", fileLine(file, 23),
                "taskmanager.bind-host", fileLine(file, 33),
                "taskmanager.host", fileLine(file, 34),
                "state.backend", fileLine(file, 71),
                "jobmanager.execution.failover-strategy", fileLine(file, 108),
                "rest.address", fileLine(file, 114),
                "rest.bind-address", fileLine(file, 120)));
    }

    @Test
    void flinkTwoSettingsSpindleDoesNotUseAreWarningsAtTheirLines() {
        LoadedConfiguration loaded = load(FLINK_2);
        Path file = FLINK_2.resolve("config.yaml");

        assertThat(ignoredSettingLines(loaded)).isEqualTo(Map.of(
                "env.java.opts.all", fileLine(file, 11),
                "jobmanager.bind-host", fileLine(file, 19),
                "jobmanager.rpc.address", fileLine(file, 22),
                "jobmanager.rpc.port", fileLine(file, 23),
                "jobmanager.execution.failover-strategy", fileLine(file, 31),
                "taskmanager.bind-host", fileLine(file, 34),
                "taskmanager.host", fileLine(file, 35),
                "state.backend.type", fileLine(file, 69),
                "rest.address", fileLine(file, 99)));
    }

    /** Key → where, of every diagnostic; fails unless all are "ignored Flink setting" warnings. */
    private static Map<String, String> ignoredSettingLines(LoadedConfiguration loaded) {
        assertThat(loaded.diagnostics()).allSatisfy(diagnostic -> {
            assertThat(diagnostic.isError()).isFalse();
            assertThat(diagnostic.problem()).isEqualTo("Flink setting with no meaning in Spindle; ignored");
        });
        return loaded.diagnostics().stream()
                .collect(Collectors.toMap(Diagnostic::key, Diagnostic::where));
    }
}
