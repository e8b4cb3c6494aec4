package io.spindle.api.functions;

/** The clock a timer follows. */
public enum TimeDomain {
    /** The watermark: the time up to which events have arrived. */
    EVENT_TIME,
    /** The machine's clock. */
    PROCESSING_TIME
}
