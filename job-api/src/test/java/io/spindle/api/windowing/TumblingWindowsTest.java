package io.spindle.api.windowing;

import io.spindle.api.eventtime.Watermarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TumblingWindowsTest {

    private static final long NOW = 1_000_000;
    private final TumblingEventTimeWindows fiveSeconds = TumblingEventTimeWindows.of(Duration.ofSeconds(5));

    @Test
    void aRecordAtAWindowStartIsInThatWindow() {
        assertThat(fiveSeconds.assignWindows("a", 10_000, NOW)).containsExactly(new TimeWindow(10_000, 15_000));
    }

    @Test
    void aRecordAtAWindowsMaxTimestampIsInThatWindow() {
        assertThat(fiveSeconds.assignWindows("a", 14_999, NOW)).containsExactly(new TimeWindow(10_000, 15_000));
    }

    @Test
    void aNegativeTimestampIsInTheWindowBeforeTheEpoch() {
        assertThat(fiveSeconds.assignWindows("a", -1, NOW)).containsExactly(new TimeWindow(-5_000, 0));
        assertThat(fiveSeconds.assignWindows("a", -5_000, NOW)).containsExactly(new TimeWindow(-5_000, 0));
    }

    @Test
    void anOffsetShiftsTheWindows() {
        TumblingEventTimeWindows shifted = TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(shifted.assignWindows("a", 999, NOW)).containsExactly(new TimeWindow(-4_000, 1_000));
        assertThat(shifted.assignWindows("a", 1_000, NOW)).containsExactly(new TimeWindow(1_000, 6_000));
    }

    @Test
    void aNegativeOffsetShiftsTheWindowsBack() {
        TumblingEventTimeWindows shifted = TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(-1));

        assertThat(shifted.assignWindows("a", 4_000, NOW)).containsExactly(new TimeWindow(4_000, 9_000));
        assertThat(shifted.assignWindows("a", 3_999, NOW)).containsExactly(new TimeWindow(-1_000, 4_000));
    }

    @Test
    void processingTimeWindowsFollowTheClockNotTheTimestamp() {
        TumblingProcessingTimeWindows windows = TumblingProcessingTimeWindows.of(Duration.ofSeconds(5));

        assertThat(windows.assignWindows("a", 3, 12_000)).containsExactly(new TimeWindow(10_000, 15_000));
        assertThat(windows.assignWindows("a", Watermarks.NO_TIMESTAMP, 12_000))
                .containsExactly(new TimeWindow(10_000, 15_000));
        assertThat(windows.isEventTime()).isFalse();
    }

    @Test
    void eventTimeWindowsRefuseARecordWithoutTimestamp() {
        assertThatThrownBy(() -> fiveSeconds.assignWindows("a", Watermarks.NO_TIMESTAMP, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TumblingEventTimeWindows.of(PT5S) windows records by event time, but the stream has no"
                        + " timestamps: give its source a WatermarkStrategy that assigns them, or use"
                        + " processing-time windows");
    }

    @Test
    void tumblingWindowsAreEventTimeAndDoNotMerge() {
        assertThat(fiveSeconds.isEventTime()).isTrue();
        assertThat(fiveSeconds.isMerging()).isFalse();
    }

    @Test
    void theDescriptionIsTheFactoryCall() {
        assertThat(fiveSeconds.describe()).isEqualTo("TumblingEventTimeWindows.of(PT5S)");
        assertThat(TumblingProcessingTimeWindows.of(Duration.ofHours(1), Duration.ofMillis(-1500)))
                .hasToString("TumblingProcessingTimeWindows.of(PT1H, PT-1.5S)");
    }

    @Test
    void theSizeMustBePositive() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TumblingEventTimeWindows: the window size must be positive, got PT0S");
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TumblingProcessingTimeWindows: the window size must be positive, got PT-1S");
    }

    @Test
    void theSizeMustBeWholeMilliseconds() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TumblingEventTimeWindows: the window size must be whole milliseconds, got PT0.0015S");
    }

    @Test
    void theOffsetMustBeShorterThanTheSize() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TumblingEventTimeWindows: the offset must be shorter than the window size"
                        + " (-window size < offset < window size), got offset PT5S for window size PT5S");
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got offset PT-5S");
    }

    @Test
    void theSizeMustBeGiven() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("TumblingEventTimeWindows: the window size is null");
    }
}
