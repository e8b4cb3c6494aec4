package io.spindle.runtime.io;

/** The producer's end of a channel to one consumer subtask. */
public interface OutboundChannel extends BufferQueue {

    /** Hands a buffer to the channel; blocks while the consumer has no room (backpressure). */
    void send(Buffer buffer) throws InterruptedException;

    /** Whether a send now would not block. Only the producer sends, so room it sees stays until it sends. */
    boolean hasRoom();
}
