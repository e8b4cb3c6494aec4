package io.spindle.core.options;

import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.load;
import static io.spindle.core.config.ConfigFixtures.singleError;
import static io.spindle.core.config.ConfigFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.config.Diagnostic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart settings are checked when the configuration is loaded, not when the first failure happens. */
class RestartCrossCheckTest {

    @TempDir
    Path confDir;

    @Test
    void anUnknownRestartStrategyIsAnErrorNamingTheKeyFileAndLine() {
        Path file = writeFile(confDir, "config.yaml", "restart-strategy:", "  type: sometimes");

        Diagnostic error = singleError(load(confDir));

        assertThat(error.where()).isEqualTo(fileLine(file, 2));
        assertThat(error.key()).isEqualTo("restart-strategy.type");
        assertThat(error.problem()).startsWith("'sometimes' is not a restart strategy");
    }

    @Test
    void anUnknownRestartStrategyUnderTheOldKeyIsNamedAsWritten() {
        Path file = writeFile(confDir, "flink-conf.yaml", "parallelism.default: 2", "restart-strategy: sometimes");

        Diagnostic error = singleError(load(confDir));

        assertThat(error.where()).isEqualTo(fileLine(file, 2));
        assertThat(error.key()).isEqualTo("restart-strategy");
    }

    @Test
    void aBackoffMultiplierBelowOneIsAnErrorNamingTheKeyFileAndLine() {
        Path file = writeFile(confDir, "flink-conf.yaml",
                "restart-strategy.type: exponential-delay",
                "restart-strategy.exponential-delay.backoff-multiplier: 0.5");

        Diagnostic error = singleError(load(confDir));

        assertThat(error.where()).isEqualTo(fileLine(file, 2));
        assertThat(error.key()).isEqualTo("restart-strategy.exponential-delay.backoff-multiplier");
        assertThat(error.problem()).isEqualTo("must be greater than 1, got 0.5");
    }

    @Test
    void aBackoffMultiplierIsCheckedWhenCheckpointingMakesExponentialDelayTheDefault() {
        writeFile(confDir, "flink-conf.yaml",
                "execution.checkpointing.interval: 10 s\nexecution.checkpointing.dir: file:///tmp/checkpoints");

        Diagnostic error = singleError(load(confDir, "restart-strategy.exponential-delay.backoff-multiplier=0.5"));

        assertThat(error.where()).isEqualTo("-D");
        assertThat(error.key()).isEqualTo("restart-strategy.exponential-delay.backoff-multiplier");
    }
}
