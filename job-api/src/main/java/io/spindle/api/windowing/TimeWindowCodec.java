package io.spindle.api.windowing;

import io.spindle.api.codec.Codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** {@link TimeWindow#CODEC}: start then end, each 8 bytes big-endian. */
final class TimeWindowCodec implements Codec<TimeWindow> {

    private static final String ID = "time-window";

    @Override
    public void encode(TimeWindow value, DataOutput out) throws IOException {
        if (value == null) {
            throw new NullPointerException("codec '" + ID + "' cannot encode null");
        }
        out.writeLong(value.start());
        out.writeLong(value.end());
    }

    @Override
    public TimeWindow decode(DataInput in) throws IOException {
        long start = in.readLong();
        long end = in.readLong();
        if (end <= start) {
            throw new IOException(ID + ": a window must end after it starts, got [" + start + ", " + end + ")");
        }
        return new TimeWindow(start, end);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String toString() {
        return ID;
    }
}
