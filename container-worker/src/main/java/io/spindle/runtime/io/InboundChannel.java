package io.spindle.runtime.io;

/** The consumer's end of a channel from one producer subtask. */
public interface InboundChannel extends BufferQueue {

    /** The next buffer, or null if none has arrived. Never blocks. */
    Buffer poll();

    /** Called (from any thread) whenever a buffer arrives; at most one listener. */
    void setAvailabilityListener(Runnable listener);
}
