package io.spindle.api.connectors;

/** Where records go. */
public interface Sink<T> {

    /** One writer per subtask. */
    SinkWriter<T> createWriter(SinkContext context) throws Exception;
}
