package io.spindle.core.plan;

import io.spindle.core.graph.StreamNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A chain of operators that runs as one task per subtask: records pass between them by method
 * call, not through channels. The first operator's inputs are the vertex's inputs.
 */
public record TaskVertex(int id, List<StreamNode> chain, int parallelism, List<VertexEdge> inputs) {

    public StreamNode head() {
        return chain.get(0);
    }

    public StreamNode tail() {
        return chain.get(chain.size() - 1);
    }

    public String name() {
        return chain.stream().map(StreamNode::name).collect(Collectors.joining(" -> "));
    }
}
