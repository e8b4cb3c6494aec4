package io.spindle.api.connectors.files;

import io.spindle.api.Tuple3;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One subtask's writer of the file sink: an in-progress part per bucket; at a checkpoint's barrier every part ended
 * since the last barrier becomes pending for that checkpoint, and is published when the checkpoint completes.
 */
final class FileSinkWriter<T> implements SinkWriter<T> {

    private final FileSink<T> sink;
    private final SinkContext context;
    private final Staging staging;
    private final String namePrefix;
    private final ListState<Tuple3<Long, String, String>> pendingState;
    private final Map<String, InProgressPart<T>> inProgress = new HashMap<>();
    /** Parts ended since the last barrier. */
    private final List<Ended> ended = new ArrayList<>();
    /** Parts of checkpoints not yet known complete, oldest first. */
    private final List<Tuple3<Long, String, String>> pending = new ArrayList<>();
    private int parts;
    /** No in-progress part is due to roll by time before this; checked then, or when a part starts. */
    private long nextRollCheck = Long.MAX_VALUE;

    FileSinkWriter(FileSink<T> sink, SinkContext context, Staging staging, String namePrefix,
                   ListState<Tuple3<Long, String, String>> pendingState) {
        this.sink = sink;
        this.context = context;
        this.staging = staging;
        this.namePrefix = namePrefix;
        this.pendingState = pendingState;
    }

    @Override
    public void write(T value) throws IOException {
        String bucket = sink.buckets.bucket(value, context.timestamp());
        long now = sink.rolling.usesTime() ? context.currentProcessingTime() : 0;
        InProgressPart<T> part = inProgress.get(bucket);
        if (part == null) {
            Staging.checkBucket(bucket);
            part = new InProgressPart<>(staging, sink.format, bucket, namePrefix + parts++ + sink.partSuffix, now);
            inProgress.put(bucket, part);
            nextRollCheck = Math.min(nextRollCheck, sink.rolling.rollTime(now, now));
        }
        part.write(value, now);
        if (sink.rolling.shouldRoll(part.bytes(), part.startedAt, now, now)) {
            inProgress.remove(bucket);
            end(part);
        }
    }

    private void end(InProgressPart<T> part) throws IOException {
        part.finish();
        ended.add(new Ended(part.staged, part.published));
    }

    private record Ended(String staged, String published) { }

    /**
     * Ends the parts the rolling policy says are due by time; returns when the next one may be. Called as often as
     * the task polls: most calls return at once.
     */
    @Override
    public long onProcessingTime(long nowMillis) throws IOException {
        if (nowMillis < nextRollCheck) {
            return nextRollCheck;
        }
        long next = Long.MAX_VALUE;
        for (Iterator<InProgressPart<T>> open = inProgress.values().iterator(); open.hasNext(); ) {
            InProgressPart<T> part = open.next();
            if (sink.rolling.shouldRoll(part.bytes(), part.startedAt, part.lastWriteAt(), nowMillis)) {
                open.remove();
                end(part);
            } else {
                next = Math.min(next, sink.rolling.rollTime(part.startedAt, part.lastWriteAt()));
            }
        }
        nextRollCheck = next;
        return next;
    }

    @Override
    public void prepareCommit(long checkpointId) throws IOException {
        for (InProgressPart<T> part : inProgress.values()) {
            end(part);
        }
        inProgress.clear();
        for (Ended part : ended) {
            pending.add(Tuple3.of(checkpointId, part.staged(), part.published()));
        }
        ended.clear();
        pendingState.update(pending);
    }

    @Override
    public void commit(long checkpointId) throws IOException {
        while (!pending.isEmpty() && pending.get(0).f0() <= checkpointId) {
            PendingParts.publish(context.files(), pending.remove(0), true);
        }
    }

    /**
     * After a failure, leaves the staging to the restore; after publishing everything, removes this writer's
     * staging and the shared directories it leaves empty.
     */
    @Override
    public void close() throws IOException {
        if (inProgress.isEmpty() && ended.isEmpty() && pending.isEmpty()) {
            staging.remove();
            return;
        }
        for (InProgressPart<T> part : inProgress.values()) {
            part.abandon();
        }
    }
}
