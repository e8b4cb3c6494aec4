package io.spindle.core.options;

import io.spindle.core.config.ConfigException;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.load;
import static io.spindle.core.config.ConfigFixtures.singleError;
import static io.spindle.core.config.ConfigFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values out of an option's range are errors naming where they came from and the key, wherever they come from. */
class OptionRulesTest {

    @TempDir
    Path confDir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "taskmanager.memory.process.size=0 | must be at least 128 mb, got '0'",
            "jobmanager.memory.process.size=1600 | must be at least 128 mb, got '1600'",
            "state.backend.rocksdb.memory.managed-size=0 | must be at least 1 mb, got '0'",
            "parallelism.default=0 | must be at least 1, got '0'",
            "taskmanager.numberOfTaskSlots=-1 | must be at least 1, got '-1'",
            "yarn.application-attempts=0 | must be at least 1, got '0'",
            "yarn.appmaster.vcores=0 | must be at least 1, got '0'",
            "pipeline.max-parallelism=0 | must be between 1 and 32768, got '0'",
            "pipeline.max-parallelism=32769 | must be between 1 and 32768, got '32769'",
            "execution.checkpointing.interval=0 | must be at least 1 ms, got '0'",
            "execution.checkpointing.max-concurrent-checkpoints=0 | must be at least 1, got '0'",
            "execution.checkpointing.num-retained=0 | must be at least 1, got '0'",
            "execution.checkpointing.tolerable-failed-checkpoints=-1 | must be at least 0, got '-1'",
            "heartbeat.interval=0 s | must be at least 1 ms, got '0 s'",
            "execution.state-recovery.path= | must be non-empty, got ''",
            "yarn.rolled-logs.include-pattern=spindle.log.( | must be a regular expression, got 'spindle.log.('",
            "metrics.reporter.promgateway.hostUrl=pushgateway:9091 | must be an http:// or https:// URL, got 'pushgateway:9091'"})
    void aDynamicPropertyOutOfRangeIsAnErrorNamingItsKey(String property, String problem) {
        Diagnostic error = singleError(load(confDir, property));

        assertThat(error.toString()).isEqualTo("-D: error: " + property.substring(0, property.indexOf('=')) + ": "
                + problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"taskmanager.memory.process.size=128m", "pipeline.max-parallelism=32768",
            "execution.checkpointing.tolerable-failed-checkpoints=0", "state.backend.rocksdb.memory.managed-size=1m"})
    void aValueAtTheEdgeOfItsRangeIsAccepted(String property) {
        assertThat(load(confDir, property).diagnostics()).isEmpty();
    }

    @Test
    void aFileLineOutOfRangeIsAnErrorNamingTheFileAndLine() {
        Path file = writeFile(confDir, "flink-conf.yaml", "# slots", "taskmanager.numberOfTaskSlots: 0");

        assertThat(singleError(load(confDir)).toString()).isEqualTo(fileLine(file, 2)
                + ": error: taskmanager.numberOfTaskSlots: must be at least 1, got '0'");
    }

    @Test
    void aValueTheJobsCodeSetsIsHeldToTheSameRule() {
        Configuration configuration = load(confDir).configuration()
                .set(PipelineOptions.PARALLELISM.key(), "0", io.spindle.core.config.ValueSource.JOB_CODE);

        assertThatThrownBy(() -> configuration.get(PipelineOptions.PARALLELISM)).isInstanceOf(ConfigException.class)
                .hasMessage("job code: error: parallelism.default: must be at least 1, got '0'");
    }

    @Test
    void aDefaultParallelismAboveTheMaxParallelismIsAnError() {
        Diagnostic error = singleError(load(confDir, "parallelism.default=300"));

        assertThat(error.toString()).isEqualTo("-D: error: parallelism.default: 300 is more than "
                + "pipeline.max-parallelism 128");
    }

    @Test
    void aDefaultParallelismUpToARaisedMaxParallelismIsAccepted() {
        assertThat(load(confDir, "parallelism.default=300", "pipeline.max-parallelism=300").diagnostics()).isEmpty();
    }
}
