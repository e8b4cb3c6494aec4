package io.spindle.connectors.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one record's fields to Parquet's record consumer, between the {@code startMessage} and {@code endMessage}
 * that the format calls: for each field, {@code startField(name, index)}, its values, {@code endField(name, index)};
 * an optional field without a value is left out.
 */
@FunctionalInterface
public interface RecordWriter<T> {

    void write(T record, RecordConsumer consumer);
}
