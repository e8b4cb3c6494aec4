package io.spindle.core.restart;

import io.spindle.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartPolicyFactoryTest {

    private static RestartPolicy fromConfig(Map<String, String> config, boolean checkpointing) {
        return RestartPolicy.fromConfig(config, checkpointing, new SplittableRandom(7));
    }

    @Test // S1
    void noKeysWithCheckpointingGivesExponentialDelayWithFlinkDefaults() {
        RestartPolicy policy = fromConfig(Map.of(), true);

        assertThat(policy).isInstanceOf(ExponentialDelayRestartPolicy.class);
        assertThat(policy).hasToString("exponential-delay (initial backoff 1000 ms, max backoff 60000 ms, "
                + "multiplier 1.5, reset after 3600000 ms, jitter 0.1, attempts before reset 2147483647)");
    }

    @Test // S2
    void noKeysWithoutCheckpointingGivesNoRestarts() {
        RestartPolicy policy = fromConfig(Map.of(), false);

        policy.notifyFailure(0);
        assertThat(policy).isInstanceOf(NoRestartPolicy.class);
        assertThat(policy.canRestart(0)).isFalse();
    }

    @ParameterizedTest // S3 and the other accepted spellings
    @ValueSource(strings = {"FixedDelay", "fixed-delay", "FIXED-DELAY", "fixeddelay"})
    void olderKeyNameAndAnyCaseOfTheTypeAreAccepted(String type) {
        assertThat(fromConfig(Map.of("restart-strategy", type), true)).isInstanceOf(FixedDelayRestartPolicy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "off", "disable", "NONE"})
    void everySpellingOfNoneDisablesRestartsEvenWithCheckpointing(String type) {
        assertThat(fromConfig(Map.of("restart-strategy.type", type), true)).isInstanceOf(NoRestartPolicy.class);
    }

    @Test
    void failureRateAndExponentialDelayAcceptTheirShortSpellings() {
        assertThat(fromConfig(Map.of("restart-strategy.type", "failurerate"), false))
                .isInstanceOf(FailureRateRestartPolicy.class);
        assertThat(fromConfig(Map.of("restart-strategy.type", "exponentialdelay"), false))
                .isInstanceOf(ExponentialDelayRestartPolicy.class);
    }

    @Test // S4
    void unknownTypeIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> fromConfig(Map.of("restart-strategy.type", "sometimes"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("restart-strategy.type")
                .hasMessageContaining("'sometimes' is not a restart strategy");
    }

    @Test
    void durationsInFlinkSyntaxReachThePolicyAsMilliseconds() {
        RestartPolicy policy = fromConfig(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "10 s"), false);

        policy.notifyFailure(0);
        assertThat(policy.backoffMillis(0)).isEqualTo(10_000);
    }

    @Test
    void parameterThePolicyRejectsIsAnErrorNamingThatKey() {
        assertThatThrownBy(() -> fromConfig(Map.of("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.backoff-multiplier", "0.5"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration: error: restart-strategy.exponential-delay.backoff-multiplier: ")
                .hasMessageContaining("0.5");
    }
}
