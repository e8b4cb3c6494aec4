package io.spindle.examples.nexmark;

import io.spindle.examples.Murmur3;

import java.util.List;

/**
 * The deterministic Nexmark stream of the W5 benchmark: event i is a pure function of i, so every source subtask
 * generates its share without coordination and every engine generates the same events. Of every 50 events one is a
 * person, three are auctions and 46 are bids; 10,000 events per second of event time from {@link #T0}, one event in
 * ten up to 2,999 ms late. Each field draws on its own hash of i, {@code m(i, f, n)}, so fields are independent.
 */
public final class NexmarkGenerator {

    /** 2026-01-01T00:00:00Z, epoch milliseconds: the event time of event 0 (were it not late). */
    public static final long T0 = 1_767_225_600_000L;

    static final List<String> CITY = List.of("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne");
    static final List<String> STATE = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
    static final List<String> CHANNEL = List.of("Google", "Facebook", "Baidu", "Apple");

    private static final int EVENTS_PER_BLOCK = 50;
    private static final int AUCTIONS_PER_BLOCK = 3;
    private static final int EVENTS_PER_MILLISECOND = 10;
    /** Sellers and occasional bidders are among the newest this many persons. */
    private static final long RECENT_PERSONS = 1000;
    /** Hot auctions and hot bidders: ids rounded down to a multiple of this. */
    private static final long HOT_STRIDE = 100;

    private NexmarkGenerator() { }

    /** Event i (i >= 0). */
    public static Event event(long i) {
        long j = i % EVENTS_PER_BLOCK;
        long b = i / EVENTS_PER_BLOCK;
        long ts = timestamp(i);
        if (j == 0) {
            return new Person(b, "p" + b, CITY.get((int) m(i, 1, CITY.size())), STATE.get((int) m(i, 2, STATE.size())),
                    ts);
        }
        if (j <= AUCTIONS_PER_BLOCK) {
            return new Auction(AUCTIONS_PER_BLOCK * b + j - 1, b - m(i, 1, recentPersons(b)), 10 + m(i, 2, 5),
                    1 + m(i, 3, 1000), ts + 10_000 + m(i, 4, 20_000), ts);
        }
        long auctions = AUCTIONS_PER_BLOCK * (b + 1); // ids 0 .. auctions - 1 exist by now
        long auction = m(i, 1, 2) == 0
                ? (auctions - 1) - Math.floorMod(auctions - 1, HOT_STRIDE)
                : Math.max(0, auctions - 1 - m(i, 2, 100));
        long bidder = m(i, 3, 4) != 0 ? b - Math.floorMod(b, HOT_STRIDE) : b - m(i, 4, recentPersons(b));
        return new Bid(auction, bidder, 1 + m(i, 5, 10_000), CHANNEL.get((int) m(i, 6, CHANNEL.size())), ts);
    }

    /** Event time of event i, epoch milliseconds: one event in ten is late by up to 2,999 ms. */
    public static long timestamp(long i) {
        long t = T0 + i / EVENTS_PER_MILLISECOND;
        return m(i, 0, 10) == 0 ? t - m(i, 9, 3000) : t;
    }

    /** How many persons (ids b, b - 1, ...) a seller or non-hot bidder of block b is drawn from. */
    private static long recentPersons(long b) {
        return Math.min(b + 1, RECENT_PERSONS);
    }

    /** Field f's draw for event i, in 0 .. n - 1. */
    private static long m(long i, int f, long n) {
        return Math.floorMod(Murmur3.fmix64(i * 64 + f), n);
    }
}
