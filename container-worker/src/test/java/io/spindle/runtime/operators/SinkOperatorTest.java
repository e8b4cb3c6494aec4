package io.spindle.runtime.operators;

import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.runtime.io.ElementTimestamp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SinkOperatorTest {

    private final List<String> calls = new ArrayList<>();
    private final OperatorStates states = new OperatorStates();
    private final ElementTimestamp timestamp = new ElementTimestamp();
    private SinkContext context;

    /** Logs each call of the runtime into its writer. */
    private SinkOperator<String> sink(String name) {
        return new SinkOperator<>(name, sinkContext -> {
            context = sinkContext;
            return new SinkWriter<>() {
                @Override
                public void write(String value) {
                    calls.add("write " + value);
                }

                @Override
                public long onProcessingTime(long nowMillis) {
                    calls.add("onProcessingTime " + nowMillis);
                    return nowMillis + 100;
                }

                @Override
                public void prepareCommit(long checkpointId) {
                    calls.add("prepareCommit " + checkpointId);
                }

                @Override
                public void commit(long checkpointId) {
                    calls.add("commit " + checkpointId);
                }

                @Override
                public void endOfInput() {
                    calls.add("endOfInput");
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        });
    }

    private OperatorRuntime runtime() {
        return new OperatorRuntime("job-7", 2, 3, 1, states, null, null, () -> 42L, timestamp);
    }

    @Test
    void recordsCheckpointsTheEndOfInputAndCloseReachTheWriterInOrder() throws Exception {
        SinkOperator<String> sink = sink("out");
        sink.open(runtime());

        sink.collect("a");
        sink.prepareSnapshot(1);
        sink.collect("b");
        sink.checkpointComplete(1);
        sink.endOfInput();
        sink.prepareSnapshot(2);
        sink.checkpointComplete(2);
        sink.close();

        assertThat(calls).containsExactly("write a", "prepareCommit 1", "write b", "commit 1", "endOfInput",
                "prepareCommit 2", "commit 2", "close");
    }

    @Test
    void theWriterSeesItsSubtaskAndKeepsItsStateUnderTheSinksName() throws Exception {
        SinkOperator<String> sink = sink("out");
        sink.open(runtime());

        context.operatorListState(new ListStateDescriptor<>("pending", Codecs.LONG)).add(5L);

        assertThat(List.of(context.jobId(), context.subtaskIndex(), context.parallelism(), context.attemptNumber()))
                .containsExactly("job-7", 2, 3, 1);
        assertThat(states.snapshot()).containsOnlyKeys("out");
        assertThat(states.snapshot().get("out")).containsOnlyKeys("pending");
    }

    @Test
    void theWriterSeesTheEventTimeOfTheRecordBeingWrittenAndTheClock() throws Exception {
        SinkOperator<String> sink = sink("out");
        sink.open(runtime());

        timestamp.set(1_000);

        assertThat(context.timestamp()).isEqualTo(1_000);
        assertThat(context.currentProcessingTime()).isEqualTo(42);
    }

    @Test
    void processingTimeReachesTheWriterWhichTellsWhenItIsNextDue() throws Exception {
        SinkOperator<String> sink = sink("out");
        sink.open(runtime());

        assertThat(sink.fireTimers(5)).isEqualTo(105);
        assertThat(calls).containsExactly("onProcessingTime 5");
    }

    @Test
    void aFailingCommitLeavesAsUserCodeExceptionNamingTheSink() throws Exception {
        SinkOperator<String> sink = new SinkOperator<>("files", sinkContext -> new SinkWriter<>() {
            @Override
            public void write(String value) {
            }

            @Override
            public void commit(long checkpointId) {
                throw new IllegalStateException("rename failed");
            }
        });
        sink.open(runtime());

        UserCodeException failure = catchThrowableOfType(UserCodeException.class, () -> sink.checkpointComplete(3));

        assertThat(failure.operatorName()).isEqualTo("files");
        assertThat(failure).hasRootCauseMessage("rename failed");
    }

    @Test
    void closingASinkWhoseWriterWasNeverCreatedDoesNothing() throws Exception {
        // a task whose opening failed before this sink's still closes its operators
        sink("out").close();

        assertThat(calls).isEmpty();
    }
}
