package io.spindle.state.rocksdb;

import io.spindle.core.config.Configuration;
import io.spindle.core.options.StateBackendOptions;

import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The RocksDB memory of one worker JVM, shared by all its keyed state backends: one LRU block cache
 * (data, index and filter blocks) and one write buffer manager whose memtables are charged to that
 * cache. The cache's capacity is the whole budget and memtables take at most half of it, so every
 * RocksDB instance in the worker together stays near the budget however many there are.
 *
 * <p>Thread-safe. Close it after the backends that use it (see {@link #close()}).
 */
public final class RocksDbResources implements AutoCloseable {

    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    private static final long MIN_WRITE_BUFFER_BYTES = 64L << 10;
    private static final long MAX_WRITE_BUFFER_BYTES = 64L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final long managedMemoryBytes;
    private final long writeBufferManagerBytes;
    private final long writeBufferBytes;
    private final LRUCache blockCache;
    private final WriteBufferManager writeBufferManager;
    private boolean closed;

    /**
     * @param managedMemoryBytes the memory all RocksDB instances of this worker share; its option
     *     ({@link StateBackendOptions#ROCKSDB_MANAGED_MEMORY}) holds it to its minimum
     */
    public RocksDbResources(long managedMemoryBytes) {
        this.managedMemoryBytes = managedMemoryBytes;
        this.writeBufferManagerBytes = managedMemoryBytes / 2;
        // One memtable of a column family may fill half of the write buffer budget before it is switched
        // and flushed; RocksDB sizes its arena blocks at an eighth of that.
        this.writeBufferBytes = Math.max(MIN_WRITE_BUFFER_BYTES, Math.min(MAX_WRITE_BUFFER_BYTES, writeBufferManagerBytes / 2));
        this.blockCache = new LRUCache(managedMemoryBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
        try {
            this.writeBufferManager = new WriteBufferManager(writeBufferManagerBytes, blockCache);
        } catch (RuntimeException e) {
            blockCache.close();
            throw e;
        }
    }

    /** Sized by {@link StateBackendOptions#ROCKSDB_MANAGED_MEMORY}. */
    public static RocksDbResources fromConfig(Configuration config) {
        return new RocksDbResources(config.get(StateBackendOptions.ROCKSDB_MANAGED_MEMORY).bytes());
    }

    public long managedMemoryBytes() {
        return managedMemoryBytes;
    }

    /** The most that memtables of all instances may hold; charged to the block cache. */
    public long writeBufferManagerBytes() {
        return writeBufferManagerBytes;
    }

    /** The options of one RocksDB instance, wired to the shared cache; the caller owns (and closes) them. */
    synchronized RocksDbInstanceOptions newInstanceOptions() {
        if (closed) {
            throw new IllegalStateException("RocksDB resources of this worker are closed");
        }
        return new RocksDbInstanceOptions(blockCache, writeBufferManager, writeBufferBytes);
    }

    /**
     * Frees the cache and the write buffer manager, in reverse order of creation (the manager holds a
     * reference into the cache). Idempotent. The native objects are reference-counted by RocksDB, so a
     * backend still open at this point keeps working until it is closed, but no new backend can be opened.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeBufferManager.close();
        blockCache.close();
    }
}
