package io.spindle.core.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Flink's duration syntax: a whole number and an optional unit ({@code 500 ms}, {@code 10 s},
 * {@code 2 min}, {@code 1 h}, {@code 1d}); a bare number is milliseconds. ISO-8601
 * ({@code PT10S}) is accepted too, as newer Flink versions do.
 */
public final class Durations {

    private record Unit(ChronoUnit unit, List<String> labels) { }

    private static final List<Unit> UNITS = List.of(
            new Unit(ChronoUnit.DAYS, List.of("d", "day", "days")),
            new Unit(ChronoUnit.HOURS, List.of("h", "hour", "hours")),
            new Unit(ChronoUnit.MINUTES, List.of("min", "m", "minute", "minutes")),
            new Unit(ChronoUnit.SECONDS, List.of("s", "sec", "secs", "second", "seconds")),
            new Unit(ChronoUnit.MILLIS, List.of("ms", "milli", "millis", "millisecond", "milliseconds")),
            new Unit(ChronoUnit.MICROS, List.of("µs", "micro", "micros", "microsecond", "microseconds")),
            new Unit(ChronoUnit.NANOS, List.of("ns", "nano", "nanos", "nanosecond", "nanoseconds")));

    private static final String UNIT_HINT = "use ms, s, min, h or d, e.g. '10 s'";

    private Durations() { }

    /** Parses a duration; the message of the exception is meant for the user. */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty value where a duration is expected (" + UNIT_HINT + ")");
        }
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            return parseIso(trimmed);
        }
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("'" + trimmed + "' is negative; durations must be zero or more");
        }
        int digits = Numbers.leadingDigits(trimmed);
        if (digits == 0) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a duration (" + UNIT_HINT + ")");
        }
        String label = trimmed.substring(digits).trim().toLowerCase(Locale.ROOT);
        ChronoUnit unit = label.isEmpty() ? ChronoUnit.MILLIS : unitFor(trimmed, label);
        BigInteger amount = new BigInteger(trimmed.substring(0, digits));
        BigInteger nanos = amount.multiply(BigInteger.valueOf(unit.getDuration().toNanos()));
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
        if (secondsAndNanos[0].bitLength() > 63) {
            throw new IllegalArgumentException("'" + trimmed + "' is too long a duration");
        }
        return fittingMillis(Duration.ofSeconds(secondsAndNanos[0].longValue(), secondsAndNanos[1].longValue()), trimmed);
    }

    /** Every duration must fit a long of milliseconds, as its readers call {@link Duration#toMillis()}. */
    private static Duration fittingMillis(Duration duration, String text) {
        try {
            duration.toMillis();
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", tooLong);
        }
        return duration;
    }

    private static ChronoUnit unitFor(String text, String label) {
        for (Unit unit : UNITS) {
            if (unit.labels().contains(label)) {
                return unit.unit();
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' has an unknown time unit '" + label + "' (" + UNIT_HINT + ")");
    }

    private static Duration parseIso(String text) {
        try {
            Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            if (duration.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; durations must be zero or more");
            }
            return fittingMillis(duration, text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (" + UNIT_HINT + ")", e);
        }
    }

    /** Prints a duration with the largest unit that divides it exactly: "1 min", "3601 s", "0 ms". */
    public static String format(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.toMillis() + " ms";
        }
        if (nanos == 0) {
            return "0 ms";
        }
        for (Unit unit : UNITS) {
            long unitNanos = unit.unit().getDuration().toNanos();
            if (nanos % unitNanos == 0) {
                return nanos / unitNanos + " " + unit.labels().get(0);
            }
        }
        throw new AssertionError("nanoseconds divide every duration");
    }
}
