package io.spindle.runtime.eventtime;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.runtime.operators.Output;

import java.util.function.LongSupplier;

/** Event time at a source subtask: the output its reader emits to, and the periodic watermark. */
public interface SourceWatermarks {

    /** Where the reader emits: records go down the chain with their event time. */
    ReaderOutput<Object> output();

    /** Asks the generators for their periodic watermarks (every {@code pipeline.auto-watermark-interval}). */
    void emitPeriodic();

    /**
     * @param strategy the source's strategy, null if it has none (records keep the source's timestamps, no watermarks)
     * @param listener where the subtask's watermark and idleness go
     */
    @SuppressWarnings("unchecked")
    static SourceWatermarks create(WatermarkStrategy<?> strategy, String sourceName, Output<Object> chain,
                                   ElementTimestamp timestamp, LongSupplier clock, WatermarkValve.Listener listener) {
        if (strategy == null) {
            return new UntimedReaderOutput<>(chain, timestamp);
        }
        return new WatermarkingReaderOutput<>((WatermarkStrategy<Object>) strategy, sourceName, chain, timestamp, clock,
                listener);
    }
}
