package io.spindle.examples.nexmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The W5 queries' result rows over the first {@code events} events, computed plainly in memory with no engine and
 * no notion of watermarks (no event is ever late for them), to check what an engine's queries produce. Windows are
 * aligned to the epoch and hold {@code [start, end)}.
 */
public final class NexmarkReference {

    private static final long TUMBLE = 10_000;
    private static final long SLIDE = 2_000;
    private static final long SESSION_GAP = 10_000;
    private static final long Q20_CATEGORY = 10;

    private NexmarkReference() { }

    /** The rows of query {@code query} (q0, q5, q7, q8, q11 or q20). */
    public static Stream<String> rows(String query, long events) {
        return switch (query) {
            case "q0" -> q0(events);
            case "q5" -> q5(events);
            case "q7" -> q7(events);
            case "q8" -> q8(events);
            case "q11" -> q11(events);
            case "q20" -> q20(events);
            default -> throw new IllegalArgumentException("unknown query " + query);
        };
    }

    public static Totals totals(Stream<String> rows) {
        long[] sums = new long[2];
        rows.forEach(row -> {
            sums[0]++;
            sums[1] += Checksum.fnv1a64(row);
        });
        return new Totals(sums[0], sums[1]);
    }

    /** Every bid. */
    public static Stream<String> q0(long events) {
        return bids(events).map(Rows::q0);
    }

    /**
     * Per sliding window (10 s every 2 s), the auctions with the most bids, ties all. Counted per 2 s pane, and a
     * window's counts summed over its five panes, so each bid is counted once, not in each of its five windows.
     */
    public static Stream<String> q5(long events) {
        Map<Long, Map<Long, Long>> bidsPerPaneStart = new HashMap<>();
        bids(events).forEach(bid -> bidsPerPaneStart.computeIfAbsent(windowStart(bid.dateTime(), SLIDE),
                start -> new HashMap<>()).merge(bid.auction(), 1L, Long::sum));
        Set<Long> windowEnds = new HashSet<>();
        for (long paneStart : bidsPerPaneStart.keySet()) {
            for (long end = paneStart + SLIDE; end <= paneStart + TUMBLE; end += SLIDE) {
                windowEnds.add(end);
            }
        }
        return windowEnds.stream().flatMap(end -> {
            Map<Long, Long> bidsPerAuction = new HashMap<>();
            for (long paneStart = end - TUMBLE; paneStart < end; paneStart += SLIDE) {
                bidsPerPaneStart.getOrDefault(paneStart, Map.of())
                        .forEach((auction, bids) -> bidsPerAuction.merge(auction, bids, Long::sum));
            }
            long most = Collections.max(bidsPerAuction.values());
            return bidsPerAuction.entrySet().stream().filter(auction -> auction.getValue() == most)
                    .map(auction -> Rows.q5(auction.getKey(), end, most));
        });
    }

    /** Per tumbling 10 s window, the bids at the window's highest price. */
    public static Stream<String> q7(long events) {
        Map<Long, List<Bid>> highestPerWindowStart = new HashMap<>();
        bids(events).forEach(bid -> {
            List<Bid> highest = highestPerWindowStart.computeIfAbsent(windowStart(bid.dateTime(), TUMBLE),
                    start -> new ArrayList<>());
            if (!highest.isEmpty() && bid.price() > highest.get(0).price()) {
                highest.clear();
            }
            if (highest.isEmpty() || bid.price() == highest.get(0).price()) {
                highest.add(bid);
            }
        });
        return highestPerWindowStart.entrySet().stream().flatMap(window -> window.getValue().stream()
                .map(bid -> Rows.q7(bid, window.getKey() + TUMBLE)));
    }

    /** Persons who opened an auction in the tumbling 10 s window they registered in. */
    public static Stream<String> q8(long events) {
        record Seller(long windowStart, long id) { }
        Set<Seller> sellers = events(events).filter(Auction.class::isInstance).map(Auction.class::cast)
                .map(a -> new Seller(windowStart(a.dateTime(), TUMBLE), a.seller())).collect(Collectors.toSet());
        return events(events).filter(Person.class::isInstance).map(Person.class::cast)
                .filter(p -> sellers.contains(new Seller(windowStart(p.dateTime(), TUMBLE), p.id())))
                .map(p -> Rows.q8(p.id(), p.name(), windowStart(p.dateTime(), TUMBLE)));
    }

    /** Per bidder, sessions of bids at most 10 s apart. */
    public static Stream<String> q11(long events) {
        Map<Long, List<Long>> timesPerBidder = bids(events).collect(
                Collectors.groupingBy(Bid::bidder, Collectors.mapping(Bid::dateTime, Collectors.toList())));
        List<String> rows = new ArrayList<>();
        timesPerBidder.forEach((bidder, times) -> {
            times.sort(null);
            int first = 0;
            for (int i = 1; i <= times.size(); i++) {
                if (i == times.size() || times.get(i) - times.get(i - 1) > SESSION_GAP) {
                    rows.add(Rows.q11(bidder, i - first, times.get(first), times.get(i - 1) + SESSION_GAP));
                    first = i;
                }
            }
        });
        return rows.stream();
    }

    /** Every bid on an auction of category 10, with its auction. */
    public static Stream<String> q20(long events) {
        Map<Long, Auction> auctions = events(events).filter(Auction.class::isInstance).map(Auction.class::cast)
                .filter(a -> a.category() == Q20_CATEGORY).collect(Collectors.toMap(Auction::id, a -> a));
        return bids(events).filter(bid -> auctions.containsKey(bid.auction()))
                .map(bid -> Rows.q20(bid, auctions.get(bid.auction())));
    }

    private static Stream<Event> events(long events) {
        return LongStream.range(0, events).mapToObj(NexmarkGenerator::event);
    }

    private static Stream<Bid> bids(long events) {
        return events(events).filter(Bid.class::isInstance).map(Bid.class::cast);
    }

    private static long windowStart(long timestamp, long size) {
        return timestamp - Math.floorMod(timestamp, size);
    }
}
