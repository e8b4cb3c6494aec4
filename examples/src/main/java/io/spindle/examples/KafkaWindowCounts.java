package io.spindle.examples;

import io.spindle.api.DataStream;
import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.files.FileSink;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.WindowContext;
import io.spindle.api.windowing.TumblingEventTimeWindows;
import io.spindle.connectors.kafka.DeliveryGuarantee;
import io.spindle.connectors.kafka.KafkaSink;
import io.spindle.connectors.kafka.KafkaSource;
import io.spindle.connectors.kafka.StartingOffsets;
import io.spindle.connectors.parquet.ParquetFormat;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Kafka in, event-time windows, Kafka and Parquet out, each exactly once: reads topic {@code --input} (key: a decimal
 * key, value: the decimal event time in ms, as W6's input, whose record i has event time i) from its earliest
 * offsets up to those it has when the job starts, counts each key's records per tumbling window of
 * {@code --window-ms} (default 10,000), and writes each window's count to topic {@code --output} (key: the key,
 * value: "window start, count") in transactions and as Parquet files under {@code --files} (columns key,
 * window_start, count), both committed on checkpoints. {@code --bootstrap HOST:PORT} names the brokers;
 * {@code --rate R} paces each source subtask to R records/s; {@code --transaction-timeout-ms T} sets the sink's
 * transaction timeout.
 */
public final class KafkaWindowCounts implements SpindleJob {

    /** One window's count of one key. */
    public record WindowCount(String key, long windowStart, long count) { }

    private static final Codec<Tuple2<String, Long>> KEYED_TIME = Codecs.tuple2(Codecs.STRING, Codecs.LONG);
    private static final Codec<WindowCount> WINDOW_COUNT = Codecs.record(WindowCount.class);

    @Override
    public void define(JobBuilder job, JobParams params) {
        String bootstrap = ArgumentChecks.nonEmpty("bootstrap", params.required("bootstrap"));
        String input = ArgumentChecks.nonEmpty("input", params.required("input"));
        String output = ArgumentChecks.nonEmpty("output", params.required("output"));
        String files = ArgumentChecks.nonEmptyPath("files", params.required("files"));
        long window = ArgumentChecks.atLeast("window-ms", params.getLong("window-ms", 10_000), 1);
        double rate = ArgumentChecks.recordsPerSecond(params);

        KafkaSource<Tuple2<String, Long>> source = KafkaSource.<Tuple2<String, Long>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(input)
                .setDeserializer(record -> Tuple2.of(new String(record.key(), StandardCharsets.UTF_8),
                        Long.parseLong(new String(record.value(), StandardCharsets.UTF_8))), KEYED_TIME)
                .setStartingOffsets(StartingOffsets.earliest())
                .setBoundedAtLatest()
                .build();
        KafkaSink.Builder<WindowCount> kafka = KafkaSink.<WindowCount>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(count -> new ProducerRecord<>(output,
                        count.key().getBytes(StandardCharsets.UTF_8),
                        (count.windowStart() + "," + count.count()).getBytes(StandardCharsets.UTF_8)), output)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
        params.getLong("transaction-timeout-ms").ifPresent(ms -> kafka.setTransactionTimeout(Duration.ofMillis(ms)));
        FileSink<WindowCount> parquet = FileSink.builder(files, ParquetFormat.<WindowCount>builder("window_count")
                        .utf8("key", WindowCount::key)
                        .int64("window_start", WindowCount::windowStart)
                        .int64("count", WindowCount::count)
                        .build())
                .partSuffix(".parquet")
                .build();

        DataStream<Tuple2<String, Long>> records = job.source("kafka-input", source,
                WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((record, kafkaTimestamp) -> record.f1()));
        if (rate > 0) {
            records = records.map("pace", new Paced<>(rate), KEYED_TIME);
        }
        DataStream<WindowCount> counts = records
                .keyBy(Tuple2::f0, Codecs.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(window)))
                .aggregate("count-per-window", new CountRecords<>(), Codecs.LONG, new Labelled(), WINDOW_COUNT);
        counts.sink("kafka-output", kafka.build());
        counts.sink("parquet-files", parquet);
    }

    /** Labels a window's count with its key and start. */
    static final class Labelled extends ProcessWindowFunction<Long, WindowCount, String> {
        @Override
        public void process(String key, WindowContext context, Iterable<Long> counts, Collector<WindowCount> out) {
            out.collect(new WindowCount(key, context.window().start(), counts.iterator().next()));
        }
    }
}
