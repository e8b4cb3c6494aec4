package io.spindle.runtime.operators;

import io.spindle.api.eventtime.Watermarks;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.TimeDomain;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static io.spindle.runtime.operators.OperatorHarness.ALL_KEY_GROUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Timers of a keyed process operator, on a real RocksDB backend: processing-time ones fired by the test's clock,
 * event-time ones by watermarks, also after a snapshot restored at another parallelism.
 */
class ProcessOperatorTest {

    @RegisterExtension
    final OperatorHarness harness = new OperatorHarness();

    /**
     * Record "key@time" registers a timer of the key at that time in the function's time domain, "-key@time" deletes
     * it; a timer that fires emits "key@time" with the key that was current.
     */
    static final class Timers extends ProcessFunction<String, String> {
        private final TimeDomain domain;

        Timers(TimeDomain domain) {
            this.domain = domain;
        }

        @Override
        public void processElement(String command, ProcessContext context, Collector<String> out) {
            long time = Long.parseLong(command.substring(command.indexOf('@') + 1));
            boolean delete = command.startsWith("-");
            if (domain == TimeDomain.EVENT_TIME) {
                if (delete) {
                    context.timers().deleteEventTimeTimer(time);
                } else {
                    context.timers().registerEventTimeTimer(time);
                }
            } else if (delete) {
                context.timers().deleteProcessingTimeTimer(time);
            } else {
                context.timers().registerProcessingTimeTimer(time);
            }
        }

        @Override
        public void onTimer(long timeMillis, ProcessContext context, Collector<String> out) {
            out.collect(context.currentKey() + "@" + timeMillis);
        }
    }

    /** Registers the timer the record names, "event@time" or "processing@time"; a firing timer emits what it saw. */
    static final class DescribeTimer extends ProcessFunction<String, String> {
        @Override
        public void processElement(String command, ProcessContext context, Collector<String> out) {
            long time = Long.parseLong(command.substring(command.indexOf('@') + 1));
            if (command.startsWith("event")) {
                context.timers().registerEventTimeTimer(time);
            } else {
                context.timers().registerProcessingTimeTimer(time);
            }
        }

        @Override
        public void onTimer(long timeMillis, ProcessContext context, Collector<String> out) {
            out.collect(context.timeDomain() + " timestamp " + context.timestamp());
        }
    }

    /** A keyed operator of the function, unopened, with the key of a record its part before '@' without a '-'. */
    private static ProcessOperator<String, String> keyed(ProcessFunction<String, String> function) {
        return new ProcessOperator<>("timers", function,
                record -> ((String) record).replaceFirst("^-", "").split("@")[0]);
    }

    /** The operator open on a fresh backend of all key groups. */
    private ProcessOperator<String, String> keyedOperator(ProcessFunction<String, String> function) throws Exception {
        return harness.open(keyed(function));
    }

    /** The commands as records; their own event time does not matter to these functions. */
    private void send(ProcessOperator<String, String> operator, String... commands) {
        for (String command : commands) {
            harness.record(operator, command, 0);
        }
    }

    // ---- processing time ----------------------------------------------------------------------------------------

    @Test
    void aTimerRegisteredTwiceForTheSameKeyAndTimeFiresOnce() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10", "a@10");

        operator.fireTimers(10);

