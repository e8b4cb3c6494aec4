package io.spindle.core.graph;

import io.spindle.api.state.StateDescriptor;

/** State an operator declared when the job was built: what checkpoints store and restores check. */
public record StateDeclaration(String name, StateDescriptor.Kind kind, String codecId, boolean keyed) { }
