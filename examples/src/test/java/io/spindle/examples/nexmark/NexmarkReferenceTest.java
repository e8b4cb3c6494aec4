package io.spindle.examples.nexmark;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference computations give the benchmark's published results over 2,000,000 events. */
class NexmarkReferenceTest {

    private static final long EVENTS = PublishedResults.EVENTS;

    @Test
    void q0PassesEveryBid() {
        assertPublished("q0", NexmarkReference.q0(EVENTS));
    }

    @Test
    void q5FindsTheHotItemsOfEverySlidingWindow() {
        assertPublished("q5", NexmarkReference.q5(EVENTS));
    }

    @Test
    void q7FindsTheHighestBidsOfEveryTumblingWindow() {
        assertPublished("q7", NexmarkReference.q7(EVENTS));
    }

    @Test
    void q8FindsThePersonsWhoOpenedAnAuctionInTheWindowTheyRegisteredIn() {
        assertPublished("q8", NexmarkReference.q8(EVENTS));
    }

    @Test
    void q11FindsEveryBiddersSessions() {
        assertPublished("q11", NexmarkReference.q11(EVENTS));
    }

    @Test
    void q20JoinsTheBidsOnCategory10AuctionsWithTheirAuctions() {
        assertPublished("q20", NexmarkReference.q20(EVENTS));
    }

    @Test
    void onlyTwoMillionEventsHavePublishedResults() {
        assertThat(PublishedResults.of("q0", 1_000_000)).isEmpty();
        assertThat(PublishedResults.of("q9", EVENTS)).isEmpty();
    }

    private static void assertPublished(String query, Stream<String> rows) {
        assertThat(NexmarkReference.totals(rows)).isEqualTo(PublishedResults.of(query, EVENTS).orElseThrow());
    }
}
