package io.spindle.state.rocksdb;

import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.IndexType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The native option objects of one RocksDB instance, owned by its backend and closed after its DB
 * (RocksDB keeps pointers to objects reachable from its options, such as the merge operator, for as
 * long as it is open). The shared cache and write buffer manager are only referenced, not owned.
 */
final class RocksDbInstanceOptions implements AutoCloseable {

    private static final double BLOOM_BITS_PER_KEY = 10.0;

    /** Every native object created here, in creation order; closed in reverse. */
    private final List<AbstractNativeReference> owned = new ArrayList<>();
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnFamilyOptions;
    private final WriteOptions writeOptions;
    private boolean closed;

    RocksDbInstanceOptions(Cache blockCache, WriteBufferManager writeBufferManager, long writeBufferBytes) {
        try {
            BloomFilter bloomFilter = own(new BloomFilter(BLOOM_BITS_PER_KEY));
            // Empty delimiter: a merge appends the operand's bytes as they are. List elements carry their
            // own length prefix, so any binary element survives concatenation.
            StringAppendOperator appendOperator = own(new StringAppendOperator(""));
            // Index and filter blocks live in the shared cache (bounded memory), partitioned so that a read
            // loads one small partition instead of a whole file's filter: with a cache smaller than the
            // filters, whole filter blocks were evicted and reloaded on every read (9k vs 75k reads/s
            // for 300k keys in a 1 MiB budget).
            BlockBasedTableConfig tableConfig = new BlockBasedTableConfig()
                    .setBlockCache(blockCache)
                    .setFilterPolicy(bloomFilter)
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinL0FilterAndIndexBlocksInCache(true)
                    .setIndexType(IndexType.kTwoLevelIndexSearch)
                    .setPartitionFilters(true)
                    .setMetadataBlockSize(4096)
                    .setPinTopLevelIndexAndFilter(true);
            this.columnFamilyOptions = own(new ColumnFamilyOptions())
                    .setTableFormatConfig(tableConfig)
                    .setMergeOperator(appendOperator)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    // Most reads of a growing state look for keys the memtable lacks: its bloom filter
                    // answers those without a skip-list search.
                    .setMemtablePrefixBloomSizeRatio(0.1)
                    .setMemtableWholeKeyFiltering(true)
                    .setWriteBufferSize(writeBufferBytes);
            this.dbOptions = own(new DBOptions())
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setWriteBufferManager(writeBufferManager)
                    .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                    .setMaxLogFileSize(1L << 20)
                    .setKeepLogFileNum(2)
                    .setStatsDumpPeriodSec(0)
                    // The working directory is deleted on close: flushing memtables then is wasted work.
                    .setAvoidFlushDuringShutdown(true);
            // No write-ahead log: the local files are never reopened after a crash; durability comes
            // from checkpoints (a RocksDB checkpoint flushes the memtables first).
            this.writeOptions = own(new WriteOptions()).setDisableWAL(true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private <T extends AbstractNativeReference> T own(T reference) {
        owned.add(reference);
        return reference;
    }

    DBOptions dbOptions() {
        return dbOptions;
    }

    ColumnFamilyOptions columnFamilyOptions() {
        return columnFamilyOptions;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
