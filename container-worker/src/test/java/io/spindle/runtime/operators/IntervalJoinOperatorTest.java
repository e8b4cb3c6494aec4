package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.ProcessJoinFunction;
import io.spindle.core.graph.IntervalJoinDefinition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interval join driven directly on a real RocksDB backend: left records come through the first input, right
 * ones through the second. A record of key k at time t is "k:l<t>" or "k:r<t>"; a pair is emitted as
 * "left+right@timestamp".
 */
class IntervalJoinOperatorTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Codec<Object> STRINGS = (Codec) Codecs.STRING;

    @RegisterExtension
    final OperatorHarness harness = new OperatorHarness();

    /** Joins right records within [left + lower, left + upper] of a left one, both keyed by their part before ':'. */
    private IntervalJoinOperator join(long lower, long upper, ProcessJoinFunction<Object, Object, Object> function)
            throws Exception {
        return harness.open(new IntervalJoinOperator("join", new IntervalJoinDefinition(lower, upper, function,
                STRINGS, STRINGS), IntervalJoinOperatorTest::key, IntervalJoinOperatorTest::key));
    }

    private IntervalJoinOperator join(long lower, long upper) throws Exception {
        return join(lower, upper, (left, right, context, out) -> out.collect(left + "+" + right));
    }

    private static Object key(Object record) {
        return ((String) record).split(":")[0];
    }

    private void left(IntervalJoinOperator join, String key, long time) {
        harness.record(join, key + ":l" + time, time);
    }

    private void right(IntervalJoinOperator join, String key, long time) {
        harness.second(join, key + ":r" + time, time);
    }

    @Test
    void bothBoundsAreInclusiveAndNothingBeyondThemJoins() throws Exception {
        IntervalJoinOperator join = join(-2, 3);
        left(join, "a", 10);

        for (long time : new long[] {7, 8, 13, 14}) {
            right(join, "a", time);
        }

        assertThat(harness.output.stamped).containsExactly("a:l10+a:r8@10", "a:l10+a:r13@13");
    }

    @Test
    void aPairJoinsWhicheverSideArrivesFirst() throws Exception {
        IntervalJoinOperator join = join(-2, 3);
        right(join, "a", 8);
        left(join, "a", 10);
        right(join, "a", 13);

        assertThat(harness.output.stamped).containsExactly("a:l10+a:r8@10", "a:l10+a:r13@13");
    }

    @Test
    void onlyRecordsOfTheSameKeyJoin() throws Exception {
        IntervalJoinOperator join = join(-2, 3);
        left(join, "a", 10);
        right(join, "b", 10);
        right(join, "a", 10);

        assertThat(harness.output.stamped).containsExactly("a:l10+a:r10@10");
    }

    @Test
    void aRecordBehindTheWatermarkIsDroppedThoughItsPartnerIsStillThere() throws Exception {
        IntervalJoinOperator join = join(-5, 5);
        left(join, "a", 100);
        join.emitWatermark(98);

        right(join, "a", 97);
        right(join, "a", 98);

        assertThat(harness.output.stamped).containsExactly("a:l100+a:r98@100");
    }

    @Test
    void aLeftRecordIsCleanedOnceTheWatermarkReachesItsLastPartnersTime() throws Exception {
        IntervalJoinOperator join = join(0, 10);
        left(join, "a", 100);
        left(join, "b", 100);
        join.emitWatermark(109);
        right(join, "a", 110);

        // 110 is not behind the watermark, but the left record it pairs with is gone
        join.emitWatermark(110);
        right(join, "b", 110);

        assertThat(harness.output.stamped).containsExactly("a:l100+a:r110@110");
    }

    @Test
    void aRightRecordIsCleanedOnceTheWatermarkReachesItsLastPartnersTime() throws Exception {
        IntervalJoinOperator join = join(-5, 0);
        right(join, "a", 100);
        right(join, "b", 100);
        join.emitWatermark(104);
        left(join, "a", 105);

        join.emitWatermark(105);
        left(join, "b", 105);

        assertThat(harness.output.stamped).containsExactly("a:l105+a:r100@105");
    }

    @Test
    void aPairIsTimestampedWithTheLaterOfItsTwoTimesAndTheFunctionSeesBoth() throws Exception {
        IntervalJoinOperator join = join(-5, 5, (left, right, context, out) ->
                out.collect(context.leftTimestamp() + "/" + context.rightTimestamp()));
        left(join, "a", 10);
        right(join, "a", 13);
        right(join, "b", 13);
        left(join, "b", 15);

        assertThat(harness.output.stamped).containsExactly("10/13@13", "15/13@15");
    }
}
