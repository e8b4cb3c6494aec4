package io.spindle.api.connectors;

import io.spindle.api.codec.Codec;

/** Where records come from. A source keeps its read position in operator state so restores resume exactly. */
public interface Source<T> {

    Codec<T> codec();

    /** Whether the source ends by itself; a job whose sources all end is a batch job. */
    boolean isBounded();

    /** One reader per subtask. */
    SourceReader<T> createReader(SourceContext context) throws Exception;

    /**
     * Checks, before the job is submitted, what can be checked from the client: that the systems the source talks to
     * answer and accept its settings. Runs in the client, never in the job.
     */
    default void check(PreflightContext context) throws ConnectorSettingsException {
    }
}
