package io.spindle.protocol.metrics;

import static io.spindle.protocol.metrics.MetricDefinition.counter;
import static io.spindle.protocol.metrics.MetricDefinition.gauge;

/**
 * What a worker reports of each of its subtasks with every heartbeat; Flink's names where Flink has the metric. Rates and
 * times per second are over the interval since the previous heartbeat. Watermarks and durations are milliseconds.
 */
public enum TaskMetric {
    NUM_RECORDS_IN(counter("numRecordsIn", "Records that entered the subtask's chain.")),
    NUM_RECORDS_OUT(counter("numRecordsOut", "Records the subtask's chain emitted to its output edges.")),
    NUM_BYTES_IN(counter("numBytesIn", "Bytes of buffers the subtask received from its input channels.")),
    NUM_BYTES_OUT(counter("numBytesOut", "Bytes of buffers the subtask sent to its output channels.")),
    NUM_RECORDS_IN_PER_SECOND(gauge("numRecordsInPerSecond", "Records in per second.")),
    NUM_RECORDS_OUT_PER_SECOND(gauge("numRecordsOutPerSecond", "Records out per second.")),
    NUM_BYTES_IN_PER_SECOND(gauge("numBytesInPerSecond", "Bytes in per second.")),
    NUM_BYTES_OUT_PER_SECOND(gauge("numBytesOutPerSecond", "Bytes out per second.")),
    BUSY_TIME_MS_PER_SECOND(gauge("busyTimeMsPerSecond",
            "Milliseconds per second the subtask was neither idle nor back-pressured.")),
    BACK_PRESSURED_TIME_MS_PER_SECOND(gauge("backPressuredTimeMsPerSecond",
            "Milliseconds per second the subtask waited to hand a buffer to an output channel.")),
    IDLE_TIME_MS_PER_SECOND(gauge("idleTimeMsPerSecond", "Milliseconds per second the subtask waited for input.")),
    INPUT_QUEUE_LENGTH(gauge("inputQueueLength", "Buffers received and waiting in the subtask's input channels.")),
    INPUT_QUEUE_CAPACITY(gauge("inputQueueCapacity",
            "The most buffers the input channels hold (their credit); inputQueueLength / inputQueueCapacity is the"
                    + " input buffer usage.")),
    OUTPUT_QUEUE_LENGTH(gauge("outputQueueLength",
            "Buffers the subtask sent that its consumers have not taken yet.")),
    OUTPUT_QUEUE_CAPACITY(gauge("outputQueueCapacity",
            "The most buffers the output channels hold; outputQueueLength / outputQueueCapacity is the output"
                    + " buffer usage.")),
    CURRENT_INPUT_WATERMARK(gauge("currentInputWatermark",
            "The watermark the subtask's chain last received (absent before the first).")),
    CURRENT_OUTPUT_WATERMARK(gauge("currentOutputWatermark",
            "The watermark the subtask last emitted downstream (absent before the first).")),
    WATERMARK_LAG(gauge("watermarkLag", "Wall-clock time minus the current input watermark, at the heartbeat.")),
    LAST_CHECKPOINT_ALIGNMENT_MS(gauge("lastCheckpointAlignmentDurationMs",
            "From the first barrier of the subtask's last checkpoint to the last (0 for sources).")),
    LAST_CHECKPOINT_SYNC_MS(gauge("lastCheckpointSyncDurationMs",
            "The synchronous part of the subtask's last checkpoint: snapshots on the task thread.")),
    LAST_CHECKPOINT_ASYNC_MS(gauge("lastCheckpointAsyncDurationMs",
            "The asynchronous part of the subtask's last checkpoint: the upload of its keyed state.")),
    ROCKSDB_ESTIMATE_LIVE_DATA_SIZE(gauge("rocksdb_estimate_live_data_size",
            "RocksDB's rocksdb.estimate-live-data-size of the subtask's keyed state, in bytes.")),
    ROCKSDB_CUR_SIZE_ALL_MEM_TABLES(gauge("rocksdb_cur_size_all_mem_tables",
            "RocksDB's rocksdb.cur-size-all-mem-tables, in bytes.")),
    ROCKSDB_BLOCK_CACHE_USAGE(gauge("rocksdb_block_cache_usage",
            "RocksDB's rocksdb.block-cache-usage, in bytes (the cache is shared by the worker's subtasks).")),
    ROCKSDB_COMPACTION_PENDING(gauge("rocksdb_compaction_pending",
            "RocksDB's rocksdb.compaction-pending: 1 if a compaction is pending."));

    private final MetricDefinition definition;

    TaskMetric(MetricDefinition definition) {
        this.definition = definition;
    }

    public MetricDefinition definition() {
        return definition;
    }
}
