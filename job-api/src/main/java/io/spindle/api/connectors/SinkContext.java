package io.spindle.api.connectors;

/** What a sink writer may use. */
public interface SinkContext extends ConnectorContext {

    /**
     * The event time of the record being written, {@link io.spindle.api.eventtime.Watermarks#NO_TIMESTAMP} when it
     * has none (no watermark strategy upstream).
     */
    long timestamp();

    /** The clock that {@link SinkWriter#onProcessingTime} is called by, in epoch milliseconds. */
    long currentProcessingTime();
}
