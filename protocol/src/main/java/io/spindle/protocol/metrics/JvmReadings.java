package io.spindle.protocol.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** This JVM and its process as metrics: heap, garbage collection, resident memory; a worker's, or the master's. */
public final class JvmReadings {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");
    private static final long BYTES_PER_KB = 1024;

    private JvmReadings() { }

    public static Map<WorkerMetric, Long> read() {
        Map<WorkerMetric, Long> values = new EnumMap<>(WorkerMetric.class);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        values.put(WorkerMetric.HEAP_USED, heap.getUsed());
        values.put(WorkerMetric.HEAP_COMMITTED, heap.getCommitted());
        values.put(WorkerMetric.HEAP_MAX, heap.getMax());
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        values.put(WorkerMetric.GC_COUNT, collections);
        values.put(WorkerMetric.GC_TIME_MS, collectionMillis);
        long rss = residentBytes();
        if (rss >= 0) {
            values.put(WorkerMetric.PROCESS_RSS, rss);
        }
        return values;
    }

    /** VmRSS of /proc/self/status; -1 where there is none (not Linux). */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip()) * BYTES_PER_KB;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
