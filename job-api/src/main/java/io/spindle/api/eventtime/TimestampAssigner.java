package io.spindle.api.eventtime;

/** The event time of a record, in milliseconds since the epoch. */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** @param recordTimestamp the timestamp the source gave the record, {@link Watermarks#NO_TIMESTAMP} if none */
    long extractTimestamp(T element, long recordTimestamp);
}
