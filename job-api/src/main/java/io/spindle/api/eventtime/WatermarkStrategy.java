package io.spindle.api.eventtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a source gives its records event time: where each record's timestamp comes from, and how watermarks follow
 * them. A source with splits applies the strategy per split (each split has its own generator, and the subtask's
 * watermark is the minimum over its splits); others per subtask. Immutable: each {@code with...} returns a new one.
 */
public final class WatermarkStrategy<T> {

    private final Supplier<WatermarkGenerator<T>> generators;
    private final TimestampAssigner<T> timestamps;
    private final Duration idleness;

    private WatermarkStrategy(Supplier<WatermarkGenerator<T>> generators, TimestampAssigner<T> timestamps, Duration idleness) {
        this.generators = generators;
        this.timestamps = timestamps;
        this.idleness = idleness;
    }

    /** Watermarks trail the largest timestamp seen by {@code maxOutOfOrderness}; later records are late. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative: " + maxOutOfOrderness);
        }
        return new WatermarkStrategy<>(() -> new BoundedOutOfOrderness<>(maxOutOfOrderness), null, null);
    }

    /** Timestamps never decrease (per split): the watermark is the largest timestamp seen less one. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /** A generator of the user's own. */
    public static <T> WatermarkStrategy<T> forGenerator(Supplier<WatermarkGenerator<T>> generators) {
        return new WatermarkStrategy<>(Objects.requireNonNull(generators, "generators"), null, null);
    }

    /** Takes each record's timestamp from the record. Without it, records keep the timestamps the source gave. */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(generators, Objects.requireNonNull(assigner, "assigner"), idleness);
    }

    /** A split or subtask without records for {@code timeout} no longer holds the watermark back until it has some. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the idleness timeout must be positive: " + timeout);
        }
        return new WatermarkStrategy<>(generators, timestamps, timeout);
    }

    /** A new generator for one split or subtask, idleness included; {@code clock} is processing time in ms. */
    public WatermarkGenerator<T> createGenerator(LongSupplier clock) {
        WatermarkGenerator<T> generator = generators.get();
        return idleness == null ? generator : new IdlenessAware<>(generator, idleness.toMillis(), clock);
    }

    /** The record's event time. */
    public long timestampOf(T element, long recordTimestamp) {
        return timestamps == null ? recordTimestamp : timestamps.extractTimestamp(element, recordTimestamp);
    }
}
