package io.spindle.examples.nexmark;

/**
 * One event of the Nexmark stream: the event itself, with no wrapper object around it, so a stream of events
 * allocates one object per event. {@link NexmarkCodecs#EVENT} encodes which of the three it is in one byte.
 */
public sealed interface Event permits Person, Auction, Bid {

    /** Event time, epoch milliseconds. */
    long dateTime();
}
