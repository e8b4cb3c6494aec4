package io.spindle.core.plan;

import io.spindle.core.graph.Partitioning;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.graph.StreamNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job graph cut into tasks. An operator joins its producer's chain when it is that producer's
 * only consumer, reads only from it, over a forward edge at equal parallelism, and reads its main output: an
 * operator with a side output read elsewhere ends its chain, so its side records leave by the task's writers.
 */
public record ExecutionPlan(StreamGraph graph, List<TaskVertex> vertices) {

    public static ExecutionPlan of(StreamGraph graph) {
        Map<Integer, List<StreamNode>> chainOfHead = new HashMap<>();
        Map<Integer, Integer> headOf = new HashMap<>();
        for (StreamNode node : graph.nodes()) {
            if (chainsOntoProducer(graph, node)) {
                int head = headOf.get(node.inputs().get(0).sourceId());
                chainOfHead.get(head).add(node);
                headOf.put(node.id(), head);
            } else {
                chainOfHead.put(node.id(), new ArrayList<>(List.of(node)));
                headOf.put(node.id(), node.id());
            }
        }
        Map<Integer, Integer> vertexOfHead = new HashMap<>();
        List<List<StreamNode>> chains = new ArrayList<>();
        for (StreamNode node : graph.nodes()) {
            if (headOf.get(node.id()) == node.id()) {
                vertexOfHead.put(node.id(), chains.size());
                chains.add(List.copyOf(chainOfHead.get(node.id())));
            }
        }
        List<TaskVertex> vertices = new ArrayList<>();
        for (int v = 0; v < chains.size(); v++) {
            StreamNode head = chains.get(v).get(0);
            List<VertexEdge> inputs = new ArrayList<>();
            for (int i = 0; i < head.inputs().size(); i++) {
                StreamEdge edge = head.inputs().get(i);
                inputs.add(new VertexEdge(vertexOfHead.get(headOf.get(edge.sourceId())), v, edge, i));
            }
            vertices.add(new TaskVertex(v, chains.get(v), head.parallelism(), List.copyOf(inputs)));
        }
        return new ExecutionPlan(graph, List.copyOf(vertices));
    }

    private static boolean chainsOntoProducer(StreamGraph graph, StreamNode node) {
        if (node.inputs().size() != 1) {
            return false;
        }
        StreamEdge input = node.inputs().get(0);
        StreamNode producer = graph.node(input.sourceId());
        return input.partitioning() == Partitioning.FORWARD
                && input.sideOutput() == null
                && producer.parallelism() == node.parallelism()
                && graph.outputsOf(producer).size() == 1;
    }

    /** The edges leaving a vertex, from its tail operator. */
    public List<VertexEdge> outputsOf(TaskVertex vertex) {
        return vertices.stream().flatMap(v -> v.inputs().stream())
                .filter(e -> e.sourceVertex() == vertex.id()).toList();
    }

    public int totalSubtasks() {
        return vertices.stream().mapToInt(TaskVertex::parallelism).sum();
    }
}
