package io.spindle.api.connectors;

import io.spindle.api.codec.Codec;

/** Where records come from. A source keeps its read position in operator state so restores resume exactly. */
public interface Source<T> {

    Codec<T> codec();

    /** Whether the source ends by itself; a job whose sources all end is a batch job. */
    boolean isBounded();

    /** One reader per subtask. */
    SourceReader<T> createReader(SourceContext context) throws Exception;
}
