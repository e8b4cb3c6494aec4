package io.spindle.api.connectors.files;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.eventtime.Watermarks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Buckets by the record's event time written with a date-time pattern in one time zone. */
final class EventTimeBuckets<T> implements BucketAssigner<T> {

    private final DateTimeFormatter format;

    EventTimeBuckets(String pattern, ZoneId zone) {
        try {
            this.format = DateTimeFormatter.ofPattern(pattern).withZone(zone);
        } catch (IllegalArgumentException e) {
            throw new JobDefinitionException("bucket pattern '" + pattern + "': " + e.getMessage());
        }
    }

    @Override
    public String bucket(T record, long timestamp) {
        if (timestamp == Watermarks.NO_TIMESTAMP) {
            throw new IllegalStateException("buckets by event time need records with timestamps: give the source "
                    + "a watermark strategy");
        }
        return format.format(Instant.ofEpochMilli(timestamp));
    }
}
