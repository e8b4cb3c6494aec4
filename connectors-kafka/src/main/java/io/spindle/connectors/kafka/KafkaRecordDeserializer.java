package io.spindle.connectors.kafka;

import io.spindle.api.Tuple2;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** Turns a Kafka record into the source's record type. A throw fails the job, naming the record's offset. */
@FunctionalInterface
public interface KafkaRecordDeserializer<T> {

    T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** The value as UTF-8 text; null for a tombstone. */
    static KafkaRecordDeserializer<String> valueAsString() {
        return record -> utf8(record.value());
    }

    /** (key, value) as UTF-8 text, each null where the record has none. */
    static KafkaRecordDeserializer<Tuple2<String, String>> keyAndValueAsStrings() {
        return record -> Tuple2.of(utf8(record.key()), utf8(record.value()));
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
