package io.spindle.runtime.operators;

import io.spindle.api.OutputTag;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.eventtime.Watermarks;
import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.WindowContext;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.api.windowing.EventTimeSessionWindows;
import io.spindle.api.windowing.SlidingEventTimeWindows;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.api.windowing.TumblingEventTimeWindows;
import io.spindle.api.windowing.TumblingProcessingTimeWindows;
import io.spindle.api.windowing.WindowAssigner;
import io.spindle.core.graph.WindowDefinition;
import io.spindle.runtime.operators.windowing.WindowOperator;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.NamespacedValueState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.spindle.runtime.operators.OperatorHarness.ALL_KEY_GROUPS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window operator driven directly on a real RocksDB backend. Records are "key:value" strings keyed by their
 * part before ':'; what windows emit is checked as "output@timestamp".
 */
class WindowOperatorTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Codec<Object> STRINGS = (Codec) Codecs.STRING;
    private static final OutputTag<Object> LATE = new OutputTag<>("late", STRINGS);
    private static final Duration TEN = Duration.ofMillis(10);

    @RegisterExtension
    final OperatorHarness harness = new OperatorHarness();

    /** Counts a window's records. */
    static final class Count implements AggregateFunction<Object, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Object value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long first, Long second) {
            return first + second;
        }
    }

    /** A reduce as the API runs it, an aggregate whose accumulator is the running value: the largest record. */
    static final class LargestRecord implements AggregateFunction<Object, Object, Object> {
        @Override
        public Object createAccumulator() {
            return null;
        }

        @Override
        public Object add(Object value, Object accumulator) {
            return accumulator == null || value(value) > value(accumulator) ? value : accumulator;
        }

        @Override
        public Object getResult(Object accumulator) {
            return accumulator;
        }

        @Override
        public Object merge(Object first, Object second) {
            return value(first) >= value(second) ? first : second;
        }

        private static int value(Object record) {
            return Integer.parseInt(((String) record).split(":")[1]);
        }
    }

    /** Emits "key window elements": everything a window function is given. */
    static final class Describe extends ProcessWindowFunction<Object, Object, Object> {
        @Override
        public void process(Object key, WindowContext context, Iterable<Object> elements, Collector<Object> out) {
            List<Object> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect(key + " " + context.window() + " " + all);
        }
    }

    /** An unopened window operator keyed by the record's part before ':', its late records to {@link #LATE}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WindowOperator windows(WindowAssigner<Object> assigner, long allowedLateness,
                                          AggregateFunction<?, ?, ?> aggregate, Codec<?> accumulatorCodec,
                                          ProcessWindowFunction<Object, Object, Object> windowFunction) {
        return new WindowOperator("window", new WindowDefinition(assigner, allowedLateness, LATE,
                (AggregateFunction) aggregate, (Codec) accumulatorCodec, STRINGS, windowFunction),
                record -> ((String) record).split(":")[0]);
    }

    /** Counting windows whose function describes them: "key window [count]". */
    private WindowOperator countingWindows(WindowAssigner<Object> assigner, long allowedLateness) throws Exception {
        return harness.open(windows(assigner, allowedLateness, new Count(), Codecs.LONG, new Describe()));
    }

    private WindowOperator countingWindows(WindowAssigner<Object> assigner) throws Exception {
        return countingWindows(assigner, 0);
    }

    private List<String> emitted() {
        return harness.output.stamped;
    }

    // ---- tumbling -----------------------------------------------------------------------------------------------

    @Test
    void aTumblingWindowFiresWhenTheWatermarkReachesItsLastMillisecondAndNotBefore() throws Exception {
        WindowOperator operator = countingWindows(TumblingEventTimeWindows.of(TEN));
        harness.record(operator, "a:1", 0);
        harness.record(operator, "a:2", 9);
        harness.record(operator, "a:3", 10);

        operator.emitWatermark(8);
        assertThat(emitted()).isEmpty();

        operator.emitWatermark(9);
        assertThat(emitted()).containsExactly("a [0, 10) [2]@9");
    }

    @Test
    void aWindowsOutputIsTimestampedWithItsLastMillisecondWhateverItsRecordsTimes() throws Exception {
        WindowOperator operator = harness.open(windows(TumblingEventTimeWindows.of(TEN), 0, new Count(),
                Codecs.LONG, null));
        harness.record(operator, "a:1", 3);

        operator.emitWatermark(100);

        assertThat(emitted()).containsExactly("1@9");
    }

    // ---- sliding ------------------------------------------------------------------------------------------------

    @Test
    void aSlidingWindowEmitsOneResultForEachWindowARecordBelongsTo() throws Exception {
        WindowOperator operator = countingWindows(SlidingEventTimeWindows.of(TEN, Duration.ofMillis(5)));
        harness.record(operator, "a:1", 7);
        harness.record(operator, "a:2", 12);

        operator.emitWatermark(100);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9", "a [5, 15) [2]@14", "a [10, 20) [1]@19");
    }

    // ---- sessions -----------------------------------------------------------------------------------------------

    @Test
    void aRecordBridgingTwoSessionsMergesThemIntoOneWithTheirRecordsAndSpan() throws Exception {
        WindowOperator operator = countingWindows(EventTimeSessionWindows.withGap(TEN));
        harness.record(operator, "a:1", 0);
        harness.record(operator, "a:2", 20);
        harness.record(operator, "a:3", 10);

        operator.emitWatermark(100);

        assertThat(emitted()).containsExactly("a [0, 30) [3]@29");
    }

    @Test
    void recordsTheGapPlusOneApartStayInSeparateSessions() throws Exception {
        WindowOperator operator = countingWindows(EventTimeSessionWindows.withGap(TEN));
        harness.record(operator, "a:1", 0);
        harness.record(operator, "a:2", 11);

        operator.emitWatermark(100);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9", "a [11, 21) [1]@20");
    }

    // ---- lateness -----------------------------------------------------------------------------------------------

    @Test
    void aRecordTooLateForAllItsWindowsGoesOnlyToTheLateSideOutput() throws Exception {
        WindowOperator operator = countingWindows(TumblingEventTimeWindows.of(TEN));
        harness.record(operator, "a:1", 1);
        operator.emitWatermark(9);

        harness.record(operator, "a:2", 5);
        operator.emitWatermark(Watermarks.END_OF_TIME);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9");
        assertThat(harness.output.side("late")).containsExactly("a:2");
    }

    @Test
    void aRecordLateForSomeOfItsSlidingWindowsGoesIntoTheOthersAndNotToTheSideOutput() throws Exception {
        WindowOperator operator = countingWindows(SlidingEventTimeWindows.of(TEN, Duration.ofMillis(5)));
        operator.emitWatermark(9);

        harness.record(operator, "a:1", 7);
        operator.emitWatermark(100);

        assertThat(emitted()).containsExactly("a [5, 15) [1]@14");
        assertThat(harness.output.side("late")).isEmpty();
    }

    @Test
    void aLateRecordWithinTheAllowedLatenessFiresItsWindowAgainWithTheUpdatedResult() throws Exception {
        WindowOperator operator = countingWindows(TumblingEventTimeWindows.of(TEN), 5);
        harness.record(operator, "a:1", 1);
        operator.emitWatermark(9);

        harness.record(operator, "a:2", 2);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9", "a [0, 10) [2]@9");
        assertThat(harness.output.side("late")).isEmpty();
    }

    @Test
    void aLateRecordWithinTheAllowedLatenessFiresAWindowOfAllRecordsOnceNotAgainAtTheNextWatermark()
            throws Exception {
        WindowOperator operator = harness.open(windows(TumblingEventTimeWindows.of(TEN), 5, null, null,
                new Describe()));
        harness.record(operator, "a:1", 1);
        operator.emitWatermark(9);
        harness.record(operator, "a:2", 2);

        operator.emitWatermark(12);

        assertThat(emitted()).containsExactly("a [0, 10) [a:1]@9", "a [0, 10) [a:1, a:2]@9");
    }

    @Test
    void theFirstRecordOfAWindowAlreadyDueButWithinTheAllowedLatenessFiresItOnce() throws Exception {
        WindowOperator operator = countingWindows(TumblingEventTimeWindows.of(TEN), 5);
        operator.emitWatermark(11);

        harness.record(operator, "a:1", 3);
        operator.emitWatermark(12);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9");
    }

    @Test
    void aLateRecordBridgingTwoFiredSessionsWithinTheAllowedLatenessFiresTheMergedSessionOnce() throws Exception {
        WindowOperator operator = countingWindows(EventTimeSessionWindows.withGap(TEN), 100);
        harness.record(operator, "a:1", 0);
        harness.record(operator, "a:2", 20);
        operator.emitWatermark(50);

        harness.record(operator, "a:3", 10);
        operator.emitWatermark(60);

        assertThat(emitted()).containsExactly("a [0, 10) [1]@9", "a [20, 30) [1]@29", "a [0, 30) [3]@29");
    }

    @Test
    void afterTheAllowedLatenessAWindowsStateIsGoneAndItsRecordsAreLate() throws Exception {
        KeyedStateBackend<Object> keyed = harness.backend(ALL_KEY_GROUPS);
        WindowOperator operator = harness.open(windows(TumblingEventTimeWindows.of(TEN), 5, new Count(), Codecs.LONG,
                null), keyed, harness.output);
        NamespacedValueState<TimeWindow, Long> counts = keyed.namespacedValueState(
                new ValueStateDescriptor<>(WindowDefinition.CONTENTS_STATE, Codecs.LONG), TimeWindow.CODEC);
        TimeWindow window = new TimeWindow(0, 10);
        harness.record(operator, "a:1", 1);

        operator.emitWatermark(13);
        keyed.setCurrentKey("a");
        assertThat(counts.value(window)).isEqualTo(1L);

        operator.emitWatermark(14);
        keyed.setCurrentKey("a");
        assertThat(counts.value(window)).isNull();

        harness.record(operator, "a:2", 2);
        assertThat(harness.output.side("late")).containsExactly("a:2");
        assertThat(emitted()).containsExactly("1@9");
    }

    // ---- processing time ----------------------------------------------------------------------------------------

    @Test
    void processingTimeWindowsFireWhenTheClockReachesTheirLastMillisecond() throws Exception {
        WindowOperator operator = countingWindows(TumblingProcessingTimeWindows.of(TEN));
        harness.now = 3;
        harness.untimedRecord(operator, "a:1");
        harness.now = 9;
        harness.untimedRecord(operator, "a:2");
        harness.now = 10;
        harness.untimedRecord(operator, "a:3");

        assertThat(operator.fireTimers(8)).isEqualTo(9);
        assertThat(emitted()).isEmpty();

        assertThat(operator.fireTimers(9)).isEqualTo(19);
        assertThat(emitted()).containsExactly("a [0, 10) [2]@9");
    }

    // ---- functions ----------------------------------------------------------------------------------------------

    @Test
    void aReduceEmitsTheRunningValueOfEachKeyAndWindow() throws Exception {
        WindowOperator operator = harness.open(windows(TumblingEventTimeWindows.of(TEN), 0, new LargestRecord(),
                STRINGS, null));
        for (String record : List.of("a:3", "b:2", "a:7", "a:5")) {
            harness.record(operator, record, 1);
        }
        harness.record(operator, "a:1", 15);

        operator.emitWatermark(100);

        assertThat(emitted()).containsExactlyInAnyOrder("a:7@9", "b:2@9", "a:1@19");
    }

    @Test
    void aProcessWindowFunctionSeesAllRecordsOfItsKeyAndWindowAndTheWindow() throws Exception {
        WindowOperator operator = harness.open(windows(TumblingEventTimeWindows.of(TEN), 0, null, null,
                new Describe()));
        harness.record(operator, "a:1", 1);
        harness.record(operator, "b:1", 2);
        harness.record(operator, "a:2", 9);
        harness.record(operator, "a:3", 10);

        operator.emitWatermark(9);

        assertThat(emitted()).containsExactlyInAnyOrder("a [0, 10) [a:1, a:2]@9", "b [0, 10) [b:1]@9");
    }
}
