package io.spindle.examples.nexmark;

import io.spindle.api.DataStream;
import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.functions.CoProcessFunction;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.WindowContext;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.api.windowing.EventTimeSessionWindows;
import io.spindle.api.windowing.SlidingEventTimeWindows;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.api.windowing.TumblingEventTimeWindows;
import io.spindle.examples.CountRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The six Nexmark queries of the W5 benchmark, each from the split streams to a {@link ChecksumSink}:
 *
 * <pre>
 * q0  bids -> sink
 * q5  bids keyBy(auction) sliding(10 s, 2 s) count -> keyBy(window end) the auctions with the most bids, ties all
 * q7  bids keyBy(auction) tumbling(10 s) the bids at the highest price -> keyBy(window end) those at the maximum
 * q8  persons coGroup auctions on id = seller, tumbling(10 s): a person once if they opened an auction
 * q11 bids keyBy(bidder) sessions(gap 10 s) count
 * q20 bids connect auctions of category 10, keyBy(auction id): both sides in keyed state for ever
 * </pre>
 *
 * A first-stage window result carries the window's last millisecond as its timestamp; the second stage of q5 and q7
 * collects a window's results per window end and emits them on an event-time timer at that millisecond, which fires
 * once every first-stage result of that window arrived (they come before the watermark that fires it).
 */
public final class Queries {

    private Queries() { }

    public static final Set<String> ALL = Set.of("q0", "q5", "q7", "q8", "q11", "q20");

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Codec<Tuple3<Long, Long, Long>> LONG3 = Codecs.tuple3(Codecs.LONG, Codecs.LONG, Codecs.LONG);
    private static final Codec<Tuple2<Bid, Long>> BID_AT = Codecs.tuple2(NexmarkCodecs.BID, Codecs.LONG);

    /** Adds query {@code query} over the three streams, its totals published to {@code checksums}. */
    public static void build(String query, DataStream<Bid> bids, DataStream<Person> persons,
                             DataStream<Auction> auctions, String checksums) {
        switch (query) {
            case "q0" -> bids.sink("q0-sink", new ChecksumSink<>(checksums, Rows::q0));
            case "q5" -> q5(bids, checksums);
            case "q7" -> q7(bids, checksums);
            case "q8" -> q8(persons, auctions, checksums);
            case "q11" -> q11(bids, checksums);
            case "q20" -> q20(bids, auctions, checksums);
            default -> throw new IllegalArgumentException("unknown query " + query);
        }
    }

    private static void q5(DataStream<Bid> bids, String checksums) {
        bids.keyBy(Bid::auction, Codecs.LONG)
                .window(SlidingEventTimeWindows.of(TEN_SECONDS, Duration.ofSeconds(2)))
                .aggregate("q5-count", new CountRecords<>(), Codecs.LONG, new AuctionCount(), LONG3)
                .keyBy(Tuple3::f1, Codecs.LONG)
                .process("q5-hottest", new HottestPerWindow(), Codecs.STRING)
                .sink("q5-sink", new ChecksumSink<>(checksums, row -> row));
    }

    private static void q7(DataStream<Bid> bids, String checksums) {
        bids.keyBy(Bid::auction, Codecs.LONG)
                .window(TumblingEventTimeWindows.of(TEN_SECONDS))
                .aggregate("q7-local-max", new HighestBids(), Codecs.list(NexmarkCodecs.BID), new BidsAtWindowEnd(),
                        BID_AT)
                .keyBy(Tuple2::f1, Codecs.LONG)
                .process("q7-max", new HighestPerWindow(), Codecs.STRING)
                .sink("q7-sink", new ChecksumSink<>(checksums, row -> row));
    }

    private static void q8(DataStream<Person> persons, DataStream<Auction> auctions, String checksums) {
        persons.coGroup(auctions)
                .where(Person::id)
                .equalTo(Auction::seller, Codecs.LONG)
                .window(TumblingEventTimeWindows.of(TEN_SECONDS))
                .<String>apply("q8-join", (sellers, sold, out) -> {
                    if (sold.iterator().hasNext()) {
                        Person person = sellers.iterator().hasNext() ? sellers.iterator().next() : null;
                        if (person != null) {
                            long start = TimeWindow.windowStart(person.dateTime(), 0, TEN_SECONDS.toMillis());
                            out.collect(Rows.q8(person.id(), person.name(), start));
                        }
                    }
                }, Codecs.STRING)
                .sink("q8-sink", new ChecksumSink<>(checksums, row -> row));
    }

    private static void q11(DataStream<Bid> bids, String checksums) {
        bids.keyBy(Bid::bidder, Codecs.LONG)
                .window(EventTimeSessionWindows.withGap(TEN_SECONDS))
                .aggregate("q11-sessions", new CountRecords<>(), Codecs.LONG, new Session(), Codecs.STRING)
                .sink("q11-sink", new ChecksumSink<>(checksums, row -> row));
    }

    private static void q20(DataStream<Bid> bids, DataStream<Auction> auctions, String checksums) {
        bids.connect(auctions.filter("q20-category10", auction -> auction.category() == 10))
                .keyBy(Bid::auction, Auction::id, Codecs.LONG)
                .process("q20-join", new ExpandBids(), Codecs.STRING)
                .sink("q20-sink", new ChecksumSink<>(checksums, row -> row));
    }

    /** (auction, window end, count). */
    static final class AuctionCount extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long> {
        @Override
        public void process(Long auction, WindowContext context, Iterable<Long> count,
                            Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(Tuple3.of(auction, context.window().end(), count.iterator().next()));
        }
    }

