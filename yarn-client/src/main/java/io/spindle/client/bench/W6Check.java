package io.spindle.client.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongBinaryOperator;

/**
 * W6's check: a read-committed consumer reads every partition of the output from its start to its end offset; the
 * output is exact when it has N records and each key's counts are exactly 1 .. the number of its input records.
 */
final class W6Check {

    /** What the output held, and the first problem found when it is not exact. */
    record Outcome(long records, boolean exact, String problem) { }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long TIMEOUT_NANOS = Duration.ofMinutes(5).toNanos();

    private final String bootstrap;
    private final String output;

    W6Check(String bootstrap, String output) {
        this.bootstrap = bootstrap;
        this.output = output;
    }

    Outcome check(long records, long keys, LongBinaryOperator key) {
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < records; i++) {
            expected.merge(Long.toString(key.applyAsLong(i, keys)), 1L, Long::sum);
        }
        Map<String, BitSet> seen = new HashMap<>();
        long read = 0;
        String problem = null;
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(output).stream()
                    .map(p -> new TopicPartition(output, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    return new Outcome(read, false, "the output could not be read to its end offsets in 5 min");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    read++;
                    long count = Long.parseLong(record.value());
                    long of = expected.getOrDefault(record.key(), 0L);
                    if (count < 1 || count > of) {
                        problem = problem != null ? problem
                                : "key " + record.key() + " has count " + count + " of " + of + " records";
                    } else if (seen.computeIfAbsent(record.key(), k -> new BitSet()).get((int) count)) {
                        problem = problem != null ? problem : "key " + record.key() + " has count " + count + " twice";
                    } else {
                        seen.get(record.key()).set((int) count);
                    }
                }
            }
        }
        if (problem == null && read != records) {
            problem = read + " output records for " + records + " input records";
        }
        return new Outcome(read, problem == null, problem);
    }
}
