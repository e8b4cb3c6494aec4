package io.spindle.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an option's value must be beyond its type, e.g. "at least 1". The option checks it wherever its value is
 * read, so a file, {@code -D} and job code are held to the same rule; the configuration reference prints it.
 */
public record ValueRule<T>(String description, Predicate<T> allows) {

    public static ValueRule<Integer> atLeast(int min) {
        return new ValueRule<>("at least " + min, value -> value >= min);
    }

    public static ValueRule<Integer> between(int min, int max) {
        return new ValueRule<>("between " + min + " and " + max, value -> value >= min && value <= max);
    }

    public static ValueRule<MemorySize> atLeast(MemorySize min) {
        return new ValueRule<>("at least " + min, value -> value.compareTo(min) >= 0);
    }

    public static ValueRule<Duration> atLeast(Duration min) {
        return new ValueRule<>("at least " + Durations.format(min), value -> value.compareTo(min) >= 0);
    }

    /** For paths: an empty one names no place at all. */
    public static ValueRule<String> nonEmpty() {
        return new ValueRule<>("non-empty", value -> !value.isEmpty());
    }

    /** For patterns: a Java regular expression. */
    public static ValueRule<String> regularExpression() {
        return new ValueRule<>("a regular expression", value -> {
            try {
                Pattern.compile(value);
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        });
    }

    /** For endpoints: an absolute http or https URL with a host. */
    public static ValueRule<String> httpUrl() {
        return new ValueRule<>("an http:// or https:// URL", value -> {
            try {
                URI uri = new URI(value);
                return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            } catch (URISyntaxException e) {
                return false;
            }
        });
    }

    /** The value, or an IllegalArgumentException whose message is meant for the user (who wrote {@code text}). */
    T check(T value, String text) {
        if (!allows.test(value)) {
            throw new IllegalArgumentException("must be " + description + ", got '" + text.trim() + "'");
        }
        return value;
    }
}
