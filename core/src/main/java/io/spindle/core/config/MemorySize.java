package io.spindle.core.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * A number of bytes, written as Flink writes memory sizes: {@code 512m}, {@code 1g},
 * {@code 1024 mb}, or bare bytes. Units are binary (1k = 1024 bytes), as in Flink.
 */
public record MemorySize(long bytes) implements Comparable<MemorySize> {

    private record Unit(long multiplier, List<String> labels) { }

    private static final List<Unit> UNITS = List.of(
            new Unit(1L << 40, List.of("tb", "t", "tebibytes")),
            new Unit(1L << 30, List.of("gb", "g", "gibibytes")),
            new Unit(1L << 20, List.of("mb", "m", "mebibytes")),
            new Unit(1L << 10, List.of("kb", "k", "kibibytes")),
            new Unit(1L, List.of("bytes", "b")));

    private static final String UNIT_HINT = "use b, k, m, g or t, e.g. '512m' or '1 g'";

    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory size must not be negative: " + bytes);
        }
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, 1L << 20));
    }

    /** Parses a memory size; the message of the exception is meant for the user. */
    public static MemorySize parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty value where a memory size is expected (" + UNIT_HINT + ")");
        }
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("'" + trimmed + "' is negative; memory sizes must be zero or more");
        }
        int digits = Numbers.leadingDigits(trimmed);
        if (digits == 0) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a memory size (" + UNIT_HINT + ")");
        }
        String label = trimmed.substring(digits).trim().toLowerCase(Locale.ROOT);
        long multiplier = label.isEmpty() ? 1L : multiplierFor(trimmed, label);
        BigInteger bytes = new BigInteger(trimmed.substring(0, digits)).multiply(BigInteger.valueOf(multiplier));
        if (bytes.bitLength() > 63) {
            throw new IllegalArgumentException("'" + trimmed + "' is too large a memory size");
        }
        return new MemorySize(bytes.longValue());
    }

    private static long multiplierFor(String text, String label) {
        for (Unit unit : UNITS) {
            if (unit.labels().contains(label)) {
                return unit.multiplier();
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' has an unknown memory unit '" + label + "' (" + UNIT_HINT + ")");
    }

    public long mebiBytes() {
        return bytes >> 20;
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The largest unit that divides the size exactly: "1 gb", "1728 mb", "0 bytes". */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0 bytes";
        }
        for (Unit unit : UNITS) {
            if (bytes % unit.multiplier() == 0) {
                return bytes / unit.multiplier() + " " + unit.labels().get(0);
            }
        }
        throw new AssertionError("one byte divides every size");
    }
}
