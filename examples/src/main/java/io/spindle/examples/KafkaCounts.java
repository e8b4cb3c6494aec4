package io.spindle.examples;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.connectors.kafka.DeliveryGuarantee;
import io.spindle.connectors.kafka.KafkaSink;
import io.spindle.connectors.kafka.KafkaSource;
import io.spindle.connectors.kafka.StartingOffsets;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * The W6 workload of docs/benchmarks.md, exactly once from Kafka to Kafka: reads topic {@code --input} from its
 * earliest offsets up to those it has when the job starts (read-committed), counts the records per key in keyed
 * state, and writes every new count (key, decimal count) to topic {@code --output} in transactions committed on
 * checkpoints. {@code --bootstrap HOST:PORT} names the brokers; {@code --fail-after R} (and {@code --failures F})
 * makes subtask 0 of the count fail after R records.
 */
public final class KafkaCounts implements SpindleJob {

    private static final Codec<Tuple2<String, Long>> COUNT = Codecs.tuple2(Codecs.STRING, Codecs.LONG);

    @Override
    public void define(JobBuilder job, JobParams params) {
        String bootstrap = ArgumentChecks.nonEmpty("bootstrap", params.required("bootstrap"));
        String input = ArgumentChecks.nonEmpty("input", params.required("input"));
        String output = ArgumentChecks.nonEmpty("output", params.required("output"));
        FailureInjection failures = FailureInjection.from(params);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(input)
                .setDeserializer(record -> new String(record.key(), StandardCharsets.UTF_8), Codecs.STRING)
                .setStartingOffsets(StartingOffsets.earliest())
                .setBoundedAtLatest()
                .build();
        KafkaSink<Tuple2<String, Long>> sink = KafkaSink.<Tuple2<String, Long>>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(count -> new ProducerRecord<>(output,
                        count.f0().getBytes(StandardCharsets.UTF_8),
                        Long.toString(count.f1()).getBytes(StandardCharsets.UTF_8)), output)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .build();
        job.source("kafka-input", source)
                .keyBy(key -> key, Codecs.STRING)
                .process("count-per-key", new CountPerKey(failures), COUNT)
                .sink("kafka-output", sink);
    }

    /** The key of input record i, as W1's: {@link KeyedCounts#key}. */
    public static long key(long i, long keys) {
        return KeyedCounts.key(i, keys);
    }

    /** Counts per key and emits every new count. */
    static final class CountPerKey extends ProcessFunction<String, Tuple2<String, Long>> {

        private static final ValueStateDescriptor<Long> COUNTS = new ValueStateDescriptor<>("count", Codecs.LONG);
        private final FailureInjection failures;
        private ValueState<Long> count;
        private long counted;

        CountPerKey(FailureInjection failures) {
            this.failures = failures;
        }

        @Override
        public void open(ProcessContext context) {
            count = context.state(COUNTS);
        }

        @Override
        public void processElement(String key, ProcessContext context, Collector<Tuple2<String, Long>> out) {
            failures.check(context.subtaskIndex(), context.attemptNumber(), ++counted);
            Long current = count.value();
            long updated = current == null ? 1 : current + 1;
            count.update(updated);
            out.collect(Tuple2.of(key, updated));
        }
    }
}
