package io.spindle.api.connectors.files;

import io.spindle.api.JobDefinitionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingPolicyTest {

    @Test
    void onCheckpointAloneNeverRollsBetweenCheckpoints() {
        RollingPolicy policy = RollingPolicy.onCheckpoint();

        assertThat(policy.shouldRoll(Long.MAX_VALUE - 1, 0, 0, Long.MAX_VALUE - 1)).isFalse();
        assertThat(policy.usesTime()).isFalse();
    }

    @Test
    void aPartRollsOnceItHoldsThePartSize() {
        RollingPolicy policy = RollingPolicy.onCheckpoint().withPartSize(1_000);

        assertThat(policy.shouldRoll(999, 0, 0, 0)).isFalse();
        assertThat(policy.shouldRoll(1_000, 0, 0, 0)).isTrue();
    }

    @Test
    void aPartRollsAtItsMaximumAgeWhateverItsWrites() {
        RollingPolicy policy = RollingPolicy.onCheckpoint().withMaxPartAge(Duration.ofSeconds(10));

        assertThat(policy.shouldRoll(1, 5_000, 14_999, 14_999)).isFalse();
        assertThat(policy.shouldRoll(1, 5_000, 15_000, 15_000)).isTrue();
        assertThat(policy.rollTime(5_000, 14_000)).isEqualTo(15_000);
    }

    @Test
    void aPartRollsAfterItsInactivity() {
        RollingPolicy policy = RollingPolicy.onCheckpoint().withInactivity(Duration.ofSeconds(1));

        assertThat(policy.shouldRoll(1, 0, 10_000, 10_999)).isFalse();
        assertThat(policy.shouldRoll(1, 0, 10_000, 11_000)).isTrue();
        assertThat(policy.rollTime(0, 10_000)).isEqualTo(11_000);
    }

    @Test
    void aZeroInactivityIsRefusedWhenTheJobIsDefined() {
        assertThatThrownBy(() -> RollingPolicy.onCheckpoint().withInactivity(Duration.ZERO))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage("inactivity must be positive, got PT0S");
    }
}
