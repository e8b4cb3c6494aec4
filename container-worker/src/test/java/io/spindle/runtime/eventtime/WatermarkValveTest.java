package io.spindle.runtime.eventtime;

import io.spindle.api.eventtime.Watermarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkValveTest {

    private final List<String> emitted = new ArrayList<>();

    private WatermarkValve valve(int channels) {
        return new WatermarkValve(channels, new WatermarkValve.Listener() {
            @Override
            public void watermark(long watermark) {
                emitted.add("watermark " + watermark);
            }

            @Override
            public void idle(boolean idle) {
                emitted.add(idle ? "idle" : "active");
            }
        });
    }

    @Test
    void theWatermarkIsTheMinimumOverTheChannelsAndAdvancesOnlyWhenTheSlowestDoes() throws Exception {
        WatermarkValve valve = valve(2);

        valve.onWatermark(0, 10);
        valve.onWatermark(0, 20);
        valve.onWatermark(1, 15);
        valve.onWatermark(1, 30);

        assertThat(emitted).containsExactly("watermark 15", "watermark 20");
    }

    @Test
    void anOlderWatermarkOfAChannelIsIgnoredAndTheOutputNeverGoesBack() throws Exception {
        WatermarkValve valve = valve(1);

        valve.onWatermark(0, 20);
        valve.onWatermark(0, 10);

        assertThat(emitted).containsExactly("watermark 20");
        assertThat(valve.current()).isEqualTo(20);
    }

    @Test
    void anIdleChannelDoesNotHoldTheOthersBack() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 50);

        valve.onStatus(1, true);

        assertThat(emitted).containsExactly("watermark 50");
    }

    @Test
    void whenEveryChannelIsIdleTheTaskIsIdleAndItsWatermarkStays() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 5);
        valve.onWatermark(1, 7);

        valve.onStatus(0, true);
        valve.onStatus(1, true);
        valve.onStatus(1, false);

        assertThat(emitted).containsExactly("watermark 5", "watermark 7", "idle", "active");
        assertThat(valve.current()).isEqualTo(7);
    }

    @Test
    void aChannelBackFromIdlenessWithAnOlderWatermarkHoldsTheOutputUntilItCatchesUp() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(1, 3);
        valve.onStatus(1, true);
        valve.onWatermark(0, 100);

        valve.onStatus(1, false);
        valve.onWatermark(0, 200);
        valve.onWatermark(1, 150);

        assertThat(emitted).containsExactly("watermark 100", "watermark 150");
    }

    @Test
    void aChannelWhoseInputEndedHoldsNothingBackAndAllEndedIsTheEndOfTime() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);

        valve.onEndOfInput(1);
        valve.onEndOfInput(0);

        assertThat(emitted).containsExactly("watermark 10", "watermark " + Watermarks.END_OF_TIME);
    }

    @Test
    void anEndedChannelDoesNotMakeTheEndOfTimeWhileAnotherIsOnlyIdle() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onStatus(0, true);

        valve.onEndOfInput(1);

        assertThat(emitted).containsExactly("idle");
        assertThat(valve.current()).isEqualTo(Watermarks.NO_TIMESTAMP);
    }
}
