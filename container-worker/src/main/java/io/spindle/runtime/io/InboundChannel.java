package io.spindle.runtime.io;

/** The consumer's end of a channel from one producer subtask. */
public interface InboundChannel {

    /** The next buffer, or null if none has arrived. Never blocks. */
    Buffer poll();

    /** Buffers that arrived and were not taken yet. Any thread. */
    int queued();

    /** The most buffers the channel holds before its producer waits. */
    int capacity();

    /** Called (from any thread) whenever a buffer arrives; at most one listener. */
    void setAvailabilityListener(Runnable listener);
}
