package io.spindle.core.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.config.ConfigOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented key (docs/configuration.md) is known, with Flink's default. */
class SpindleOptionsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "parallelism.default | 1",
            "taskmanager.numberOfTaskSlots | 1",
            "taskmanager.memory.process.size | 1728m",
            "jobmanager.memory.process.size | 1600m",
            "yarn.containers.vcores | -1",
            "yarn.appmaster.vcores | 1",
            "yarn.application-attempt-failures-validity-interval | 10000 ms",
            "execution.checkpointing.mode | EXACTLY_ONCE",
            "execution.checkpointing.timeout | 10 min",
            "execution.checkpointing.min-pause | 0",
            "execution.checkpointing.max-concurrent-checkpoints | 1",
            "execution.checkpointing.tolerable-failed-checkpoints | 0",
            "execution.checkpointing.externalized-checkpoint-retention | NO_EXTERNALIZED_CHECKPOINTS",
            "state.checkpoints.num-retained | 1",
            "state.backend.incremental | false",
            "state.backend.local-recovery | false",
            "restart-strategy.fixed-delay.attempts | 1",
            "restart-strategy.fixed-delay.delay | 1 s",
            "restart-strategy.failure-rate.max-failures-per-interval | 1",
            "restart-strategy.failure-rate.failure-rate-interval | 1 min",
            "restart-strategy.failure-rate.delay | 1 s",
            "restart-strategy.exponential-delay.initial-backoff | 1 s",
            "restart-strategy.exponential-delay.max-backoff | 1 min",
            "restart-strategy.exponential-delay.backoff-multiplier | 1.5",
            "restart-strategy.exponential-delay.reset-backoff-threshold | 1 h",
            "restart-strategy.exponential-delay.jitter-factor | 0.1",
            "restart-strategy.exponential-delay.attempts-before-reset-backoff | 2147483647",
            "pipeline.max-parallelism | 128"})
    void aSpecKeyHasFlinksDefault(String key, String flinkDefault) {
        assertThat(defaultOf(key)).isEqualTo(option(key).type().parse(flinkDefault));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yarn.application.name", "yarn.application.queue", "yarn.staging-directory",
            "execution.checkpointing.interval", "state.checkpoints.dir", "execution.checkpointing.dir",
            "state.savepoints.dir", "execution.checkpointing.savepoint-dir", "restart-strategy.type",
            "restart-strategy"})
    void aSpecKeyWithoutADefaultInFlinkHasNone(String key) {
        assertThat(option(key).defaultValue()).isEmpty();
    }

    private static ConfigOption<?> option(String key) {
        return SpindleOptions.REGISTRY.option(key).orElseThrow(() -> new AssertionError("unknown key " + key));
    }

    private static Object defaultOf(String key) {
        return option(key).defaultValue().orElseThrow(() -> new AssertionError(key + " has no default"));
    }
}
