package io.spindle.core.plan;

import io.spindle.core.graph.StreamEdge;

/**
 * A channel-carrying edge between two task vertices.
 *
 * @param edgeIndex the edge's place among its consumer operator's inputs: tells apart two edges between the same two
 *                  operators (a main and a side output, or both inputs of connected streams)
 */
public record VertexEdge(int sourceVertex, int targetVertex, StreamEdge edge, int edgeIndex) { }
