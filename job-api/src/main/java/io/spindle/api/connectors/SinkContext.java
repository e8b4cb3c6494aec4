package io.spindle.api.connectors;

/** What a sink writer may use. */
public interface SinkContext extends ConnectorContext {
}
