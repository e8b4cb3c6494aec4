package io.spindle.api.connectors;

import io.spindle.api.functions.Collector;

/** Where a source reader emits records, with the timestamps the source knows (for example a Kafka record's). */
public interface SourceOutput<T> extends Collector<T> {

    /**
     * A record with the timestamp the source gives it; the job's WatermarkStrategy may take another from the record.
     * {@link #collect(Object)} emits one without.
     */
    void collect(T record, long timestamp);
}
