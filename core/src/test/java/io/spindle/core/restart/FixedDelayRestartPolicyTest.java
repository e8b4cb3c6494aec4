package io.spindle.core.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FixedDelayRestartPolicyTest {

    @Test
    void givesUpOnTheFailureAfterTheLastAttempt() { // D1
        var policy = new FixedDelayRestartPolicy(3, 0);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 0, 0, 0)).containsExactly(true, true, true, false);
    }

    @Test
    void checkingWhetherItCanRestartDoesNotUseAnAttempt() { // D1
        var policy = new FixedDelayRestartPolicy(3, 0);
        FailureSequences.canRestartAfterEach(policy, 0, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(policy.canRestart(0)).isTrue();
        }
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 0)).containsExactly(true, false);
    }

    @Test
    void backoffIsTheConfiguredDelay() { // D2
        var policy = new FixedDelayRestartPolicy(1, 10_000);
        policy.notifyFailure(0);
        assertThat(policy.backoffMillis(0)).isEqualTo(10_000);
        assertThat(policy.backoffMillis(9_000)).isEqualTo(10_000);
    }

    @Test
    void withZeroAttemptsTheFirstFailureIsFinal() { // D3
        var policy = new FixedDelayRestartPolicy(0, 1_000);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0)).containsExactly(false);
    }

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                arguments(-1, 1_000L, "restart-strategy.fixed-delay.attempts must be at least 0, got -1"),
                arguments(1, -1L, "restart-strategy.fixed-delay.delay must be at least 0 ms, got -1 ms"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidArguments")
    void rejectsInvalidArgumentsNamingTheConfigKey(int attempts, long delayMillis, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FixedDelayRestartPolicy(attempts, delayMillis))
                .withMessage(message);
    }

    @Test
    void describesItsParameters() {
        assertThat(new FixedDelayRestartPolicy(3, 10_000)).hasToString("fixed-delay (attempts 3, delay 10000 ms)");
    }
}
