package io.spindle.runtime.io;

import io.spindle.api.eventtime.Watermarks;

/**
 * The event time of the record a chain is processing, shared by the chain's operators and writers: set where a record
 * enters the chain (from a channel, a source's watermark strategy, a firing timer or window) and written with every
 * record the chain emits while it is set, so map, filter and the like keep their input's timestamp. Task thread only.
 */
public final class ElementTimestamp {

    private long value = Watermarks.NO_TIMESTAMP;

    public long get() {
        return value;
    }

    public void set(long timestamp) {
        value = timestamp;
    }

    public void clear() {
        value = Watermarks.NO_TIMESTAMP;
    }

    public boolean isSet() {
        return value != Watermarks.NO_TIMESTAMP;
    }
}