    /** Per window end: the largest count and its auctions; emitted at the window's last millisecond. */
    static final class HottestPerWindow extends ProcessFunction<Tuple3<Long, Long, Long>, String> {
        private ValueState<Long> max;
        private ListState<Long> auctions;

        @Override
        public void open(ProcessContext context) {
            max = context.state(new ValueStateDescriptor<>("max-count", Codecs.LONG));
            auctions = context.listState(new ListStateDescriptor<>("auctions-at-max", Codecs.LONG));
        }

        @Override
        public void processElement(Tuple3<Long, Long, Long> count, ProcessContext context, Collector<String> out) {
            Long largest = max.value();
            if (largest == null || count.f2() > largest) {
                max.update(count.f2());
                auctions.update(List.of(count.f0()));
                context.timers().registerEventTimeTimer(count.f1() - 1);
            } else if (count.f2().equals(largest)) {
                auctions.add(count.f0());
            }
        }

        @Override
        public void onTimer(long time, ProcessContext context, Collector<String> out) {
            long windowEnd = (Long) context.currentKey();
            long largest = max.value();
            for (Long auction : auctions.get()) {
                out.collect(Rows.q5(auction, windowEnd, largest));
            }
            max.clear();
            auctions.clear();
        }
    }

    /** The bids at the highest price seen. */
    static final class HighestBids implements AggregateFunction<Bid, List<Bid>, List<Bid>> {
        @Override
        public List<Bid> createAccumulator() {
            return new ArrayList<>();
        }

        @Override
        public List<Bid> add(Bid bid, List<Bid> highest) {
            long price = highest.isEmpty() ? Long.MIN_VALUE : highest.get(0).price();
            if (bid.price() > price) {
                highest.clear();
                highest.add(bid);
            } else if (bid.price() == price) {
                highest.add(bid);
            }
            return highest;
        }

        @Override
        public List<Bid> getResult(List<Bid> highest) {
            return highest;
        }

        @Override
        public List<Bid> merge(List<Bid> first, List<Bid> second) {
            List<Bid> merged = createAccumulator();
            first.forEach(bid -> add(bid, merged));
            second.forEach(bid -> add(bid, merged));
            return merged;
        }
    }

    /** Each bid at the auction's highest price, with the window end. */
    static final class BidsAtWindowEnd extends ProcessWindowFunction<List<Bid>, Tuple2<Bid, Long>, Long> {
        @Override
        public void process(Long auction, WindowContext context, Iterable<List<Bid>> highest,
                            Collector<Tuple2<Bid, Long>> out) {
            for (Bid bid : highest.iterator().next()) {
                out.collect(Tuple2.of(bid, context.window().end()));
            }
        }
    }

    /** Per window end: the bids at the window's highest price; emitted at the window's last millisecond. */
    static final class HighestPerWindow extends ProcessFunction<Tuple2<Bid, Long>, String> {
        private ValueState<Long> max;
        private ListState<Bid> bids;

        @Override
        public void open(ProcessContext context) {
            max = context.state(new ValueStateDescriptor<>("max-price", Codecs.LONG));
            bids = context.listState(new ListStateDescriptor<>("bids-at-max", NexmarkCodecs.BID));
        }

        @Override
        public void processElement(Tuple2<Bid, Long> bidAt, ProcessContext context, Collector<String> out) {
            Long largest = max.value();
            long price = bidAt.f0().price();
            if (largest == null || price > largest) {
                max.update(price);
                bids.update(List.of(bidAt.f0()));
                context.timers().registerEventTimeTimer(bidAt.f1() - 1);
            } else if (price == largest) {
                bids.add(bidAt.f0());
            }
        }

        @Override
        public void onTimer(long time, ProcessContext context, Collector<String> out) {
            long windowEnd = (Long) context.currentKey();
            for (Bid bid : bids.get()) {
                out.collect(Rows.q7(bid, windowEnd));
            }
            max.clear();
            bids.clear();
        }
    }

    /** A bidder's session: its bids, from the first bid's time to the last bid's time + the gap. */
    static final class Session extends ProcessWindowFunction<Long, String, Long> {
        @Override
        public void process(Long bidder, WindowContext context, Iterable<Long> count, Collector<String> out) {
            TimeWindow session = context.window();
            out.collect(Rows.q11(bidder, count.iterator().next(), session.start(), session.end()));
        }
    }

    /**
     * The unwindowed inner join on bid.auction = auction.id: every bid waits in the key's list state and the auction
     * (one per id) in its value state, for ever; a pair is emitted when its second half arrives, whichever it is.
     */
    static final class ExpandBids extends CoProcessFunction<Bid, Auction, String> {
        private ListState<Bid> bids;
        private ValueState<Auction> auction;

        @Override
        public void open(ProcessContext context) {
            bids = context.listState(new ListStateDescriptor<>("bids", NexmarkCodecs.BID));
            auction = context.state(new ValueStateDescriptor<>("auction", NexmarkCodecs.AUCTION));
        }

        @Override
        public void processElement1(Bid bid, ProcessContext context, Collector<String> out) {
            bids.add(bid);
            Auction known = auction.value();
            if (known != null) {
                out.collect(Rows.q20(bid, known));
            }
        }

        @Override
        public void processElement2(Auction opened, ProcessContext context, Collector<String> out) {
            auction.update(opened);
            for (Bid bid : bids.get()) {
                out.collect(Rows.q20(bid, opened));
            }
        }
    }
}
