package io.spindle.core.graph;

/** How records move along an edge from the producer's subtasks to the consumer's. */
public enum Partitioning {
    /** Subtask i to subtask i; both sides have the same parallelism. Such edges are chained. */
    FORWARD,
    /** By key group of the record's key. */
    HASH,
    /** Round-robin over all consumer subtasks. */
    REBALANCE,
    /** Every record to every consumer subtask. */
    BROADCAST
}
