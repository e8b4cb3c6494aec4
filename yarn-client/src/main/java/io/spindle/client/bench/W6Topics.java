package io.spindle.client.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongBinaryOperator;

/**
 * W6's topics: both made afresh with 4 partitions, and the input written before the job starts. The integration tests
 * of the Kafka examples use them too.
 */
public final class W6Topics {

    public static final int PARTITIONS = 4;
    private static final long TIMEOUT_SECONDS = 60;

    private final String bootstrap;
    private final String input;
    private final String output;

    public W6Topics(String bootstrap, String input, String output) {
        this.bootstrap = bootstrap;
        this.input = input;
        this.output = output;
    }

    /** Deletes the two topics if they exist and creates them again; a deletion may take a while to finish. */
    public void recreate() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            try {
                admin.deleteTopics(List.of(input, output)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            for (String topic : List.of(input, output)) {
                while (!create(admin, topic)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topic " + topic + " is still being deleted after "
                                + TIMEOUT_SECONDS + " s");
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static boolean create(Admin admin, String topic) throws Exception {
        try {
            admin.createTopics(Set.of(new NewTopic(topic, PARTITIONS, (short) 1))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    /** Record i: key = decimal {@code key(i, keys)}, value = decimal i, to partition i mod 4, in increasing i. */
    public void produceInput(long records, long keys, LongBinaryOperator key) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 << 10));
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(input, (int) (i % PARTITIONS),
                        Long.toString(key.applyAsLong(i, keys)), Long.toString(i)));
            }
            producer.flush();
        }
    }
}
