package io.spindle.runtime.metrics;

import io.spindle.api.eventtime.Watermarks;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a subtask's thread measures of its own work, for the worker's reporter to read at heartbeat time: bytes through
 * its channels and records it emitted, time waiting for input (idle) and for room in an output channel (back-pressured), its watermarks, its
 * last checkpoint's parts and its RocksDB. No lock and no allocation per record or buffer. With metrics disabled the
 * waits are not timed and RocksDB is not read; the counts cost one addition per record or buffer either way.
 */
public final class TaskIoMetrics {

    private static final long STATE_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final boolean enabled;
    private final OpaqueCounter recordsOut = new OpaqueCounter();
    private final OpaqueCounter bytesIn = new OpaqueCounter();
    private final OpaqueCounter bytesOut = new OpaqueCounter();
    private final OpaqueCounter idleNanos = new OpaqueCounter();
    private final OpaqueCounter backPressuredNanos = new OpaqueCounter();
    private volatile long inputWatermark = Watermarks.NO_TIMESTAMP;
    private volatile long outputWatermark = Watermarks.NO_TIMESTAMP;
    private volatile CheckpointTimes lastCheckpoint;
    private volatile RocksDbReading rocksDb;
    /** Task thread only. */
    private long lastStateSampleNanos;

    public TaskIoMetrics(boolean enabled) {
        this.enabled = enabled;
    }

    /** The start of a wait to time; 0 when waits are not timed. Task thread. */
    public long waitStarts() {
        return enabled ? System.nanoTime() : 0;
    }

    /** The task waited for input since {@code start} (from {@link #waitStarts}). Task thread. */
    public void idleSince(long start) {
        if (enabled) {
            idleNanos.add(System.nanoTime() - start);
        }
    }

    /** The task waited for room in an output channel since {@code start}. Task thread. */
    public void backPressuredSince(long start) {
        if (enabled) {
            backPressuredNanos.add(System.nanoTime() - start);
        }
    }

    /** One record left the chain for the writers. Task thread. */
    public void recordOut() {
        recordsOut.add(1);
    }

    public void bytesIn(long bytes) {
        bytesIn.add(bytes);
    }

    public void bytesOut(long bytes) {
        bytesOut.add(bytes);
    }

    public void inputWatermark(long watermark) {
        inputWatermark = watermark;
    }

    public void outputWatermark(long watermark) {
        outputWatermark = watermark;
    }

    public void checkpointTaken(CheckpointTimes times) {
        lastCheckpoint = times;
    }

    /** Reads the backend's RocksDB properties if the last reading is a second old. Task thread, backend open. */
    public void sampleState(RocksDbKeyedStateBackend<?> backend, long nowNanos) {
        if (enabled && backend != null && nowNanos - lastStateSampleNanos >= STATE_SAMPLE_NANOS) {
            lastStateSampleNanos = nowNanos;
            rocksDb = RocksDbReading.of(backend);
        }
    }

    public long recordsOut() {
        return recordsOut.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    public long idleNanos() {
        return idleNanos.get();
    }

    public long backPressuredNanos() {
        return backPressuredNanos.get();
    }

    public long inputWatermark() {
        return inputWatermark;
    }

    public long outputWatermark() {
        return outputWatermark;
    }

    public Optional<CheckpointTimes> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }

    public Optional<RocksDbReading> rocksDb() {
        return Optional.ofNullable(rocksDb);
    }
}
