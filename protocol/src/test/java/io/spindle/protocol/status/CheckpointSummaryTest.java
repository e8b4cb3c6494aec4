package io.spindle.protocol.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointSummaryTest {

    @Test
    void noCompletedCheckpointHasNoSummary() {
        assertThat(CheckpointSummary.of(List.of())).isEmpty();
    }

    @Test
    void summaryHoldsTheMedianAndLongestDurationAndTheMedianUpload() {
        List<CompletedCheckpointStats> completed = List.of(new CompletedCheckpointStats(1, 900, 5_000, 5_000),
                new CompletedCheckpointStats(2, 100, 300, 5_100), new CompletedCheckpointStats(3, 200, 100, 5_150));

        assertThat(CheckpointSummary.of(completed)).hasValue(new CheckpointSummary(200, 900, 300));
    }

    @Test
    void medianOfAnEvenCountIsTheUpperOfTheMiddleTwo() {
        List<CompletedCheckpointStats> completed = List.of(new CompletedCheckpointStats(1, 10, 1, 1),
                new CompletedCheckpointStats(2, 40, 4, 4), new CompletedCheckpointStats(3, 20, 2, 2),
                new CompletedCheckpointStats(4, 30, 3, 3));

        assertThat(CheckpointSummary.of(completed)).hasValue(new CheckpointSummary(30, 40, 3));
    }
}
