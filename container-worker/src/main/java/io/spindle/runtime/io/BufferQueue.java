package io.spindle.runtime.io;

/** A channel's buffers between producer and consumer: how many wait, and how many it holds at most. */
public interface BufferQueue {

    /** Buffers sent and not yet taken by the consumer. Any thread. */
    int queued();

    /** The most buffers the channel holds before its producer waits (a local queue's size, a network credit). */
    int capacity();
}
