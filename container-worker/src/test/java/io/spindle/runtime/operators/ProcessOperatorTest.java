package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;
import io.spindle.state.rocksdb.RocksDbResources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Processing-time timers of a keyed process operator, on a real RocksDB backend, fired by the test's clock. */
class ProcessOperatorTest {

    private static final int MAX_PARALLELISM = 128;

    @TempDir
    Path work;

    private final RocksDbResources rocksDb = new RocksDbResources(8L << 20);
    private RocksDbKeyedStateBackend<Object> keyed;
    private final CollectingOutput output = new CollectingOutput();

    @AfterEach
    void close() {
        if (keyed != null) {
            keyed.close();
        }
        rocksDb.close();
    }

    /**
     * Record "key@time" registers a timer of the key at that time, "-key@time" deletes it; a timer that fires emits
     * "key@time" with the key that was current.
     */
    static final class Timers extends ProcessFunction<String, String> {
        @Override
        public void processElement(String command, ProcessContext context, Collector<String> out) {
            long time = Long.parseLong(command.substring(command.indexOf('@') + 1));
            if (command.startsWith("-")) {
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

    /** A keyed operator of the function, open, with the key of a record its part before '@' without a leading '-'. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ProcessOperator<String, String> keyedOperator(ProcessFunction<String, String> function) throws Exception {
        keyed = RocksDbKeyedStateBackend.open(rocksDb, work.resolve("rocksdb"), (Codec) Codecs.STRING, MAX_PARALLELISM,
                new KeyGroupRange(0, MAX_PARALLELISM - 1));
        ProcessOperator<String, String> operator = new ProcessOperator<>("timers", function,
                record -> ((String) record).replaceFirst("^-", "").split("@")[0]);
        operator.setOutput((Output) output);
        operator.open(new OperatorRuntime("job", 0, 1, 0, new OperatorStates(), keyed, null, () -> 0L, new ElementTimestamp()));
        return operator;
    }

    private static void send(ProcessOperator<String, String> operator, String... commands) {
        for (String command : commands) {
            operator.collect(command);
        }
    }

    @Test
    void aTimerRegisteredTwiceForTheSameKeyAndTimeFiresOnce() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10", "a@10");

        operator.fireTimers(10);

        assertThat(output.received).containsExactly("a@10");
    }

    @Test
    void timersOfDifferentKeysAtTheSameTimeEachFireWithTheirKeyCurrent() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10", "b@10");

        operator.fireTimers(10);

        assertThat(output.received).containsExactlyInAnyOrder("a@10", "b@10");
    }

    @Test
    void dueTimersFireInTimeOrderAndTheNextOneIsReported() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "c@30", "a@20", "b@10", "d@40");

        long next = operator.fireTimers(30);

        assertThat(output.received).containsExactly("b@10", "a@20", "c@30");
        assertThat(next).isEqualTo(40);
    }

    @Test
    void noTimerFiresBeforeItsTime() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10");

        long next = operator.fireTimers(9);

        assertThat(output.received).isEmpty();
        assertThat(next).isEqualTo(10);
    }

    @Test
    void aFiredTimerDoesNotFireAgainAndNoneLeftMeansNoNextTime() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10");
        operator.fireTimers(10);

        long next = operator.fireTimers(20);

        assertThat(output.received).containsExactly("a@10");
        assertThat(next).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDeletedTimerDoesNotFireButTheSameTimeOfAnotherKeyDoes() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10", "b@10", "a@20", "-a@10");

        long next = operator.fireTimers(15);

        assertThat(output.received).containsExactly("b@10");
        assertThat(next).isEqualTo(20);
    }

    @Test
    void aTimerRegisteredAgainAfterItWasDeletedFires() throws Exception {
        ProcessOperator<String, String> operator = keyedOperator(new Timers());
        send(operator, "a@10", "-a@10", "a@10");

        operator.fireTimers(10);

        assertThat(output.received).containsExactly("a@10");
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
        ProcessOperator<String, String> operator = new ProcessOperator<>("plain", new Timers(), null);
        operator.open(new OperatorRuntime("job", 0, 1, 0, new OperatorStates(), null, null, () -> 0L, new ElementTimestamp()));

        assertThatThrownBy(() -> operator.collect("a@10")).isInstanceOf(UserCodeException.class)
                .hasRootCauseMessage("operator 'plain' is not keyed");
    }
}
