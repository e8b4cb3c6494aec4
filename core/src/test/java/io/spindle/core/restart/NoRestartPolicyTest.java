package io.spindle.core.restart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoRestartPolicyTest {

    private final NoRestartPolicy policy = new NoRestartPolicy();

    @Test
    void neverAllowsARestart() {
        assertThat(policy.canRestart(0)).isFalse();
        assertThat(FailureSequences.canRestartAfterEach(policy, 0, 1_000_000)).containsExactly(false, false);
    }

    @Test
    void backoffAfterAFailureIsZero() {
        policy.notifyFailure(5);
        assertThat(policy.backoffMillis(5)).isZero();
    }

    @Test
    void describesItselfAsDisabled() {
        assertThat(policy).hasToString("none (restarts disabled)");
    }
}
