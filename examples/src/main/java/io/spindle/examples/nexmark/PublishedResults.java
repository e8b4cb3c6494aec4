package io.spindle.examples.nexmark;

import java.util.Map;
import java.util.Optional;

/**
 * The published W5 results: each query's {@link Totals} over 2,000,000 events, as the Flink peer computed them (equal
 * at parallelism 1 to 3). The one table that the tests and the benchmark harness check against.
 */
public final class PublishedResults {

    public static final long EVENTS = 2_000_000;

    private static final Map<String, Totals> AT_EVENTS = Map.of(
            "q0", new Totals(1_840_000, 0x89854f5feed36975L),
            "q5", new Totals(113, 0x26f528c6950b54dbL),
            "q7", new Totals(200, 0x701b39977301dceeL),
            "q8", new Totals(32_633, 0xfe6de0f9c23731faL),
            "q11", new Totals(39_914, 0x4099f488a5e666ccL),
            "q20", new Totals(363_237, 0x6931fa4ae9994d64L));

    private PublishedResults() { }

    /** The published totals of {@code query} over {@code events} events; empty where none were published. */
    public static Optional<Totals> of(String query, long events) {
        return events == EVENTS ? Optional.ofNullable(AT_EVENTS.get(query)) : Optional.empty();
    }
}
