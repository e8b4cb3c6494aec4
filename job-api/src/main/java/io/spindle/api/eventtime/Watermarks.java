package io.spindle.api.eventtime;

/** The special times of event time. */
public final class Watermarks {

    private Watermarks() { }

    /** The timestamp of a record that has none; also the watermark before any was emitted. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The watermark at the end of a bounded input: every event-time timer and window fires. */
    public static final long END_OF_TIME = Long.MAX_VALUE;
}
