package io.spindle.examples.nexmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference computations give the benchmark's published results over 2,000,000 events. */
class NexmarkReferenceTest {

    private static final long EVENTS = 2_000_000;

    @Test
    void q0PassesEveryBid() {
        assertThat(NexmarkReference.totals(NexmarkReference.q0(EVENTS)))
                .isEqualTo(new Totals(1_840_000, 0x89854f5feed36975L));
    }

    @Test
    void q5FindsTheHotItemsOfEverySlidingWindow() {
        assertThat(NexmarkReference.totals(NexmarkReference.q5(EVENTS))).isEqualTo(new Totals(113, 0x26f528c6950b54dbL));
    }

    @Test
    void q7FindsTheHighestBidsOfEveryTumblingWindow() {
        assertThat(NexmarkReference.totals(NexmarkReference.q7(EVENTS))).isEqualTo(new Totals(200, 0x701b39977301dceeL));
    }

    @Test
    void q8FindsThePersonsWhoOpenedAnAuctionInTheWindowTheyRegisteredIn() {
        assertThat(NexmarkReference.totals(NexmarkReference.q8(EVENTS)))
                .isEqualTo(new Totals(32_633, 0xfe6de0f9c23731faL));
    }

    @Test
    void q11FindsEveryBiddersSessions() {
        assertThat(NexmarkReference.totals(NexmarkReference.q11(EVENTS)))
                .isEqualTo(new Totals(39_914, 0x4099f488a5e666ccL));
    }

    @Test
    void q20JoinsTheBidsOnCategory10AuctionsWithTheirAuctions() {
        assertThat(NexmarkReference.totals(NexmarkReference.q20(EVENTS)))
                .isEqualTo(new Totals(363_237, 0x6931fa4ae9994d64L));
    }
}
