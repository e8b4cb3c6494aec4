package io.spindle.master.checkpoint;

import io.spindle.protocol.checkpoint.CheckpointTimes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The latest checkpoints and savepoints of this master attempt that ended, completed or failed, newest first: what
 * the dashboard's checkpoints page lists. Bounded, as a job checkpoints for ever; {@link #CAPACITY} is the default of
 * Flink's {@code web.checkpoints.history}.
 */
public final class CheckpointHistory {

    static final int CAPACITY = 10;

    /**
     * One ended checkpoint. {@code failure} is empty for a completed one; the byte counts are zero for a failed one.
     *
     * @param path where a completed checkpoint or savepoint lies
     * @param slowest each part's longest among the subtasks (of a failed one, among those that acknowledged)
     */
    public record Entry(long checkpointId, boolean savepoint, long triggerMillis, long endMillis,
                        Optional<String> path, long fullBytes, long incrementalBytes, CheckpointTimes slowest,
                        Optional<String> failure) {

        public long durationMillis() {
            return endMillis - triggerMillis;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    void completed(PendingCheckpoint checkpoint, long endMillis, String path, long fullBytes, long incrementalBytes) {
        add(new Entry(checkpoint.checkpointId(), checkpoint.isSavepoint(), checkpoint.triggerMillis(), endMillis,
                Optional.of(path), fullBytes, incrementalBytes, checkpoint.slowestTimes(), Optional.empty()));
    }

    void failed(PendingCheckpoint checkpoint, long endMillis, CheckpointFailureReason reason, Throwable cause) {
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        add(new Entry(checkpoint.checkpointId(), checkpoint.isSavepoint(), checkpoint.triggerMillis(), endMillis,
                Optional.empty(), 0, 0, checkpoint.slowestTimes(), Optional.of(reason + ": " + why)));
    }

    private void add(Entry entry) {
        entries.addFirst(entry);
        if (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
