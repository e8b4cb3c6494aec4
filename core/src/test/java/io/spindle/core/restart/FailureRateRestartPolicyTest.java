package io.spindle.core.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureRateRestartPolicyTest {

    @Test
    void failuresSpreadWiderThanTheIntervalKeepRestarting() { // F1
        var policy = new FailureRateRestartPolicy(1, 1, 0);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 2, 4)).containsExactly(true, true, true);
    }

    @Test
    void oneFailureMoreThanTheMaximumWithinTheIntervalIsFinal() { // F2
        var policy = new FailureRateRestartPolicy(3, 10_000, 0);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 0, 0, 0)).containsExactly(true, true, true, false);
    }

    @Test
    void failuresExactlyOneIntervalApartCountAsWithinIt() { // F3
        var policy = new FailureRateRestartPolicy(2, 100, 0);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 50, 100)).containsExactly(true, true, false);
    }

    @Test
    void failuresJustOverOneIntervalApartCountAsOutsideIt() { // F4
        var policy = new FailureRateRestartPolicy(2, 100, 0);
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 50, 101)).containsExactly(true, true, true);
    }

    @Test
    void backoffIsTheConfiguredDelayWhateverTheHistory() { // F5
        var policy = new FailureRateRestartPolicy(2, 100, 10_000);
        for (long now : new long[] {0, 50, 100, 5_000}) {
            policy.notifyFailure(now);
            assertThat(policy.backoffMillis(now)).isEqualTo(10_000);
            assertThat(policy.backoffMillis(now + 7_000)).isEqualTo(10_000);
        }
    }

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                arguments(0, 60_000L, 1_000L,
                        "restart-strategy.failure-rate.max-failures-per-interval must be greater than 0, got 0"),
                arguments(1, 0L, 1_000L,
                        "restart-strategy.failure-rate.failure-rate-interval must be greater than 0 ms, got 0 ms"),
                arguments(1, 60_000L, -1L, "restart-strategy.failure-rate.delay must be at least 0 ms, got -1 ms"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidArguments")
    void rejectsInvalidArgumentsNamingTheConfigKey(int maxFailures, long intervalMillis, long delayMillis,
                                                   String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FailureRateRestartPolicy(maxFailures, intervalMillis, delayMillis))
                .withMessage(message);
    }

    @Test
    void describesItsParameters() {
        assertThat(new FailureRateRestartPolicy(2, 100, 10_000))
                .hasToString("failure-rate (max 2 failures per 100 ms, delay 10000 ms)");
    }
}
