package io.spindle.api.connectors.files;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Which directory under the sink's base directory a record goes to: its bucket, a relative path such as
 * {@code dt=2024-05-01/hour=13}, or "" for the base directory itself. Each bucket has its own part files.
 */
@FunctionalInterface
public interface BucketAssigner<T> {

    /**
     * @param timestamp the record's event time, {@link io.spindle.api.eventtime.Watermarks#NO_TIMESTAMP} if it has
     *                  none
     */
    String bucket(T record, long timestamp);

    /** Every record in the base directory. */
    static <T> BucketAssigner<T> none() {
        return (record, timestamp) -> "";
    }

    /** A subdirectory per value of {@code key}, which must be a relative path of visible names. */
    static <T> BucketAssigner<T> byKey(Function<T, String> key) {
        return (record, timestamp) -> key.apply(record);
    }

    /**
     * A subdirectory per value of the record's event time as a {@link java.time.format.DateTimeFormatter} pattern
     * writes it in UTC, such as {@code 'dt='yyyy-MM-dd/'hour='HH}.
     */
    static <T> BucketAssigner<T> byEventTime(String pattern) {
        return byEventTime(pattern, ZoneOffset.UTC);
    }

    /** As {@link #byEventTime(String)}, in the given time zone. */
    static <T> BucketAssigner<T> byEventTime(String pattern, ZoneId zone) {
        return new EventTimeBuckets<>(pattern, zone);
    }
}
