package io.spindle.core.plan;

import io.spindle.api.DataStream;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.Partitioning;
import io.spindle.core.graph.StreamGraphBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionPlanTest {

    private final StreamGraphBuilder job = new StreamGraphBuilder("test", new Configuration());

    private DataStream<String> lines() {
        return job.source("lines", Sources.collection(List.of("a b"), Codecs.STRING));
    }

    private List<String> vertexNames() {
        return ExecutionPlan.of(job.build()).vertices().stream().map(TaskVertex::name).toList();
    }

    @Test
    void forwardOperatorsAtEqualParallelismShareOneTask() {
        lines().map("trim", String::trim, Codecs.STRING).filter("non-empty", s -> !s.isEmpty())
                .sink("out", Sinks.discard());

        assertThat(vertexNames()).containsExactly("lines -> trim -> non-empty -> out");
    }

    @Test
    void keyByStartsANewTask() {
        lines().keyBy(s -> s, Codecs.STRING).reduce("longest", (a, b) -> a.length() >= b.length() ? a : b)
                .sink("out", Sinks.discard());

        ExecutionPlan plan = ExecutionPlan.of(job.build());

        assertThat(plan.vertices()).extracting(TaskVertex::name).containsExactly("lines", "longest -> out");
        assertThat(plan.vertices().get(1).inputs()).singleElement()
                .satisfies(edge -> assertThat(edge.edge().partitioning()).isEqualTo(Partitioning.HASH));
    }

    @Test
    void anOperatorWithTwoConsumersEndsItsChain() {
        DataStream<String> trimmed = lines().map("trim", String::trim, Codecs.STRING);
        trimmed.sink("first", Sinks.discard());
        trimmed.sink("second", Sinks.discard());

        assertThat(vertexNames()).containsExactly("lines -> trim", "first", "second");
    }

    @Test
    void unionFeedsOneTaskFromSeveralInputs() {
        DataStream<String> lines = lines();
        DataStream<String> other = job.source("more", Sources.collection(List.of("c"), Codecs.STRING));
        lines.union(other).rebalance().sink("out", Sinks.discard());

        ExecutionPlan plan = ExecutionPlan.of(job.build());

        assertThat(plan.vertices()).extracting(TaskVertex::name).containsExactly("lines", "more", "out");
        assertThat(plan.vertices().get(2).inputs()).extracting(VertexEdge::sourceVertex).containsExactly(0, 1);
    }

    @Test
    void rebalanceBreaksTheChainEvenAtEqualParallelism() {
        lines().rebalance().map("trim", String::trim, Codecs.STRING).sink("out", Sinks.discard());

        assertThat(vertexNames()).containsExactly("lines", "trim -> out");
    }
}
