package io.spindle.master.rest;

import io.spindle.master.checkpoint.CheckpointHistory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /checkpoints} answers: the latest checkpoints and savepoints of this master attempt that ended,
 * newest first, and the paths of the retained checkpoints a failover or a user can restore from, oldest first.
 */
public record CheckpointsView(List<CheckpointHistory.Entry> history, List<String> retained) {

    public CheckpointsView {
        history = List.copyOf(history);
        retained = List.copyOf(retained);
    }

    Map<String, Object> toMap() {
        return Map.of("history", history.stream().map(CheckpointsView::entry).toList(), "retained", retained);
    }

    private static Map<String, Object> entry(CheckpointHistory.Entry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entry.checkpointId());
        map.put("kind", entry.savepoint() ? "savepoint" : "checkpoint");
        map.put("status", entry.failure().isPresent() ? "FAILED" : "COMPLETED");
        map.put("trigger_ms", entry.triggerMillis());
        map.put("duration_ms", entry.durationMillis());
        map.put("state_bytes", entry.fullBytes());
        map.put("incremental_bytes", entry.incrementalBytes());
        map.put("alignment_ms", entry.slowest().alignmentMillis());
        map.put("sync_ms", entry.slowest().syncMillis());
        map.put("async_ms", entry.slowest().asyncMillis());
        entry.path().ifPresent(path -> map.put("path", path));
        entry.failure().ifPresent(failure -> map.put("failure", failure));
        return map;
    }
}
