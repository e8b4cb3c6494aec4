package io.spindle.core.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RestartPolicyContractTest {

    static Stream<RestartPolicy> policiesThatNeverMerge() {
        return Stream.of(
                new NoRestartPolicy(),
                new FixedDelayRestartPolicy(3, 10_000),
                new FailureRateRestartPolicy(2, 100, 10_000));
    }

    static Stream<RestartPolicy> allPolicies() {
        return Stream.concat(policiesThatNeverMerge(), Stream.of(
                // E9 parameters
                new ExponentialDelayRestartPolicy(42, 45, 2.0, 8, 0, Integer.MAX_VALUE, new SplittableRandom(0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allPolicies")
    void backoffBeforeAnyFailureIsIllegal(RestartPolicy policy) { // E9 for exponential-delay
        assertThatThrownBy(() -> policy.backoffMillis(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no failure recorded yet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policiesThatNeverMerge")
    void everyFailureStartsANewAttemptOutsideExponentialDelay(RestartPolicy policy) {
        assertThat(policy.notifyFailure(0)).isTrue();
        assertThat(policy.notifyFailure(0)).isTrue();
    }
}
