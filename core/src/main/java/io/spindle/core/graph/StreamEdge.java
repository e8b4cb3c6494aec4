package io.spindle.core.graph;

import io.spindle.api.codec.Codec;
import io.spindle.api.functions.KeySelector;

/** An edge of the job graph; for HASH edges, the key selector and key codec that route records. */
public record StreamEdge(int sourceId, int targetId, Partitioning partitioning,
                         KeySelector<Object, Object> keySelector, Codec<Object> keyCodec) {

    public static StreamEdge unkeyed(int sourceId, int targetId, Partitioning partitioning) {
        return new StreamEdge(sourceId, targetId, partitioning, null, null);
    }

    StreamEdge withPartitioning(Partitioning newPartitioning) {
        return new StreamEdge(sourceId, targetId, newPartitioning, keySelector, keyCodec);
    }
}
