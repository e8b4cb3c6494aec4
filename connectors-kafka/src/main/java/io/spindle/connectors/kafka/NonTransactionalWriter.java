package io.spindle.connectors.kafka;

import io.spindle.api.connectors.SinkWriter;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.util.Properties;

/**
 * Sends records without transactions: at least once, as every record sent before a checkpoint's barrier is
 * acknowledged before the checkpoint counts it (a restore may send some again); with {@link DeliveryGuarantee#NONE},
 * nothing waits, and records still buffered at a failure may be lost.
 */
final class NonTransactionalWriter<T> implements SinkWriter<T> {

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaRecordSerializer<T> serializer;
    private final boolean flushAtCheckpoints;
    private final SendErrors errors = new SendErrors();

    NonTransactionalWriter(Properties properties, KafkaRecordSerializer<T> serializer, boolean flushAtCheckpoints) {
        this.producer = new KafkaProducer<>(properties);
        this.serializer = serializer;
        this.flushAtCheckpoints = flushAtCheckpoints;
    }

    @Override
    public void write(T value) throws Exception {
        errors.check();
        producer.send(serializer.serialize(value), errors);
    }

    @Override
    public void prepareCommit(long checkpointId) throws Exception {
        if (flushAtCheckpoints) {
            producer.flush();
            errors.check();
        }
    }

    @Override
    public void endOfInput() throws Exception {
        producer.flush();
        errors.check();
    }

    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
