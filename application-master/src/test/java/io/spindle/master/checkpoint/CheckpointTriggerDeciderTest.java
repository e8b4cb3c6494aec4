package io.spindle.master.checkpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckpointTriggerDeciderTest {

    private static final long NEVER = Long.MIN_VALUE;

    @Test
    void firstCheckpointStartsOneIntervalAfterTheStart() {
        assertThat(new CheckpointTriggerDecider(1000, 0, 1).nextTriggerMillis(5000, NEVER, 0)).isEqualTo(6000);
    }

    @Test
    void checkpointsFollowEachOtherAtTheInterval() {
        assertThat(new CheckpointTriggerDecider(1000, 0, 1).nextTriggerMillis(6000, 6300, 0)).isEqualTo(7000);
    }

    @Test
    void minPauseDelaysTheNextCheckpointAfterALateCompletion() {
        assertThat(new CheckpointTriggerDecider(1000, 500, 1).nextTriggerMillis(6000, 6800, 0)).isEqualTo(7300);
    }

    @Test
    void noCheckpointStartsWhileTheMaximumArePending() {
        assertThat(new CheckpointTriggerDecider(1000, 0, 2).nextTriggerMillis(6000, NEVER, 2))
                .isEqualTo(CheckpointTriggerDecider.WAIT_FOR_PENDING);
        assertThat(new CheckpointTriggerDecider(1000, 0, 2).nextTriggerMillis(6000, NEVER, 1)).isEqualTo(7000);
    }

    @Test
    void nonPositiveIntervalIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CheckpointTriggerDecider(0, 0, 1));
    }
}
