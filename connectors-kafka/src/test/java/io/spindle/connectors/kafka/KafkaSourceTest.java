package io.spindle.connectors.kafka;

import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.master.local.JobExecutionException;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSourceTest {

    @RegisterExtension
    static final KafkaBrokerPerClass kafka = new KafkaBrokerPerClass();

    @TempDir
    Path work;

    private static KafkaSource.Builder<String> strings(String topic) {
        return KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrapServers()).setTopics(topic)
                .setDeserializer(KafkaRecordDeserializer.valueAsString(), Codecs.STRING);
    }

    @Test
    void aBoundedReadGetsEveryCommittedRecordOfAFourPartitionTopicOnceAndEndsAtTheOffsetsOfItsStart()
            throws Exception {
        kafka.createTopic("all", 4);
        List<String> expected = new ArrayList<>();
        for (int partition = 0; partition < 4; partition++) {
            KafkaRecords.write(kafka.bootstrapServers(), "all", partition, 250, 0);
            for (int i = 0; i < 250; i++) {
                expected.add(partition + "-" + i);
            }
        }
        // partition 1: an aborted transaction, then a committed one whose marker is the partition's last offset
        transaction("all", 1, "aborted", false);
        transaction("all", 1, "committed", true);
        for (int i = 0; i < 5; i++) {
            expected.add("committed-" + i);
        }
        // partition 2: a transaction still open, which read_committed must neither read nor wait for
        try (KafkaProducer<String, String> open = transactional("open-transaction")) {
            open.beginTransaction();
            for (int i = 0; i < 5; i++) {
                open.send(new ProducerRecord<>("all", 2, null, "open-" + i));
            }
            open.flush();

            LocalJobs.run(LocalJobs.configuration(work, 2), (builder, params) -> builder
                    .source("kafka", strings("all").setBoundedAtLatest().build())
                    .sink("out", new CollectingSink<>("all")));
        }

        assertThat(CollectingSink.<String>records("all")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachPartitionHasItsOwnWatermarkSoAPartitionBehindMakesNoRecordLate() throws Exception {
        kafka.createTopic("two-clocks", 2);
        KafkaSource<String> source = strings("two-clocks").build();
        LocalJob job = LocalJobs.start(LocalJobs.configuration(work, 1, "pipeline.auto-watermark-interval", "10 ms"),
                (builder, params) -> builder
                        .source("kafka", source, WatermarkStrategy.forMonotonousTimestamps())
                        .keyBy(value -> 0, Codecs.INT)
                        .process("late", new CountLate("two-clocks"), Codecs.STRING)
                        .sink("out", new CollectingSink<>("two-clocks")));
        try {
            KafkaRecords.write(kafka.bootstrapServers(), "two-clocks", 0, 100, 1_000_000);
            LocalJobs.awaitRecords(job, "late", 100);
            Thread.sleep(200); // periodic watermarks go out after partition 0's records
            KafkaRecords.write(kafka.bootstrapServers(), "two-clocks", 1, 100, 0);
            LocalJobs.awaitRecords(job, "late", 200);
        } finally {
            job.cancel();
        }

        assertThat(CountLate.late("two-clocks")).isZero();
    }

    @Test
    void aSubtaskWithoutPartitionsGoesIdleSoTheJobsEventTimeMovesOn() throws Exception {
        kafka.createTopic("one-partition", 1);
        KafkaSource<String> source = strings("one-partition").build();
        LocalJob job = LocalJobs.start(LocalJobs.configuration(work, 2, "pipeline.auto-watermark-interval", "10 ms"),
                (builder, params) -> builder
                        .source("kafka", source, WatermarkStrategy.<String>forMonotonousTimestamps()
                                .withIdleness(Duration.ofMillis(100)))
                        .keyBy(value -> 0, Codecs.INT)
                        .process("timer", new FireAt(1_000), Codecs.STRING)
                        .sink("out", new CollectingSink<>("one-partition")));
        try {
            KafkaRecords.write(kafka.bootstrapServers(), "one-partition", 0, 1, 500);
            KafkaRecords.write(kafka.bootstrapServers(), "one-partition", 0, 1, 5_000);

            LocalJobs.awaitCondition("the event-time timer at 1000 firing",
                    () -> CollectingSink.records("one-partition").contains("fired"));
        } finally {
            job.cancel();
        }
    }

    @Test
    void partitionsAddedWhileAnUnboundedReadRunsAreFoundAndReadFromTheirStart() throws Exception {
        kafka.createTopic("growing", 1);
        KafkaSource<String> source = strings("growing").setPartitionDiscoveryInterval(Duration.ofMillis(100))
                .build();
        LocalJob job = LocalJobs.start(LocalJobs.configuration(work, 2),
                (builder, params) -> builder.source("kafka", source).sink("out", new CollectingSink<>("growing")));
        try {
            KafkaRecords.write(kafka.bootstrapServers(), "growing", 0, 10, 0);
            LocalJobs.awaitRecords(job, "out", 10);
            try (Admin admin = kafka.admin()) {
                admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            KafkaRecords.write(kafka.bootstrapServers(), "growing", 1, 10, 0);
            KafkaRecords.write(kafka.bootstrapServers(), "growing", 2, 10, 0);

            LocalJobs.awaitRecords(job, "out", 30);
        } finally {
            job.cancel();
        }
        List<String> expected = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            for (int i = 0; i < 10; i++) {
                expected.add(partition + "-" + i);
            }
        }
        assertThat(CollectingSink.<String>records("growing")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBoundedReadRestoredAtLowerParallelismGoesOnFromTheSavedOffsetsAndStopsWhereTheFirstRunWould()
            throws Exception {
        List<String> expected = fill("bounded-rescale", 4, 500);
        LocalJob first = LocalJobs.start(LocalJobs.configuration(work, 4),
                rescaleJob("bounded-rescale", true, "bounded-first", 2));
        LocalJobs.awaitRecords(first, "out", 300);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        KafkaRecords.write(kafka.bootstrapServers(), "bounded-rescale", 0, 50, 0); // after the stop offsets

        LocalJobs.run(LocalJobs.configuration(work, 2, "execution.state-recovery.path", savepoint),
                rescaleJob("bounded-rescale", true, "bounded-second", 0));

        assertThat(CollectingSink.records("bounded-first")).isNotEmpty();
        assertThat(both("bounded-first", "bounded-second")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anUnboundedReadRestoredAtHigherParallelismThanPartitionsGoesOnFromTheSavedOffsets() throws Exception {
        List<String> expected = fill("unbounded-rescale", 4, 500);
        LocalJob first = LocalJobs.start(LocalJobs.configuration(work, 2),
                rescaleJob("unbounded-rescale", false, "unbounded-first", 2));
        LocalJobs.awaitRecords(first, "out", 300);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);

        LocalJob second = LocalJobs.start(LocalJobs.configuration(work, 6, "execution.state-recovery.path",
                savepoint), rescaleJob("unbounded-rescale", false, "unbounded-second", 0));
        try {
            LocalJobs.awaitCondition("every record read",
                    () -> both("unbounded-first", "unbounded-second").size() >= expected.size());
            Thread.sleep(500); // room for duplicates to show
        } finally {
            second.cancel();
        }

        assertThat(CollectingSink.records("unbounded-first")).isNotEmpty();
        assertThat(both("unbounded-first", "unbounded-second")).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A topic of so many partitions, each with so many records; the records' values. */
    private static List<String> fill(String topic, int partitions, int records) throws Exception {
        kafka.createTopic(topic, partitions);
        List<String> values = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            KafkaRecords.write(kafka.bootstrapServers(), topic, partition, records, 0);
            for (int i = 0; i < records; i++) {
                values.add(partition + "-" + i);
            }
        }
        return values;
    }

    private static List<String> both(String first, String second) {
        List<String> all = new ArrayList<>(CollectingSink.<String>records(first));
        all.addAll(CollectingSink.records(second));
        return all;
    }

    private static SpindleJob rescaleJob(String topic, boolean bounded, String output, long sleepMillis) {
        // small polls: the stop's barrier passes between two of them
        KafkaSource.Builder<String> source = strings(topic).setProperty("max.poll.records", "20");
        if (bounded) {
            source.setBoundedAtLatest();
        }
        return (builder, params) -> builder
                .source("kafka", source.build())
                .process("slow", new Slow(sleepMillis), Codecs.STRING)
                .sink("out", new CollectingSink<>(output));
    }

    @Test
    void theOffsetsOfCompletedCheckpointsGoToTheConsumerGroupWhenAsked() throws Exception {
        kafka.createTopic("monitored", 2);
        KafkaRecords.write(kafka.bootstrapServers(), "monitored", 0, 30, 0);
        KafkaRecords.write(kafka.bootstrapServers(), "monitored", 1, 20, 0);
        KafkaSource<String> source = strings("monitored").setProperty("group.id", "monitoring")
                .setCommitOffsetsOnCheckpoint(true).build();
        LocalJob job = LocalJobs.start(LocalJobs.configuration(work, 2, "execution.checkpointing.interval", "100 ms"),
                (builder, params) -> builder.source("kafka", source).sink("out", new CollectingSink<>("monitored")));
        try (Admin admin = kafka.admin()) {
            LocalJobs.awaitCondition("the committed offsets of both partitions", () ->
                    admin.listConsumerGroupOffsets("monitoring").partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS).equals(Map.of(
                                    new TopicPartition("monitored", 0), new OffsetAndMetadata(30),
                                    new TopicPartition("monitored", 1), new OffsetAndMetadata(20))));
        } finally {
            job.cancel();
        }
    }

    @Test
    void aRecordThatCannotBeDeserializedFailsTheJobNamingItsTopicPartitionAndOffset() throws Exception {
        kafka.createTopic("bad", 1);
        KafkaRecords.write(kafka.bootstrapServers(), "bad", 0, 3, 0);
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrapServers())
                .setTopics("bad").setBoundedAtLatest().setDeserializer(record -> {
                    if (record.offset() == 1) {
                        throw new IllegalArgumentException("not a number");
                    }
                    return "ok";
                }, Codecs.STRING).build();

        assertThatThrownBy(() -> LocalJobs.run(LocalJobs.configuration(work, 1, "restart-strategy.type", "none"),
                (builder, params) -> builder.source("kafka", source).sink("out", new CollectingSink<>("bad"))))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("topic bad, partition 0 at offset 1")
                .hasMessageContaining("not a number");
    }

    private static KafkaProducer<String, String> transactional(String id) {
        KafkaProducer<String, String> producer = KafkaRecords.producer(kafka.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
        producer.initTransactions();
        return producer;
    }

    private static void transaction(String topic, int partition, String name, boolean commit) {
        try (KafkaProducer<String, String> producer = transactional(name)) {
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, name + "-" + i));
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** Passes records on, sleeping after each. */
    static final class Slow extends ProcessFunction<String, String> {
        private final long sleepMillis;

        Slow(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void processElement(String value, ProcessContext context, Collector<String> out) throws Exception {
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            out.collect(value);
        }
    }

    /** Emits "fired" when the event-time timer it registers at its first record fires. */
    static final class FireAt extends ProcessFunction<String, String> {
        private final long time;

        FireAt(long time) {
            this.time = time;
        }

        @Override
        public void processElement(String value, ProcessContext context, Collector<String> out) {
            context.timers().registerEventTimeTimer(time);
        }

        @Override
        public void onTimer(long timeMillis, ProcessContext context, Collector<String> out) {
            out.collect("fired");
        }
    }

    /** Counts, under a name, the records whose event time the watermark had passed when they came. */
    static final class CountLate extends ProcessFunction<String, String> {
        private static final Map<String, AtomicLong> LATE = new ConcurrentHashMap<>();
        private final String name;

        CountLate(String name) {
            this.name = name;
            LATE.putIfAbsent(name, new AtomicLong());
        }

        static long late(String name) {
            return LATE.get(name).get();
        }

        @Override
        public void processElement(String value, ProcessContext context, Collector<String> out) {
            if (context.timestamp() <= context.timers().currentWatermark()) {
                LATE.get(name).incrementAndGet();
            }
            out.collect(value);
        }
    }
}
