package io.spindle.api.windowing;

import io.spindle.api.eventtime.Watermarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionWindowsTest {

    private final EventTimeSessionWindows threeSeconds = EventTimeSessionWindows.withGap(Duration.ofSeconds(3));

    @Test
    void aRecordOpensAWindowOfTheGapFromItsTimestamp() {
        assertThat(threeSeconds.assignWindows("a", -1_000, 50_000)).containsExactly(new TimeWindow(-1_000, 2_000));
    }

    @Test
    void processingTimeSessionsOpenAtTheCurrentTime() {
        ProcessingTimeSessionWindows windows = ProcessingTimeSessionWindows.withGap(Duration.ofSeconds(3));

        assertThat(windows.assignWindows("a", Watermarks.NO_TIMESTAMP, 50_000))
                .containsExactly(new TimeWindow(50_000, 53_000));
        assertThat(windows.isEventTime()).isFalse();
    }

    @Test
    void sessionWindowsMerge() {
        assertThat(threeSeconds.isMerging()).isTrue();
        assertThat(threeSeconds.isEventTime()).isTrue();
    }

    @Test
    void eventTimeSessionsRefuseARecordWithoutTimestamp() {
        assertThatThrownBy(() -> threeSeconds.assignWindows("a", Watermarks.NO_TIMESTAMP, 50_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("EventTimeSessionWindows.withGap(PT3S) windows records by event time, but"
                        + " the stream has no timestamps");
    }

    @Test
    void theGapMustBePositive() {
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventTimeSessionWindows: the session gap must be positive, got PT0S");
        assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProcessingTimeSessionWindows: the session gap must be positive, got PT-0.001S");
    }
}
