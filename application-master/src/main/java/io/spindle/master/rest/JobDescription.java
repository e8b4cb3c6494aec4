package io.spindle.master.rest;

import io.spindle.core.config.Configuration;
import io.spindle.core.config.EffectiveConfiguration;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.options.SpindleOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.core.plan.VertexEdge;
import io.spindle.master.metrics.VertexRates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What does not change while a master attempt runs, as {@code GET /graph}, {@code GET /config} and
 * {@code GET /master} answer it: the job's tasks (chains of operators) with their parallelism and the edges between
 * them, its effective configuration with where each value came from, and where the master's own log is read.
 */
public record JobDescription(String jobName, List<Map<String, Object>> vertices, List<Map<String, Object>> edges,
                             Map<String, Object> configuration, Map<String, Object> master) {

    /** @param masterLogs where a person reads the ApplicationMaster's log, empty if nowhere */
    public static JobDescription of(ExecutionPlan plan, Configuration configuration, String masterLogs) {
        List<Map<String, Object>> vertices = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (TaskVertex vertex : plan.vertices()) {
            vertices.add(Map.of("id", vertex.id(), "name", vertex.name(), "parallelism", vertex.parallelism(),
                    "operators", vertex.chain().stream().map(StreamNode::name).toList()));
            for (VertexEdge input : vertex.inputs()) {
                edges.add(Map.of("from", input.sourceVertex(), "to", input.targetVertex(),
                        "partitioning", input.edge().partitioning().name().toLowerCase(Locale.ROOT)));
            }
        }
        return new JobDescription(plan.graph().jobName(), vertices, edges, configuration(configuration),
                Map.of("logs", masterLogs));
    }

    /** The graph, each vertex with its current load under {@code metrics} if it has figures. */
    Map<String, Object> graphWith(Map<Integer, VertexRates> rates) {
        List<Map<String, Object>> withRates = new ArrayList<>();
        for (Map<String, Object> vertex : vertices) {
            Map<String, Object> entry = new LinkedHashMap<>(vertex);
            VertexRates load = rates.get((Integer) vertex.get("id"));
            if (load != null) {
                entry.put("metrics", load.toMap());
            }
            withRates.add(entry);
        }
        return Map.of("job", jobName, "vertices", withRates, "edges", edges);
    }

    private static Map<String, Object> configuration(Configuration configuration) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (EffectiveConfiguration.Row row : EffectiveConfiguration.of(configuration, SpindleOptions.REGISTRY)) {
            entries.add(Map.of("key", row.key(), "value", row.value(), "source", row.where(), "used", row.used()));
        }
        return Map.of("entries", entries);
    }
}
