package io.spindle.connectors.kafka;

import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSinkTest {

    @RegisterExtension
    static final KafkaBrokerPerClass kafka = new KafkaBrokerPerClass();

    @TempDir
    Path work;

    private static KafkaSink.Builder<Long> exactlyOnce(String topic) {
        return KafkaSink.<Long>builder().setBootstrapServers(kafka.bootstrapServers()).setTopic(topic)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
    }

    @Test
    void exactlyOnceRecordsStayInvisibleToReadCommittedConsumersUntilTheirCheckpointCompletes() throws Exception {
        kafka.createTopic("invisible", 2);
        // no periodic checkpoint: only the stop's savepoint commits
        LocalJob job = LocalJobs.start(LocalJobs.configuration(work, 2, "execution.checkpointing.interval", "1 h"),
                (builder, params) -> builder
                        .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 2_000))
                        .sink("kafka", exactlyOnce("invisible").build()));
        LocalJobs.awaitRecords(job, "kafka", 500);
        LocalJobs.awaitCondition("records sent to Kafka",
                () -> KafkaRecords.readAll(kafka.bootstrapServers(), "invisible", "read_uncommitted").size() >= 500);

        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "invisible", "read_committed")).isEmpty();

        job.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        JobResult result = LocalJobs.await(job);
        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "invisible", "read_committed"))
                .hasSize(result.recordsIn().get("kafka").intValue());
    }

    @Test
    void aJobThatFailsOverWritesEveryRecordExactlyOnce() throws Exception {
        kafka.createTopic("failover", 3);
        long records = 20_000;

        JobResult result = LocalJobs.run(LocalJobs.configuration(work, 2, "execution.checkpointing.interval", "100 ms"),
                (builder, params) -> builder
                        .source("numbers", Sources.generator(records, i -> i, Codecs.LONG, 20_000))
                        .process("fail-once", new FailOnce(records / 4), Codecs.LONG)
                        .sink("kafka", exactlyOnce("failover").build()));

        assertThat(result.restarts()).isEqualTo(1);
        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "failover", "read_committed").stream()
                .map(Long::parseLong).sorted().toList())
                .isEqualTo(LongStream.range(0, records).boxed().toList());
    }

    @Test
    void anAtLeastOnceSinkWritesEveryRecordOfABoundedJob() throws Exception {
        kafka.createTopic("at-least-once", 2);

        LocalJobs.run(LocalJobs.configuration(work, 2, "execution.checkpointing.interval", "100 ms"),
                (builder, params) -> builder
                        .source("numbers", Sources.generator(1_000, i -> i, Codecs.LONG))
                        .sink("kafka", KafkaSink.<Long>builder().setBootstrapServers(kafka.bootstrapServers())
                                .setTopic("at-least-once").build()));

        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "at-least-once", "read_committed").stream()
                .map(Long::parseLong).distinct().sorted().toList())
                .isEqualTo(LongStream.range(0, 1_000).boxed().toList());
    }

    @Test
    void aRestoreAtLowerParallelismLeavesNoTransactionOfThePrefixOpen() throws Exception {
        kafka.createTopic("downscale", 2);
        long records = 6_000;
        String prefix = "downscale-test";
        LocalJob first = LocalJobs.start(LocalJobs.configuration(work, 4, "execution.checkpointing.interval", "200 ms"),
                downscaleJob(records, 2_000, prefix));
        LocalJobs.awaitRecords(first, "kafka", 1_000);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        // what a subtask that no longer exists after the downscale could have left: a transaction never committed
        try (KafkaProducer<String, String> leftover = KafkaRecords.producer(kafka.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TransactionalIds.id(prefix, 3, 1)))) {
            leftover.initTransactions();
            leftover.beginTransaction();
            leftover.send(new ProducerRecord<>("downscale", "left over"));
            leftover.flush();
            leftover.close(Duration.ZERO);
        }

        LocalJobs.run(LocalJobs.configuration(work, 2, "execution.checkpointing.interval", "200 ms",
                "execution.state-recovery.path", savepoint), downscaleJob(records, 0, prefix));

        try (Admin admin = kafka.admin()) {
            List<String> open = admin.listTransactions(new ListTransactionsOptions()
                            .filterStates(Set.of(TransactionState.ONGOING))).all().get(30, TimeUnit.SECONDS)
                    .stream().map(TransactionListing::transactionalId).filter(id -> id.startsWith(prefix)).toList();
            assertThat(open).isEmpty();
        }
        assertThat(KafkaRecords.readAll(kafka.bootstrapServers(), "downscale", "read_committed").stream()
                .map(Long::parseLong).sorted().toList())
                .isEqualTo(LongStream.range(0, records).boxed().toList());
    }

    private static SpindleJob downscaleJob(long records, double rate, String prefix) {
        return (builder, params) -> builder
                .source("numbers", Sources.generator(records, i -> i, Codecs.LONG, rate))
                .sink("kafka", exactlyOnce("downscale").setTransactionalIdPrefix(prefix).build());
    }

    /** Passes records on; subtask 0 throws at its n-th record in the first execution. */
    static final class FailOnce extends ProcessFunction<Long, Long> {
        private final long failAt;
        private long seen;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            if (++seen == failAt && context.subtaskIndex() == 0 && context.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure");
            }
            out.collect(value);
        }
    }
}
