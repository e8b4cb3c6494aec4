package io.spindle.runtime.operators;

import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StreamOperatorTest {

    private final CollectingOutput output = new CollectingOutput();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Chains the operators in order, the last one into {@link #output}. */
    @SafeVarargs
    private <T> StreamOperator<T, ?> chain(StreamOperator<T, ?> head, StreamOperator<Object, ?>... rest) {
        StreamOperator<?, ?> previous = head;
        for (StreamOperator<Object, ?> next : rest) {
            link(previous, next);
            previous = next;
        }
        link(previous, output);
        return head;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void link(StreamOperator<?, ?> from, Output<?> to) {
        ((StreamOperator) from).setOutput(to);
    }

    @Test
    void anExceptionOfUserCodeLeavesAsUserCodeExceptionNamingTheOperator() {
        IllegalStateException boom = new IllegalStateException("bad record");
        StreamOperator<Long, ?> operator = chain(new MapOperator<Long, Long>("explode", i -> {
            throw boom;
        }));

        UserCodeException failure = catchThrowableOfType(UserCodeException.class, () -> operator.collect(1L));

        assertThat(failure.operatorName()).isEqualTo("explode");
        assertThat(failure).hasCause(boom).hasMessageContaining("operator 'explode' failed");
    }

    @Test
    void aFailureFurtherDownTheChainKeepsTheNameOfTheOperatorThatFailed() {
        StreamOperator<Long, ?> head = chain(new MapOperator<Long, Long>("first", i -> i + 1),
                new FilterOperator<>("second", i -> {
                    throw new IllegalArgumentException("no");
                }));

        UserCodeException failure = catchThrowableOfType(UserCodeException.class, () -> head.collect(1L));

        assertThat(failure.operatorName()).isEqualTo("second");
    }

    @Test
    void anInterruptedUserFunctionLeavesAsCancellationAndKeepsTheInterrupt() {
        // a function blocked in a sleep or a queue when the task is cancelled
        StreamOperator<Long, ?> operator = chain(new MapOperator<Long, Long>("sleepy", i -> {
            throw new InterruptedException("cancelled");
        }));

        assertThatThrownBy(() -> operator.collect(1L)).isInstanceOf(TaskCancelledException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void recordsInCountsEveryRecordTheOperatorReceivedWhetherItPassesItOnOrNot() {
        StreamOperator<Long, ?> even = chain(new FilterOperator<Long>("even", i -> i % 2 == 0));

        for (long i = 0; i < 5; i++) {
            even.collect(i);
        }

        assertThat(even.recordsIn()).isEqualTo(5);
        assertThat(output.received).containsExactly(0L, 2L, 4L);
    }

    /** Emits its input, and "done" at the end of its input. */
    static final class EmitsAtEnd extends ProcessFunction<Object, Object> {
        @Override
        public void processElement(Object value, ProcessContext context, Collector<Object> out) {
            out.collect(value);
        }

        @Override
        public void endOfInput(ProcessContext context, Collector<Object> out) {
            out.collect("done");
        }
    }

    @Test
    void anOperatorsEndOfInputWorkComesBeforeTheNextLinkHearsOfTheEnd() throws Exception {
        StreamOperator<Object, ?> head = chain(new ProcessOperator<>("first", new EmitsAtEnd(), null),
                new MapOperator<>("second", value -> "second saw " + value));
        head.collect("a");

        head.endOfInput();

        assertThat(output.received).containsExactly("second saw a", "second saw done", "endOfInput");
    }

    @Test
    void anExceptionOfAnEndOfInputHookLeavesAsUserCodeExceptionAndTheEndGoesNoFurther() {
        StreamOperator<Object, ?> operator = chain(new ProcessOperator<>("ending", new ProcessFunction<>() {
            @Override
            public void processElement(Object value, ProcessContext context, Collector<Object> out) {
            }

            @Override
            public void endOfInput(ProcessContext context, Collector<Object> out) {
                throw new IllegalStateException("cannot end");
            }
        }, null));

        UserCodeException failure = catchThrowableOfType(UserCodeException.class, operator::endOfInput);

        assertThat(failure.operatorName()).isEqualTo("ending");
        assertThat(output.received).isEmpty();
    }

    @Test
    void describeNamesTheOperatorAndWhatItsCodeThrewOrElseTheFailureItself() {
        IllegalStateException cause = new IllegalStateException("bad");

        assertThat(UserCodeException.describe(new UserCodeException("parse", cause)))
                .isEqualTo("operator 'parse' threw java.lang.IllegalStateException: bad");
        assertThat(UserCodeException.describe(cause)).isEqualTo("java.lang.IllegalStateException: bad");
    }
}
