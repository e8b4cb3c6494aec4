package io.spindle.connectors.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** Turns a record of the job into the Kafka record the sink sends, topic included. */
@FunctionalInterface
public interface KafkaRecordSerializer<T> {

    ProducerRecord<byte[], byte[]> serialize(T element);

    /** Each record's text (its toString) as a UTF-8 value without key, to one topic. */
    static <T> KafkaRecordSerializer<T> valueAsString(String topic) {
        return element -> new ProducerRecord<>(topic, String.valueOf(element).getBytes(StandardCharsets.UTF_8));
    }
}
