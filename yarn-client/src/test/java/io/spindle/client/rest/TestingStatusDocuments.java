package io.spindle.client.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Status documents as an ApplicationMaster writes them (docs/rest-api.md), for tests of their readers. */
public final class TestingStatusDocuments {

    public static final String APPLICATION = "application_1700000000000_0001";
    public static final String WORKER = "container_1700000000000_0001_01_000002";

    private TestingStatusDocuments() { }

    /** A running job with one task, one checkpoint and two events of AM attempt {@code attempt}. */
    public static Map<String, Object> running(int attempt) {
        Map<String, Object> document = new HashMap<>();
        document.put("application", APPLICATION);
        document.put("attempt", attempt);
        document.put("job", "KeyedCounts");
        document.put("state", "RUNNING");
        document.put("restarts", 1);
        document.put("tasks", List.of(Map.of("name", "count", "subtask", 0, "worker", WORKER, "state", "RUNNING")));
        document.put("containers", List.of(Map.of("id", WORKER, "host", "localhost", "state", "RUNNING")));
        document.put("checkpoints", Map.of("completed", 12, "failed", 0, "latest", Map.of("id", 12,
                "path", "hdfs://nn/checkpoints/job/chk-12", "state_bytes", 5_000_000_000L, "incremental_bytes", 10,
                "duration_ms", 200), "summary", Map.of("duration_ms_p50", 150, "duration_ms_max", 900,
                "incremental_bytes_p50", 2048)));
        document.put("savepoints", List.of(Map.of("request", 1, "state", "COMPLETED",
                "path", "hdfs://nn/savepoints/savepoint-applic-0123456789ab")));
        document.put("events", List.of(
                Map.of("seq", 1, "time_ms", 1_700_000_000_000L, "kind", "container_started",
                        "message", "container " + WORKER + " started on localhost"),
                Map.of("seq", 2, "time_ms", 1_700_000_001_000L, "kind", "checkpoint_completed",
                        "message", "checkpoint 12 completed")));
        return document;
    }
}
