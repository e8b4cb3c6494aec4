package io.spindle.examples.nexmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory reference computations give the benchmark's published results over 2,000,000 events. */
class NexmarkReferenceTest {

    private static final long EVENTS = PublishedResults.EVENTS;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q0", "q5", "q7", "q8", "q11", "q20"})
    void theReferenceComputationOfAQueryGivesItsPublishedResult(String query) {
        Totals computed = NexmarkReference.totals(NexmarkReference.rows(query, EVENTS));

        assertThat(computed).isEqualTo(PublishedResults.of(query, EVENTS).orElseThrow());
    }

    @Test
    void onlyTwoMillionEventsHavePublishedResults() {
        assertThat(PublishedResults.of("q0", 1_000_000)).isEmpty();
        assertThat(PublishedResults.of("q9", EVENTS)).isEmpty();
    }
}
