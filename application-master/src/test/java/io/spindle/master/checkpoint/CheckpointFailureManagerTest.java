package io.spindle.master.checkpoint;

import org.junit.jupiter.api.Test;

import static io.spindle.master.checkpoint.CheckpointFailureReason.DECLINED;
import static io.spindle.master.checkpoint.CheckpointFailureReason.EXPIRED;
import static io.spindle.master.checkpoint.CheckpointFailureReason.STORAGE_ERROR;
import static io.spindle.master.checkpoint.CheckpointFailureReason.TASK_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckpointFailureManagerTest {

    @Test
    void withTheDefaultOfZeroTheFirstCountedFailureFailsTheJob() {
        assertThat(new CheckpointFailureManager(0).checkpointFailed(1, DECLINED)).isTrue();
    }

    @Test
    void failuresUpToTheToleranceAreTolerated() {
        CheckpointFailureManager manager = new CheckpointFailureManager(2);

        assertThat(manager.checkpointFailed(1, EXPIRED)).isFalse();
        assertThat(manager.checkpointFailed(2, STORAGE_ERROR)).isFalse();
        assertThat(manager.checkpointFailed(3, DECLINED)).isTrue();
    }

    @Test
    void completedCheckpointResetsTheCount() {
        CheckpointFailureManager manager = new CheckpointFailureManager(1);
        manager.checkpointFailed(1, EXPIRED);

        manager.checkpointCompleted(2);

        assertThat(manager.consecutiveFailures()).isZero();
        assertThat(manager.checkpointFailed(3, EXPIRED)).isFalse();
    }

    @Test
    void failureCausedByATaskFailureIsNotCounted() {
        CheckpointFailureManager manager = new CheckpointFailureManager(0);

        assertThat(manager.checkpointFailed(1, TASK_FAILURE)).isFalse();
    }

    @Test
    void failureOfACheckpointNotNewerThanTheLastCompletedIsIgnored() {
        CheckpointFailureManager manager = new CheckpointFailureManager(0);
        manager.checkpointCompleted(5);

        assertThat(manager.checkpointFailed(4, DECLINED)).isFalse();
        assertThat(manager.checkpointFailed(5, DECLINED)).isFalse();
    }

    @Test
    void sameCheckpointFailingTwiceCountsOnce() {
        CheckpointFailureManager manager = new CheckpointFailureManager(1);

        manager.checkpointFailed(1, DECLINED);
        assertThat(manager.checkpointFailed(1, EXPIRED)).isFalse();
        assertThat(manager.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CheckpointFailureManager(-1));
    }
}
