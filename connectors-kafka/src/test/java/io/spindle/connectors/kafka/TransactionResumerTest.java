package io.spindle.connectors.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when kafka-clients' internals that {@link TransactionResumer} relies on change: run it after every upgrade
 * of kafka-clients. KafkaSinkTest commits a resumed transaction on a real broker.
 */
class TransactionResumerTest {

    @Test
    void aNewProducerIsPutIntoTheTransactionOfAGivenProducerIdAndEpoch() {
        KafkaProducer<byte[], byte[]> producer = unconnectedProducer();
        try {
            TransactionResumer.resume(producer, 4_711, (short) 9, true);

            assertThat(TransactionResumer.producerId(producer)).isEqualTo(4_711);
            assertThat(TransactionResumer.epoch(producer)).isEqualTo((short) 9);
        } finally {
            // at once: a graceful close would try to abort the transaction on a broker that is not there
            producer.close(Duration.ZERO);
        }
    }

    private static KafkaProducer<byte[], byte[]> unconnectedProducer() {
        // nothing listens there: the producer is only created and closed, it never connects
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "resumer-test-0-0",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(1).toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }
}
