package io.spindle.core.graph;

import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Source;
import io.spindle.core.config.Configuration;

import java.util.List;
import java.util.Optional;

/**
 * A built, validated job graph: operators in the order they were defined, each input before its consumers.
 *
 * @param configuration the effective configuration, including what the job set in code
 */
public record StreamGraph(String jobName, List<StreamNode> nodes, int maxParallelism, Configuration configuration) {

    public Optional<StreamNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public StreamNode node(int id) {
        return nodes.get(id);
    }

    /** The codec of the records on an edge: its producer's main or side output's. */
    public Codec<?> codecOf(StreamEdge edge) {
        return node(edge.sourceId()).outputCodec(edge.sideOutput());
    }

    public List<StreamEdge> outputsOf(StreamNode node) {
        return nodes.stream().flatMap(n -> n.inputs().stream()).filter(e -> e.sourceId() == node.id()).toList();
    }

    public boolean isBounded() {
        return nodes.stream().filter(n -> n.kind() == OperatorKind.SOURCE)
                .allMatch(n -> ((Source<?>) n.function()).isBounded());
    }
}
