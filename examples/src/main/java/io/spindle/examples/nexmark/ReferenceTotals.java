package io.spindle.examples.nexmark;

import java.util.Map;
import java.util.Optional;

/**
 * The published results of the queries over 2,000,000 events, which Apache Flink gives at parallelism 1, 2 and 3:
 * what every engine must match.
 */
public final class ReferenceTotals {

    private ReferenceTotals() { }

    public static final long EVENTS = 2_000_000;

    private static final Map<String, Totals> AT_TWO_MILLION = Map.of(
            "q0", new Totals(1_840_000, Long.parseUnsignedLong("89854f5feed36975", 16)),
            "q5", new Totals(113, Long.parseUnsignedLong("26f528c6950b54db", 16)),
            "q7", new Totals(200, Long.parseUnsignedLong("701b39977301dcee", 16)),
            "q8", new Totals(32_633, Long.parseUnsignedLong("fe6de0f9c23731fa", 16)),
            "q11", new Totals(39_914, Long.parseUnsignedLong("4099f488a5e666cc", 16)),
            "q20", new Totals(363_237, Long.parseUnsignedLong("6931fa4ae9994d64", 16)));

    /** The reference result of the query over that many events, if there is one. */
    public static Optional<Totals> of(String query, long events) {
        return events == EVENTS ? Optional.ofNullable(AT_TWO_MILLION.get(query)) : Optional.empty();
    }
}
