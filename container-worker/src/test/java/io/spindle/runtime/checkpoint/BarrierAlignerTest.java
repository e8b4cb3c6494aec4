package io.spindle.runtime.checkpoint;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class BarrierAlignerTest {

    @Test
    void singleChannelSnapshotsOnItsBarrier() {
        BarrierAligner aligner = new BarrierAligner(1, true);

        assertThat(aligner.onBarrier(0, 1)).hasValue(1);
        assertThat(aligner.isBlocked(0)).isFalse();
    }

    @Test
    void exactlyOnceBlocksEachChannelUntilAllDeliveredTheBarrier() {
        BarrierAligner aligner = new BarrierAligner(3, true);

        assertThat(aligner.onBarrier(1, 5)).isEmpty();
        assertThat(aligner.isBlocked(1)).isTrue();
        assertThat(aligner.isBlocked(0)).isFalse();
        assertThat(aligner.onBarrier(0, 5)).isEmpty();
        assertThat(aligner.onBarrier(2, 5)).hasValue(5);
        assertThat(aligner.isBlocked(0) || aligner.isBlocked(1) || aligner.isBlocked(2)).isFalse();
    }

    @Test
    void atLeastOnceNeverBlocksButStillWaitsForTheLastBarrier() {
        BarrierAligner aligner = new BarrierAligner(2, false);

        assertThat(aligner.onBarrier(0, 1)).isEmpty();
        assertThat(aligner.isBlocked(0)).isFalse();
        assertThat(aligner.onBarrier(1, 1)).hasValue(1);
    }

    @Test
    void channelWhoseInputEndedCountsAsAligned() {
        BarrierAligner aligner = new BarrierAligner(2, true);

        aligner.onChannelClosed(1);

        assertThat(aligner.onBarrier(0, 3)).hasValue(3);
    }

    @Test
    void inputEndingDuringAlignmentCompletesIt() {
        BarrierAligner aligner = new BarrierAligner(2, true);
        aligner.onBarrier(0, 3);

        assertThat(aligner.onChannelClosed(1)).hasValue(3);
    }

    @Test
    void newerBarrierAbandonsTheOlderAlignment() {
        BarrierAligner aligner = new BarrierAligner(2, true);
        aligner.onBarrier(0, 1);

        assertThat(aligner.onBarrier(1, 2)).isEmpty();
        assertThat(aligner.isBlocked(0)).isFalse();
        assertThat(aligner.aligning()).hasValue(2);
        assertThat(aligner.onBarrier(0, 2)).hasValue(2);
    }

    @Test
    void staleBarrierOfAnAbandonedCheckpointIsIgnored() {
        BarrierAligner aligner = new BarrierAligner(2, true);
        aligner.onBarrier(0, 1);
        aligner.onBarrier(1, 2);

        assertThat(aligner.onBarrier(1, 1)).isEmpty();
        assertThat(aligner.aligning()).hasValue(2);
    }

    @Test
    void duplicateBarrierAfterCompletionDoesNotSnapshotAgain() {
        BarrierAligner aligner = new BarrierAligner(1, true);
        aligner.onBarrier(0, 4);

        assertThat(aligner.onBarrier(0, 4)).isEqualTo(OptionalLong.empty());
    }
}
