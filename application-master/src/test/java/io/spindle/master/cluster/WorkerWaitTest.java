package io.spindle.master.cluster;

import io.spindle.master.cluster.WorkerWait.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerWaitTest {

    private static final long START = 1_700_000_000_000L;
    private static final long TIMEOUT = 60_000;

    private final WorkerWait wait = new WorkerWait(TIMEOUT);

    @Test
    void aShortWaitIsNotReported() {
        wait.begin(START);

        assertThat(wait.step(START + WorkerWait.FIRST_REPORT_MILLIS - 1)).isEqualTo(Step.NOTHING);
    }

    @Test
    void aWaitIsReportedFirstAfterFiveSecondsThenEveryFifteen() {
        wait.begin(START);

        assertThat(wait.nextStepMillis()).isEqualTo(START + 5_000);
        assertThat(wait.step(START + 5_000)).isEqualTo(Step.REPORT);
        assertThat(wait.step(START + 19_999)).isEqualTo(Step.NOTHING);
        assertThat(wait.nextStepMillis()).isEqualTo(START + 20_000);
        assertThat(wait.step(START + 20_000)).isEqualTo(Step.REPORT);
    }

    @Test
    void aWaitTimesOutAfterTheTimeoutEvenWhenAReportIsDueToo() {
        wait.begin(START);
        wait.step(START + 50_000);

        assertThat(wait.nextStepMillis()).isEqualTo(START + TIMEOUT);
        assertThat(wait.step(START + TIMEOUT)).isEqualTo(Step.TIME_OUT);
    }

    @Test
    void aTimeoutShorterThanTheFirstReportComesFirst() {
        WorkerWait brief = new WorkerWait(2_000);
        brief.begin(START);

        assertThat(brief.nextStepMillis()).isEqualTo(START + 2_000);
        assertThat(brief.step(START + 2_000)).isEqualTo(Step.TIME_OUT);
    }

    @Test
    void aWaitUnderWayKeepsItsStartAndGeneration() {
        wait.begin(START);
        int generation = wait.generation();

        assertThat(wait.begin(START + 1_000)).isFalse();
        assertThat(wait.waitedMillis(START + 3_000)).isEqualTo(3_000);
        assertThat(wait.current(generation)).isTrue();
    }

    @Test
    void aWaitBegunAfterAnEndedOneIsANewGenerationStartingAfresh() {
        wait.begin(START);
        int ended = wait.generation();
        wait.end();

        assertThat(wait.begin(START + 40_000)).isTrue();
        assertThat(wait.current(ended)).isFalse();
        assertThat(wait.step(START + 40_000 + TIMEOUT - 1)).isEqualTo(Step.REPORT);
    }

    @Test
    void aTimeoutBelowOneMillisecondIsRefused() {
        assertThatThrownBy(() -> new WorkerWait(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the wait for workers must time out after 1 ms or more, got 0 ms");
    }
}
