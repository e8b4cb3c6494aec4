package io.spindle.minicluster;

import io.spindle.minicluster.ClusterUnderTest.Run;
import io.spindle.minicluster.KafkaOnYarn.WindowKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KafkaWindowCounts at the published size ({@code mvn verify -Psoak}): 2,000,000 records on a topic of 4 partitions,
 * counted per key in event-time windows into a Kafka topic and Parquet files on HDFS, once without failures and once
 * through five worker and one ApplicationMaster SIGKILLs, each after a checkpoint completed since the last kill; a
 * {@code read_committed} consumer and a Parquet reader see every window once, the same in both runs.
 */
@Tag("soak")
@Tag("integration")
class KafkaSoakTest {

    private static final long RECORDS = 2_000_000;

    @TempDir
    static java.nio.file.Path directory;

    private static ClusterUnderTest cluster;
    private static KafkaOnYarn kafka;

    @BeforeAll
    static void startClusterAndBroker() throws Exception {
        cluster = ClusterUnderTest.start(directory, 3);
        kafka = KafkaOnYarn.start(cluster);
    }

    @AfterAll
    static void stopClusterAndBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void windowCountsThroughFiveWorkerAndOneMasterKillsEqualAFailureFreeRunExactlyOnce() throws Exception {
        kafka.createTopics("failure-free", RECORDS);
        Run failureFree = kafka.run("failure-free", List.of());
        assertThat(failureFree.exitCode()).as(failureFree::describe).isZero();
        Map<WindowKey, Long> reference = kafka.committedInKafka("failure-free");
        assertThat(reference).isEqualTo(KafkaOnYarn.expected(RECORDS));

        kafka.createTopics("chaos", RECORDS);
        Run chaos = kafka.runThroughKills("chaos", List.of("WorkerMain", "WorkerMain", "ApplicationMasterMain",
                        "WorkerMain", "WorkerMain", "WorkerMain"),
                List.of("-D", "restart-strategy.fixed-delay.attempts=100", "-D", "yarn.application-attempts=10"),
                "--rate", "8000");

        assertThat(chaos.exitCode()).as(chaos::describe).isZero();
        assertThat(chaos.out()).contains("master attempt 2", "from checkpoint");
        assertThat(kafka.committedInKafka("chaos")).isEqualTo(reference);
        assertThat(kafka.committedInParquet("chaos")).isEqualTo(kafka.committedInParquet("failure-free"))
                .isEqualTo(reference);
        assertThat(kafka.openTransactions()).isEmpty();
    }
}
