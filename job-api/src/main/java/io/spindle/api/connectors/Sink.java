package io.spindle.api.connectors;

/** Where records go. */
public interface Sink<T> {

    /** One writer per subtask. */
    SinkWriter<T> createWriter(SinkContext context) throws Exception;

    /**
     * Checks, before the job is submitted, what can be checked from the client: that the systems the sink talks to
     * answer and accept its settings. Runs in the client, never in the job.
     */
    default void check(PreflightContext context) throws ConnectorSettingsException {
    }
}
