package io.spindle.runtime.eventtime;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.SourceOutput;
import io.spindle.api.eventtime.WatermarkGenerator;
import io.spindle.api.eventtime.WatermarkOutput;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.runtime.operators.Output;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SourceWatermarksTest {

    private final List<String> emitted = new ArrayList<>();
    private final ElementTimestamp timestamp = new ElementTimestamp();
    private final AtomicLong clock = new AtomicLong(1_000);

    private final Output<Object> chain = new Output<>() {
        @Override
        public void collect(Object record) {
            emitted.add(record + (timestamp.isSet() ? " @" + timestamp.get() : ""));
        }

        @Override
        public void endOfInput() {
        }

        @Override
        public void emitWatermark(long watermark) {
            throw new AssertionError("watermarks go through the listener");
        }
    };

    private final WatermarkValve.Listener listener = new WatermarkValve.Listener() {
        @Override
        public void watermark(long watermark) {
            emitted.add("watermark " + watermark);
        }

        @Override
        public void idle(boolean idle) {
            emitted.add(idle ? "idle" : "active");
        }
    };

    /** Records are their own timestamps. */
    private SourceWatermarks withStrategy(WatermarkStrategy<Long> strategy) {
        return SourceWatermarks.create(strategy.withTimestampAssigner((record, previous) -> record), "source", chain,
                timestamp, clock::get, listener);
    }

    private static WatermarkStrategy<Long> outOfOrderness(long millis) {
        return WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(millis));
    }

    @Test
    void recordsGetTheirEventTimeFromTheAssigner() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0));

        watermarks.output().collect(7L);

        assertThat(emitted).containsExactly("7 @7");
    }

    @Test
    void withoutAStrategyRecordsKeepTheTimestampTheSourceGaveAndNoWatermarkIsEmitted() {
        SourceWatermarks watermarks = SourceWatermarks.create(null, "source", chain, timestamp, clock::get, listener);

        watermarks.output().collect("given", 99L);
        watermarks.output().collect("none");
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("given @99", "none");
    }

    @Test
    void boundedOutOfOrdernessTrailsTheLargestTimestampByTheBoundAndOne() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(4_000));
        ReaderOutput<Object> output = watermarks.output();

        output.collect(10_000L);
        output.collect(9_000L);
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("10000 @10000", "9000 @9000", "watermark 5999");
    }

    @Test
    void theSubtasksWatermarkIsTheMinimumOverItsSplits() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0));
        SourceOutput<Object> a = watermarks.output().forSplit("a");
        SourceOutput<Object> b = watermarks.output().forSplit("b");

        a.collect(100L);
        b.collect(50L);
        watermarks.emitPeriodic();
        b.collect(300L);
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("100 @100", "50 @50", "watermark 49", "300 @300", "watermark 99");
    }

    @Test
    void aReleasedSplitNoLongerHoldsTheWatermarkBack() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0));
        watermarks.output().forSplit("slow").collect(10L);
        watermarks.output().forSplit("fast").collect(500L);
        watermarks.emitPeriodic();

        watermarks.output().releaseSplit("slow");

        assertThat(emitted).endsWith("watermark 9", "watermark 499");
    }

    @Test
    void aSplitWithoutRecordsForTheIdlenessTimeoutStopsHoldingTheWatermarkBack() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0).withIdleness(Duration.ofSeconds(5)));
        SourceOutput<Object> quiet = watermarks.output().forSplit("quiet");
        SourceOutput<Object> busy = watermarks.output().forSplit("busy");
        quiet.collect(10L);
        busy.collect(20L);
        watermarks.emitPeriodic();

        clock.addAndGet(5_000);
        busy.collect(900L);
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("10 @10", "20 @20", "watermark 9", "900 @900", "watermark 899");
    }

    @Test
    void aSubtaskWhoseSplitsAreAllIdleIsIdleUntilItsNextRecord() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0).withIdleness(Duration.ofSeconds(1)));
        SourceOutput<Object> split = watermarks.output().forSplit("only");
        split.collect(10L);

        clock.addAndGet(1_000);
        watermarks.emitPeriodic();
        split.collect(20L);
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("10 @10", "idle", "20 @20", "active", "watermark 19");
    }

    @Test
    void aSubtaskWithoutSplitsIsIdleAfterTheIdlenessTimeout() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0).withIdleness(Duration.ofSeconds(1)));

        watermarks.emitPeriodic();
        clock.addAndGet(1_000);
        watermarks.emitPeriodic();

        assertThat(emitted).containsExactly("idle");
    }

    @Test
    void aSubtaskWhoseLastSplitWasReleasedIsIdleAfterTheIdlenessTimeoutUntilItGetsANewSplit() {
        SourceWatermarks watermarks = withStrategy(outOfOrderness(0).withIdleness(Duration.ofSeconds(1)));
        watermarks.output().forSplit("first").collect(10L);
        watermarks.emitPeriodic();
        watermarks.output().releaseSplit("first");

        clock.addAndGet(1_000);
        watermarks.emitPeriodic();
        watermarks.output().forSplit("second");

        assertThat(emitted).containsExactly("10 @10", "watermark 9", "idle", "active");
    }

    @Test
    void aGeneratorMayEmitAWatermarkOnARecord() {
        WatermarkStrategy<Long> punctuated = WatermarkStrategy.forGenerator(() -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
                if (event % 10 == 0) {
                    output.emitWatermark(eventTimestamp);
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        });
        SourceWatermarks watermarks = withStrategy(punctuated);

        watermarks.output().collect(7L);
        watermarks.output().collect(10L);

        assertThat(emitted).containsExactly("7 @7", "10 @10", "watermark 10");
    }
}
