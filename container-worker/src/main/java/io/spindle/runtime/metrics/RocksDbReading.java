package io.spindle.runtime.metrics;

import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

/** RocksDB properties of a subtask's keyed state at one time. */
public record RocksDbReading(long estimateLiveDataSize, long memTablesSize, long blockCacheUsage,
                             long compactionPending) {

    /** Reads the properties; on the task thread, while the backend is open. */
    public static RocksDbReading of(RocksDbKeyedStateBackend<?> backend) {
        return new RocksDbReading(backend.longProperty("rocksdb.estimate-live-data-size", true),
                backend.longProperty("rocksdb.cur-size-all-mem-tables", true),
                backend.longProperty("rocksdb.block-cache-usage", false),
                backend.longProperty("rocksdb.compaction-pending", true));
    }
}
