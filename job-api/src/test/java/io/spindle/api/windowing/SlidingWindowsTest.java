package io.spindle.api.windowing;

import io.spindle.api.eventtime.Watermarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlidingWindowsTest {

    private static final long NOW = 1_000_000;
    private final SlidingEventTimeWindows tenEveryFive =
            SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void aRecordIsInSizeDividedBySlideWindowsLatestStartFirst() {
        SlidingEventTimeWindows windows = SlidingEventTimeWindows.of(Duration.ofSeconds(4), Duration.ofSeconds(1));

        assertThat(windows.assignWindows("a", 5_500, NOW)).containsExactly(
                new TimeWindow(5_000, 9_000), new TimeWindow(4_000, 8_000),
                new TimeWindow(3_000, 7_000), new TimeWindow(2_000, 6_000));
    }

    @Test
    void aRecordAtAWindowStartIsInThatWindowButNotInTheOneEndingThere() {
        assertThat(tenEveryFive.assignWindows("a", 10_000, NOW))
                .containsExactly(new TimeWindow(10_000, 20_000), new TimeWindow(5_000, 15_000));
    }

    @Test
    void aRecordAtAWindowsMaxTimestampIsInThatWindow() {
        assertThat(tenEveryFive.assignWindows("a", 9_999, NOW))
                .containsExactly(new TimeWindow(5_000, 15_000), new TimeWindow(0, 10_000));
    }

    @Test
    void negativeTimestampsGetWindowsBeforeTheEpoch() {
        assertThat(tenEveryFive.assignWindows("a", -1, NOW))
                .containsExactly(new TimeWindow(-5_000, 5_000), new TimeWindow(-10_000, 0));
    }

    @Test
    void anOffsetShiftsTheWindows() {
        SlidingEventTimeWindows shifted =
                SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(shifted.assignWindows("a", 2_000, NOW))
                .containsExactly(new TimeWindow(2_000, 12_000), new TimeWindow(-3_000, 7_000));
    }

    @Test
    void aSlideThatDoesNotDivideTheSizeGivesRecordsDifferentWindowCounts() {
        SlidingEventTimeWindows windows = SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(4));

        assertThat(windows.assignWindows("a", 8, NOW)).containsExactly(new TimeWindow(8, 18), new TimeWindow(4, 14),
                new TimeWindow(0, 10));
        assertThat(windows.assignWindows("a", 10, NOW)).containsExactly(new TimeWindow(8, 18), new TimeWindow(4, 14));
    }

    @Test
    void aRecordBetweenWindowsSlidingFurtherThanTheirSizeIsInNone() {
        SlidingEventTimeWindows windows = SlidingEventTimeWindows.of(Duration.ofMillis(2), Duration.ofMillis(5));

        assertThat(windows.assignWindows("a", 1, NOW)).containsExactly(new TimeWindow(0, 2));
        assertThat(windows.assignWindows("a", 3, NOW)).isEmpty();
    }

    @Test
    void processingTimeWindowsFollowTheClock() {
        SlidingProcessingTimeWindows windows =
                SlidingProcessingTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThat(windows.assignWindows("a", Watermarks.NO_TIMESTAMP, 12_000))
                .containsExactly(new TimeWindow(10_000, 20_000), new TimeWindow(5_000, 15_000));
    }

    @Test
    void eventTimeWindowsRefuseARecordWithoutTimestamp() {
        assertThatThrownBy(() -> tenEveryFive.assignWindows("a", Watermarks.NO_TIMESTAMP, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SlidingEventTimeWindows.of(PT10S, PT5S) windows records by event time");
    }

    @Test
    void theDescriptionIsTheFactoryCall() {
        assertThat(SlidingProcessingTimeWindows.of(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(3))
                .describe()).isEqualTo("SlidingProcessingTimeWindows.of(PT1M, PT10S, PT3S)");
    }

    @Test
    void theSlideMustBePositive() {
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SlidingEventTimeWindows: the slide must be positive, got PT0S");
    }

    @Test
    void theSizeMustBePositive() {
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(Duration.ofSeconds(-10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SlidingProcessingTimeWindows: the window size must be positive, got PT-10S");
    }

    @Test
    void theOffsetMustBeShorterThanTheSlide() {
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SlidingEventTimeWindows: the offset must be shorter than the slide"
                        + " (-slide < offset < slide), got offset PT-5S for slide PT5S");
    }
}
