package io.spindle.examples.nexmark;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class NexmarkGeneratorTest {

    private static final long SAMPLE = 200_000;

    @Test
    void eventsMatchTheseVectors() {
        assertThat(NexmarkGenerator.event(0)).isEqualTo(new Person(0, "p0", "Kent", "OR", 1_767_225_597_179L));
        assertThat(NexmarkGenerator.event(2))
                .isEqualTo(new Auction(1, 0, 14, 421, 1_767_225_614_127L, 1_767_225_599_733L));
        assertThat(NexmarkGenerator.event(1_234_567))
                .isEqualTo(new Bid(74_030, 24_600, 7104, "Apple", 1_767_225_723_456L));
    }

    @Test
    void everyFiftyEventsAreOnePersonThenThreeAuctionsThenBids() {
        assertThat(NexmarkGenerator.event(150)).isInstanceOfSatisfying(Person.class,
                person -> assertThat(person.name()).isEqualTo("p3"));
        assertThat(LongStream.rangeClosed(151, 153).mapToObj(NexmarkGenerator::event).map(e -> ((Auction) e).id()))
                .containsExactly(9L, 10L, 11L);
        assertThat(LongStream.rangeClosed(154, 199).mapToObj(NexmarkGenerator::event)).allMatch(Bid.class::isInstance);
    }

    @Test
    void oneEventInTenIsLateByLessThanThreeSeconds() {
        long late = LongStream.range(0, SAMPLE).filter(i -> {
            long delay = NexmarkGenerator.T0 + i / 10 - NexmarkGenerator.timestamp(i);
            assertThat(delay).isBetween(0L, 2999L);
            return delay > 0;
        }).count();
        assertThat((double) late / SAMPLE).isCloseTo(0.1, offset(0.005));
    }

    @Test
    void everyEventCarriesItsTimestamp() {
        assertThat(LongStream.range(0, SAMPLE))
                .allMatch(i -> NexmarkGenerator.event(i).dateTime() == NexmarkGenerator.timestamp(i));
    }

    @Test
    void bidsAndAuctionsReferOnlyToPersonsAndAuctionsGeneratedBefore() {
        LongStream.range(0, SAMPLE).forEach(i -> {
            long block = i / 50;
            Event event = NexmarkGenerator.event(i);
            if (event instanceof Bid bid) {
                assertThat(bid.auction()).isBetween(0L, 3 * block + 2);
                assertThat(bid.bidder()).isBetween(0L, block);
            } else if (event instanceof Auction auction) {
                assertThat(auction.seller()).isBetween(0L, block);
                assertThat(auction.expires()).isGreaterThan(auction.dateTime());
            }
        });
    }
}
