package io.spindle.runtime.metrics;

import io.spindle.api.eventtime.Watermarks;
import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.protocol.metrics.TaskMetric;
import io.spindle.runtime.io.QueueDepth;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.tasks.Task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads one subtask's counters at each heartbeat, and turns the change since the previous into rates per second. */
final class TaskSampler {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long MILLIS_PER_SECOND = 1000;

    private final Task task;
    private Counts previous;

    TaskSampler(Task task) {
        this.task = task;
    }

    /** The subtask's readings at {@code nowNanos}; the rates are absent from its first. */
    TaskSample sample(long nowNanos, long wallMillis) {
        TaskIoMetrics io = task.io();
        Counts counts = new Counts(nowNanos, task.recordsIn(), io.recordsOut(), io.bytesIn(), io.bytesOut(),
                io.idleNanos(), io.backPressuredNanos());
        Map<TaskMetric, Long> values = new EnumMap<>(TaskMetric.class);
        values.put(TaskMetric.NUM_RECORDS_IN, counts.recordsIn);
        values.put(TaskMetric.NUM_RECORDS_OUT, counts.recordsOut);
        values.put(TaskMetric.NUM_BYTES_IN, counts.bytesIn);
        values.put(TaskMetric.NUM_BYTES_OUT, counts.bytesOut);
        if (previous != null && counts.nanos > previous.nanos) {
            putRates(values, previous, counts);
        }
        previous = counts;
        QueueDepth input = task.inputQueue();
        values.put(TaskMetric.INPUT_QUEUE_LENGTH, (long) input.length());
        values.put(TaskMetric.INPUT_QUEUE_CAPACITY, (long) input.capacity());
        QueueDepth output = task.outputQueue();
        values.put(TaskMetric.OUTPUT_QUEUE_LENGTH, (long) output.length());
        values.put(TaskMetric.OUTPUT_QUEUE_CAPACITY, (long) output.capacity());
        putWatermarks(values, io, wallMillis);
        io.lastCheckpoint().ifPresent(times -> {
            values.put(TaskMetric.LAST_CHECKPOINT_ALIGNMENT_MS, times.alignmentMillis());
            values.put(TaskMetric.LAST_CHECKPOINT_SYNC_MS, times.syncMillis());
            values.put(TaskMetric.LAST_CHECKPOINT_ASYNC_MS, times.asyncMillis());
        });
        io.rocksDb().ifPresent(rocksDb -> {
            values.put(TaskMetric.ROCKSDB_ESTIMATE_LIVE_DATA_SIZE, rocksDb.estimateLiveDataSize());
            values.put(TaskMetric.ROCKSDB_CUR_SIZE_ALL_MEM_TABLES, rocksDb.memTablesSize());
            values.put(TaskMetric.ROCKSDB_BLOCK_CACHE_USAGE, rocksDb.blockCacheUsage());
            values.put(TaskMetric.ROCKSDB_COMPACTION_PENDING, rocksDb.compactionPending());
        });
        return new TaskSample(task.vertexId(), task.subtaskIndex(), values, operators(counts.recordsOut));
    }

    private static void putRates(Map<TaskMetric, Long> values, Counts before, Counts now) {
        double seconds = (now.nanos - before.nanos) / NANOS_PER_SECOND;
        values.put(TaskMetric.NUM_RECORDS_IN_PER_SECOND, perSecond(now.recordsIn - before.recordsIn, seconds));
        values.put(TaskMetric.NUM_RECORDS_OUT_PER_SECOND, perSecond(now.recordsOut - before.recordsOut, seconds));
        values.put(TaskMetric.NUM_BYTES_IN_PER_SECOND, perSecond(now.bytesIn - before.bytesIn, seconds));
        values.put(TaskMetric.NUM_BYTES_OUT_PER_SECOND, perSecond(now.bytesOut - before.bytesOut, seconds));
        long idle = msPerSecond(now.idleNanos - before.idleNanos, seconds);
        long backPressured = msPerSecond(now.backPressuredNanos - before.backPressuredNanos, seconds);
        values.put(TaskMetric.IDLE_TIME_MS_PER_SECOND, idle);
        values.put(TaskMetric.BACK_PRESSURED_TIME_MS_PER_SECOND, backPressured);
        values.put(TaskMetric.BUSY_TIME_MS_PER_SECOND, Math.max(0, MILLIS_PER_SECOND - idle - backPressured));
    }

    private static void putWatermarks(Map<TaskMetric, Long> values, TaskIoMetrics io, long wallMillis) {
        long input = io.inputWatermark();
        if (input != Watermarks.NO_TIMESTAMP) {
            values.put(TaskMetric.CURRENT_INPUT_WATERMARK, input);
            if (input != Watermarks.END_OF_TIME) {
                values.put(TaskMetric.WATERMARK_LAG, wallMillis - input);
            }
        }
        if (io.outputWatermark() != Watermarks.NO_TIMESTAMP) {
            values.put(TaskMetric.CURRENT_OUTPUT_WATERMARK, io.outputWatermark());
        }
    }

    /** Each operator's records in, and out: the next one's in, the last one's what the chain emitted. */
    private List<OperatorSample> operators(long chainRecordsOut) {
        List<StreamOperator<Object, Object>> operators = task.operators();
        List<OperatorSample> samples = new ArrayList<>(operators.size());
        for (int i = 0; i < operators.size(); i++) {
            long out = i + 1 < operators.size() ? operators.get(i + 1).recordsIn() : chainRecordsOut;
            samples.add(new OperatorSample(operators.get(i).name(), operators.get(i).recordsIn(), out));
        }
        return samples;
    }

    private static long perSecond(long delta, double seconds) {
        return Math.round(delta / seconds);
    }

    private static long msPerSecond(long deltaNanos, double seconds) {
        return Math.min(MILLIS_PER_SECOND, Math.round(deltaNanos / 1e6 / seconds));
    }

    private record Counts(long nanos, long recordsIn, long recordsOut, long bytesIn, long bytesOut, long idleNanos,
                          long backPressuredNanos) { }
}
