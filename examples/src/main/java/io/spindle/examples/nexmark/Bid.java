package io.spindle.examples.nexmark;

/** A bid on an auction (an auction's id) by a bidder (a person's id). */
public record Bid(long auction, long bidder, long price, String channel, long dateTime) implements Event {
}
