package io.spindle.client.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.client.rest.TestingStatusDocuments;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {

    private static String report(Map<String, Object> document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatusReport.print(StatusDocument.parse(JSON.std.asString(document)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsJobTasksContainersTheLatestCheckpointAndTheSummary() throws IOException {
        assertThat(report(TestingStatusDocuments.running(2)).lines()).containsExactly(
                "application_1700000000000_0001: job KeyedCounts RUNNING (ApplicationMaster attempt 2, 1 restart)",
                "tasks:",
                "  count[0]                 container_1700000000000_0001_01_000002   RUNNING",
                "containers:",
                "  container_1700000000000_0001_01_000002   localhost                RUNNING",
                "checkpoints: 12 completed, 0 failed",
                "  latest: 12, 4.7 GiB (10 B incremental) in 200 ms at hdfs://nn/checkpoints/job/chk-12",
                "  this attempt: median 150 ms, longest 900 ms, median upload 2.0 KiB");
    }

    @Test
    void showsTheFailureAndNoLatestCheckpointWhenThereIsNone() throws IOException {
        Map<String, Object> document = TestingStatusDocuments.running(1);
        document.put("state", "FAILED");
        document.put("checkpoints", Map.of("completed", 0, "failed", 0));
        document.put("failure", "job failed: operator 'count' threw java.lang.IllegalStateException: boom");

        assertThat(report(document)).endsWith("checkpoints: 0 completed, 0 failed\n"
                + "failure: job failed: operator 'count' threw java.lang.IllegalStateException: boom\n");
    }

    @Test
    void showsWhatTheJobWaitsForUnderItsFirstLine() throws IOException {
        Map<String, Object> document = TestingStatusDocuments.running(1);
        document.put("state", "CREATED");
        document.put("waiting", Map.of("missing", 1, "needed", 2, "worker_memory_mb", 1728, "waited_ms", 40_000,
                "free_memory_mb", 768, "queue", "default"));

        assertThat(report(document).lines().limit(2)).containsExactly(
                "application_1700000000000_0001: job KeyedCounts CREATED (ApplicationMaster attempt 1, 1 restart)",
                "waiting for 1 of 2 workers of 1728 MiB for 40 s; the cluster has 768 MiB free in queue default");
    }
}
