package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.StateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamGraphBuilderTest {

    private final StreamGraphBuilder job = new StreamGraphBuilder("test", new Configuration());

    private DataStream<String> words() {
        return job.source("words", Sources.collection(List.of("a", "b"), Codecs.STRING));
    }

    /** Counts per key in a ValueState; a stand-in for any stateful user function. */
    static final class Count extends ProcessFunction<String, Long> {
        private ValueState<Long> count;

        @Override
        public void open(ProcessContext context) {
            count = context.state(new ValueStateDescriptor<>("count", Codecs.LONG));
        }

        @Override
        public void processElement(String value, ProcessContext context, Collector<Long> out) {
            count.update(1L);
        }
    }

    @Test
    void duplicateOperatorNameIsRejectedNamingIt() {
        DataStream<String> words = words();

        assertThatThrownBy(() -> words.map("words", String::trim, Codecs.STRING))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage("duplicate operator name 'words': names are the operators' ids in savepoints and must be unique");
    }

    @Test
    void emptyOperatorNameIsRejected() {
        assertThatThrownBy(() -> words().map(" ", String::trim, Codecs.STRING))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("every operator needs a non-empty name");
    }

    @Test
    void missingCodecIsRejectedNamingTheOperator() {
        assertThatThrownBy(() -> words().map("length", String::length, null))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("operator 'length' has no codec for its output")
                .hasMessageContaining("never falls back to Java serialization");
    }

    @Test
    void keyedStateOnAStreamWithoutKeyByIsRejected() {
        assertThatThrownBy(() -> words().process("count", new Count(), Codecs.LONG))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage("operator 'count' uses value state 'count', which needs a keyed stream: add keyBy(...) before it");
    }

    @Test
    void keyedOperatorRecordsTheStateItDeclares() {
        words().keyBy(w -> w, Codecs.STRING).process("count", new Count(), Codecs.LONG).sink("out", Sinks.discard());

        StreamGraph graph = job.build();

        assertThat(graph.node("count").orElseThrow().states())
                .containsExactly(new StateDeclaration("count", StateDescriptor.Kind.VALUE, "long", true),
                        StateDeclaration.timers(TimerServices.EVENT_TIME, "void"),
                        StateDeclaration.timers(TimerServices.PROCESSING_TIME, "void"));
    }

    @Test
    void jobWithoutSinkIsRejected() {
        words().map("upper", String::toUpperCase, Codecs.STRING);

        assertThatThrownBy(job::build).isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("the job defines no sink");
    }

    @Test
    void parallelismAboveMaxParallelismIsRejected() {
        StreamGraphBuilder small = new StreamGraphBuilder("test",
                Configuration.fromMap(Map.of("pipeline.max-parallelism", "4")));
        small.source("words", Sources.collection(List.of("a"), Codecs.STRING)).parallelism(5)
                .sink("out", Sinks.discard());

        assertThatThrownBy(small::build).isInstanceOf(JobDefinitionException.class)
                .hasMessage("parallelism of 'words' is 5, more than the max parallelism 4 (pipeline.max-parallelism)");
    }

    @Test
    void forwardEdgeBetweenDifferentParallelismsBecomesRebalance() {
        words().parallelism(1).map("upper", String::toUpperCase, Codecs.STRING).parallelism(3)
                .sink("out", Sinks.discard());

        StreamGraph graph = job.build();

        assertThat(graph.node("upper").orElseThrow().inputs().get(0).partitioning()).isEqualTo(Partitioning.REBALANCE);
    }
}
