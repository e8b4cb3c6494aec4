package io.spindle.api.connectors;

/** What a source reader may use. */
public interface SourceContext extends ConnectorContext {
}
