package io.spindle.connectors.kafka;

import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.connectors.PreflightContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaPreflightTest {

    @RegisterExtension
    static final KafkaBrokerPerClass kafka = new KafkaBrokerPerClass();

    @BeforeAll
    static void createTopic() throws Exception {
        kafka.createTopic("present", 1);
    }

    @Test
    void serversNobodyAnswersAtAreRefusedWithinBoundedTime() throws IOException {
        String nobody = "127.0.0.1:" + closedPort();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(nobody).setTopics("present")
                .setDeserializer(KafkaRecordDeserializer.valueAsString(), Codecs.STRING).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> source.check(context(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .isInstanceOf(ConnectorSettingsException.class).hasMessageContaining(nobody)
                .hasMessageContaining("no broker answered");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aSourceRefusesATopicThatDoesNotExistNamingIt() {
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrapServers())
                .setTopics("present", "absent").setDeserializer(KafkaRecordDeserializer.valueAsString(), Codecs.STRING)
                .build();

        assertThatThrownBy(() -> source.check(context(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .isInstanceOf(ConnectorSettingsException.class).hasMessage("topic 'absent' does not exist on "
                        + kafka.bootstrapServers());
    }

    @Test
    void aSinkRefusesATopicThatDoesNotExist() {
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(kafka.bootstrapServers())
                .setTopic("nowhere").build();

        assertThatThrownBy(() -> sink.check(context(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .isInstanceOf(ConnectorSettingsException.class).hasMessageContaining("'nowhere' does not exist");
    }

    @Test
    void aTransactionTimeoutShorterThanACheckpointIntervalAndARestartIsRefused() {
        KafkaSink<String> sink = exactlyOnce(Duration.ofMinutes(1));

        assertThatThrownBy(() -> sink.check(context(Duration.ofSeconds(50), Duration.ofSeconds(30))))
                .isInstanceOf(ConnectorSettingsException.class)
                .hasMessageContaining("transaction timeout PT1M is shorter than the checkpoint interval PT50S plus"
                        + " the longest restart delay PT30S");
    }

    @Test
    void aTransactionTimeoutLongerThanTheBrokersAllowIsRefused() {
        KafkaSink<String> sink = exactlyOnce(Duration.ofMinutes(20));

        assertThatThrownBy(() -> sink.check(context(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .isInstanceOf(ConnectorSettingsException.class)
                .hasMessageContaining("longer than the brokers' transaction.max.timeout.ms PT15M");
    }

    @Test
    void theDefaultTransactionTimeoutPassesOrdinarySettings() throws ConnectorSettingsException {
        KafkaSink<String> sink = exactlyOnce(null);

        sink.check(context(Duration.ofMinutes(1), Duration.ofSeconds(10)));
    }

    private static KafkaSink<String> exactlyOnce(Duration timeout) {
        return KafkaSink.<String>builder().setBootstrapServers(kafka.bootstrapServers()).setTopic("present")
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionTimeout(timeout).build();
    }

    private static PreflightContext context(Duration interval, Duration restartDelay) {
        return new PreflightContext() {
            @Override
            public Optional<Duration> checkpointInterval() {
                return Optional.of(interval);
            }

            @Override
            public Duration longestRestartDelay() {
                return restartDelay;
            }

            @Override
            public FileAccess files() {
                throw new UnsupportedOperationException("no files here");
            }
        };
    }

    /** A port nothing listens on: bound, then let go. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
