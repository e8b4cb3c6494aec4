package io.spindle.minicluster;

import io.spindle.client.bench.W6Topics;
import io.spindle.connectors.kafka.EmbeddedKafkaBroker;
import io.spindle.connectors.kafka.KafkaRecords;
import io.spindle.examples.KafkaCounts;
import io.spindle.examples.KafkaWindowCounts;
import io.spindle.minicluster.ClusterUnderTest.Run;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KafkaWindowCounts on an embedded cluster against a broker in this JVM: W6's input (record i: key
 * {@code key(i, KEYS)}, event time i ms, on partition i mod 4), the job's runs, and what it committed, read back as a
 * {@code read_committed} consumer and a Parquet reader see it. A pipeline's topics and files are named after it.
 */
final class KafkaOnYarn implements AutoCloseable {

    static final long KEYS = 100;
    static final long WINDOW_MS = 10_000;
    private static final long TIMEOUT_SECONDS = 60;
    private static final Set<TransactionState> OPEN = Set.of(TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);

    private final ClusterUnderTest cluster;
    private final EmbeddedKafkaBroker broker;

    private KafkaOnYarn(ClusterUnderTest cluster, EmbeddedKafkaBroker broker) {
        this.cluster = cluster;
        this.broker = broker;
    }

    static KafkaOnYarn start(ClusterUnderTest cluster) throws Exception {
        return new KafkaOnYarn(cluster, EmbeddedKafkaBroker.start());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Creates the pipeline's input and output topics, 4 partitions each, and writes {@code records} input records. */
    void createTopics(String pipeline, long records) throws Exception {
        W6Topics topics = new W6Topics(bootstrapServers(), input(pipeline), output(pipeline));
        topics.recreate();
        topics.produceInput(records, KEYS, KafkaCounts::key);
    }

    /** {@code spindle run -c KafkaWindowCounts <options> <examples jar>} on the pipeline's topics and files. */
    Run run(String pipeline, List<String> options, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap", bootstrapServers(), "--input", input(pipeline),
                "--output", output(pipeline), "--files", cluster.output(pipeline),
                "--window-ms", String.valueOf(WINDOW_MS)));
        arguments.addAll(List.of(moreArguments));
        return cluster.runJob(KafkaWindowCounts.class.getName(), options, arguments.toArray(String[]::new));
    }

    /**
     * Runs the pipeline and SIGKILLs a container of each {@code victims} main class in turn, each after a checkpoint
     * completed since the kill before; returns the run, which goes on to its end.
     */
    Run runThroughKills(String pipeline, List<String> victims, List<String> options, String... moreArguments)
            throws Exception {
        Run run = run(pipeline, options, moreArguments);
        String application = run.awaitApplicationId();
        long checkpoint = 0;
        for (String victim : victims) {
            checkpoint = cluster.awaitCompletedCheckpointAfter(application, checkpoint);
            cluster.containerProcesses(application, victim).get(0).destroyForcibly();
        }
        return run;
    }

    /** Each key's count per window start over records 0 .. records - 1. */
    static Map<WindowKey, Long> expected(long records) {
        Map<WindowKey, Long> counts = new HashMap<>();
        for (long i = 0; i < records; i++) {
            counts.merge(new WindowKey(Long.toString(KafkaCounts.key(i, KEYS)), i / WINDOW_MS * WINDOW_MS), 1L,
                    Long::sum);
        }
        return counts;
    }

    /** The windows' counts in the output topic as a {@code read_committed} consumer sees them; each window once. */
    Map<WindowKey, Long> committedInKafka(String pipeline) {
        Map<WindowKey, Long> counts = new HashMap<>();
        for (ConsumerRecord<String, String> record : KafkaRecords.readRecords(bootstrapServers(), output(pipeline),
                "read_committed")) {
            String[] startAndCount = record.value().split(",");
            WindowKey window = new WindowKey(record.key(), Long.parseLong(startAndCount[0]));
            assertThat(counts.put(window, Long.parseLong(startAndCount[1]))).as("%s in Kafka twice", window).isNull();
        }
        return counts;
    }

    /** The windows' counts in the published Parquet files of the pipeline; each window once. */
    Map<WindowKey, Long> committedInParquet(String pipeline) throws IOException {
        Map<WindowKey, Long> counts = new HashMap<>();
        Path directory = new Path(cluster.output(pipeline));
        RemoteIterator<LocatedFileStatus> files = cluster.fileSystem().listFiles(directory, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            String relative = file.toUri().getPath().substring(directory.toUri().getPath().length() + 1);
            if (relative.startsWith(".") || !file.getName().startsWith("part-")) {
                continue;
            }
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file)
                    .withConf(cluster.cluster().hadoopConfiguration()).build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    WindowKey window = new WindowKey(row.getString("key", 0), row.getLong("window_start", 0));
                    assertThat(counts.put(window, row.getLong("count", 0))).as("%s in %s twice", window, directory)
                            .isNull();
                }
            }
        }
        return counts;
    }

    /**
     * The sum over the output topic's partitions of the last stable offset: it grows when a transaction of the job
     * commits.
     */
    long committedOutputOffset(String pipeline) throws Exception {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < W6Topics.PARTITIONS; partition++) {
                latest.put(new TopicPartition(output(pipeline), partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    /** Waits until transactions of the job committed output past {@code offset} ({@link #committedOutputOffset}). */
    long awaitCommittedOutputBeyond(String pipeline, long offset, Run run) throws Exception {
        long deadline = System.nanoTime() + ClusterUnderTest.JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long committed = committedOutputOffset(pipeline);
            if (committed > offset) {
                return committed;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no output of " + pipeline + " committed beyond offset " + offset + "\n"
                + run.describe());
    }

    /** The transactions the broker has open (ongoing or being committed or aborted), of any producer. */
    Collection<TransactionListing> openTransactions() throws Exception {
        try (Admin admin = broker.admin()) {
            return admin.listTransactions().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(transaction -> OPEN.contains(transaction.state()))
                    .collect(Collectors.toList());
        }
    }

    static String input(String pipeline) {
        return pipeline + "-input";
    }

    static String output(String pipeline) {
        return pipeline + "-output";
    }

    @Override
    public void close() {
        broker.close();
    }

    /** A key's window, by its start. */
    record WindowKey(String key, long windowStart) { }
}
