package io.spindle.examples.nexmark;

/** An auction a seller (a person's id) opened. */
public record Auction(long id, long seller, long category, long initialBid, long expires, long dateTime)
        implements Event {
}
