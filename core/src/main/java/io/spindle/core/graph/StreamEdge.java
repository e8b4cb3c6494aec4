package io.spindle.core.graph;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;

/**
 * An edge of the job graph; for HASH edges, the key selector and key codec that route records.
 *
 * @param sideOutput the name of the producer's side output the edge carries, null for its main output
 * @param input which input of the consumer the edge feeds: 0, or 1 for the second of connected streams
 */
public record StreamEdge(int sourceId, int targetId, Partitioning partitioning,
                         KeySelector<Object, Object> keySelector, Codec<Object> keyCodec, String sideOutput,
                         int input) {

    public static StreamEdge unkeyed(int sourceId, int targetId, Partitioning partitioning) {
        return new StreamEdge(sourceId, targetId, partitioning, null, null, null, 0);
    }

    StreamEdge withPartitioning(Partitioning newPartitioning) {
        return new StreamEdge(sourceId, targetId, newPartitioning, keySelector, keyCodec, sideOutput, input);
    }
}
