package io.spindle.core.plan;

import io.spindle.core.graph.StreamEdge;

/** A channel-carrying edge between two task vertices. */
public record VertexEdge(int sourceVertex, int targetVertex, StreamEdge edge) { }