        assertThat(harness.output.received).containsExactly("a@10");
    }

    @Test
    void timersOfDifferentKeysAtTheSameTimeEachFireWithTheirKeyCurrent() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10", "b@10");

        operator.fireTimers(10);

        assertThat(harness.output.received).containsExactlyInAnyOrder("a@10", "b@10");
    }

    @Test
    void dueTimersFireInTimeOrderAndTheNextOneIsReported() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "c@30", "a@20", "b@10", "d@40");

        long next = operator.fireTimers(30);

        assertThat(harness.output.received).containsExactly("b@10", "a@20", "c@30");
        assertThat(next).isEqualTo(40);
    }

    @Test
    void noTimerFiresBeforeItsTime() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10");

        long next = operator.fireTimers(9);

        assertThat(harness.output.received).isEmpty();
        assertThat(next).isEqualTo(10);
    }

    @Test
    void aFiredTimerDoesNotFireAgainAndNoneLeftMeansNoNextTime() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10");
        operator.fireTimers(10);

        long next = operator.fireTimers(20);

        assertThat(harness.output.received).containsExactly("a@10");
        assertThat(next).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDeletedTimerDoesNotFireButTheSameTimeOfAnotherKeyDoes() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10", "b@10", "a@20", "-a@10");

        long next = operator.fireTimers(15);

        assertThat(harness.output.received).containsExactly("b@10");
        assertThat(next).isEqualTo(20);
    }

    @Test
    void aTimerRegisteredAgainAfterItWasDeletedFires() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.PROCESSING_TIME));
        send(operator, "a@10", "-a@10", "a@10");

        operator.fireTimers(10);

        assertThat(harness.output.received).containsExactly("a@10");
    }

    @Test
    void anExceptionOfOnTimerLeavesAsUserCodeExceptionNamingTheOperator() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new ProcessFunction<>() {
            @Override
            public void processElement(String value, ProcessContext context, Collector<String> out) {
                context.timers().registerProcessingTimeTimer(5);
            }

            @Override
            public void onTimer(long timeMillis, ProcessContext context, Collector<String> out) {
                throw new IllegalStateException("timer failed");
            }
        });
        send(operator, "a@5");

        UserCodeException failure = catchThrowableOfType(UserCodeException.class, () -> operator.fireTimers(5));

        assertThat(failure.operatorName()).isEqualTo("timers");
        assertThat(failure).hasRootCauseMessage("timer failed");
    }

    @Test
    void timersOfAnOperatorWhoseInputIsNotKeyedAreRefusedNamingIt() throws Exception {
        ProcessOperator<String, String> operator = harness.open(
                new ProcessOperator<>("plain", new Timers(TimeDomain.PROCESSING_TIME), null), null, harness.output);

        assertThatThrownBy(() -> operator.collect("a@10")).isInstanceOf(UserCodeException.class)
                .hasRootCauseMessage("operator 'plain' is not keyed");
    }

    // ---- event time ---------------------------------------------------------------------------------------------

    @Test
    void eventTimeTimersFireInTimeOrderOnceTheWatermarkReachesThem() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.EVENT_TIME));
        send(operator, "c@30", "a@20", "b@10", "d@40");

        operator.emitWatermark(29);
        operator.emitWatermark(39);

        assertThat(harness.output.stamped).containsExactly("b@10@10", "a@20@20", "c@30@30");
    }

    @Test
    void anEventTimeTimerRegisteredTwiceFiresOnce() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.EVENT_TIME));
        send(operator, "a@10", "a@10");

        operator.emitWatermark(10);
        operator.emitWatermark(20);

        assertThat(harness.output.stamped).containsExactly("a@10@10");
    }

    @Test
    void aDeletedEventTimeTimerDoesNotFire() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers(TimeDomain.EVENT_TIME));
        send(operator, "a@10", "b@10", "-a@10");

        operator.emitWatermark(Watermarks.END_OF_TIME);

        assertThat(harness.output.stamped).containsExactly("b@10@10");
    }

    @Test
    void anEventTimeTimerSeesItsDomainAndItsTimeAsTimestamp() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new DescribeTimer());
        harness.record(operator, "event@10", 3);

        operator.emitWatermark(10);

        assertThat(harness.output.stamped).containsExactly("EVENT_TIME timestamp 10@10");
    }

    @Test
    void aProcessingTimeTimerSeesItsDomainAndNoTimestamp() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new DescribeTimer());
        harness.record(operator, "processing@10", 3);

        operator.fireTimers(10);

        long none = Watermarks.NO_TIMESTAMP;
        assertThat(harness.output.stamped).containsExactly("PROCESSING_TIME timestamp " + none + "@" + none);
    }

    @Test
    void eventTimeTimersTakenInASnapshotFireAfterARestoreAtAnotherParallelismEachInTheSubtaskOfItsKey()
            throws Exception {
        RocksDbKeyedStateBackend<Object> whole = harness.backend(ALL_KEY_GROUPS);
        ProcessOperator<String, String> before = harness.open(keyed(new Timers(TimeDomain.EVENT_TIME)), whole,
                harness.output);
        List<String> timers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            timers.add("k" + i + "@" + (1000 + i));
        }
        send(before, timers.toArray(String[]::new));
        KeyedStateHandle snapshot = harness.snapshot(whole);

        List<String> lowFired = fireAllAfterRestore(new KeyGroupRange(0, 63), snapshot);
        List<String> highFired = fireAllAfterRestore(new KeyGroupRange(64, 127), snapshot);

        // times increase with i, so each subtask's share of the list, in order, is the order they fire in
        assertThat(lowFired).isNotEmpty().containsExactlyElementsOf(
                timers.stream().filter(timer -> keyGroupOf(timer) <= 63).toList());
        assertThat(highFired).isNotEmpty().containsExactlyElementsOf(
                timers.stream().filter(timer -> keyGroupOf(timer) >= 64).toList());
        assertThat(harness.output.received).isEmpty();
    }

    /** What a fresh operator on a backend restored from the snapshot at {@code range} fires at the end of time. */
    private List<String> fireAllAfterRestore(KeyGroupRange range, KeyedStateHandle snapshot) throws Exception {
        CollectingOutput fired = new CollectingOutput(harness.timestamp);
        ProcessOperator<String, String> operator = harness.open(keyed(new Timers(TimeDomain.EVENT_TIME)),
                harness.restore(range, List.of(snapshot)), fired);
        operator.emitWatermark(Watermarks.END_OF_TIME);
        return fired.stamped.stream().map(timer -> timer.substring(0, timer.lastIndexOf('@'))).toList();
    }

    private static int keyGroupOf(String timer) {
        return OperatorHarness.keyGroupOf(timer.substring(0, timer.indexOf('@')));
    }
}
