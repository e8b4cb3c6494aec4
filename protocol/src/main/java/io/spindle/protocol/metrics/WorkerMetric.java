package io.spindle.protocol.metrics;

import static io.spindle.protocol.metrics.MetricDefinition.counter;
import static io.spindle.protocol.metrics.MetricDefinition.gauge;

/** What a worker reports of its own JVM and process with every heartbeat; the master serves the same of itself. */
public enum WorkerMetric {
    HEAP_USED(gauge("jvm_memory_heap_used_bytes", "Heap in use.")),
    HEAP_COMMITTED(gauge("jvm_memory_heap_committed_bytes", "Heap committed by the JVM.")),
    HEAP_MAX(gauge("jvm_memory_heap_max_bytes", "The largest the heap may grow.")),
    GC_COUNT(counter("jvm_gc_collections", "Garbage collections, all collectors.")),
    GC_TIME_MS(counter("jvm_gc_time_ms", "Milliseconds spent in garbage collection, all collectors.")),
    PROCESS_RSS(gauge("process_resident_memory_bytes",
            "Resident set size of the process (absent where /proc is not readable)."));

    private final MetricDefinition definition;

    WorkerMetric(MetricDefinition definition) {
        this.definition = definition;
    }

    public MetricDefinition definition() {
        return definition;
    }
}
