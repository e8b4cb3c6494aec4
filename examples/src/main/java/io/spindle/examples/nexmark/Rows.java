package io.spindle.examples.nexmark;

/**
 * The text of each query's result row, by which engines compare results ({@link Checksum}): the fields joined by
 * TAB, numbers in decimal, times in epoch milliseconds.
 */
public final class Rows {

    private Rows() { }

    /** q0, pass-through: every bid. */
    public static String q0(Bid b) {
        return b.auction() + "\t" + b.bidder() + "\t" + b.price() + "\t" + b.dateTime();
    }

    /** q5, hot items: an auction with the most bids in the sliding window that ends at {@code windowEnd}. */
    public static String q5(long auction, long windowEnd, long count) {
        return auction + "\t" + windowEnd + "\t" + count;
    }

    /** q7, highest bid: a bid at the maximum price of the tumbling window that ends at {@code windowEnd}. */
    public static String q7(Bid b, long windowEnd) {
        return b.auction() + "\t" + b.bidder() + "\t" + b.price() + "\t" + b.dateTime() + "\t" + windowEnd;
    }

    /** q8, new users: a person who registered and opened an auction in the window starting at {@code windowStart}. */
    public static String q8(long id, String name, long windowStart) {
        return id + "\t" + name + "\t" + windowStart;
    }

    /** q11, user sessions: a bidder's session of {@code count} bids, from its first bid to its last bid + the gap. */
    public static String q11(long bidder, long count, long start, long end) {
        return bidder + "\t" + count + "\t" + start + "\t" + end;
    }

    /** q20, expanded bids: a bid joined with its auction. */
    public static String q20(Bid b, Auction a) {
        return b.auction() + "\t" + b.bidder() + "\t" + b.price() + "\t" + b.channel() + "\t" + b.dateTime() + "\t"
                + a.seller() + "\t" + a.category();
    }
}
