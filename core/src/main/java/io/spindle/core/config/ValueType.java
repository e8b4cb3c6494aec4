package io.spindle.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a configuration value is read from text and written back. {@link #parse} throws
 * IllegalArgumentException with a message for the user; the caller adds file, line and key.
 */
public interface ValueType<T> {

    String name();

    T parse(String text);

    String format(T value);

    static <T> ValueType<T> of(String name, Function<String, T> parser, Function<T, String> formatter) {
        return new ValueType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public T parse(String text) {
                return parser.apply(text);
            }

            @Override
            public String format(T value) {
                return formatter.apply(value);
            }
        };
    }

    ValueType<String> STRING = of("string", String::trim, Function.identity());
    ValueType<Integer> INT = of("integer", text -> parseNumber(text, "a whole number", Integer::parseInt), String::valueOf);
    ValueType<Long> LONG = of("long", text -> parseNumber(text, "a whole number", Long::parseLong), String::valueOf);
    ValueType<Double> DOUBLE = of("number", text -> parseNumber(text, "a number", Double::parseDouble), String::valueOf);
    ValueType<Boolean> BOOLEAN = of("boolean", ValueType::parseBoolean, String::valueOf);
    ValueType<Duration> DURATION = of("duration", Durations::parse, Durations::format);
    ValueType<MemorySize> MEMORY = of("memory size", MemorySize::parse, MemorySize::toString);

    /** Enum constants matched case-insensitively, with '-' and '_' alike ("exactly-once" = EXACTLY_ONCE). */
    static <E extends Enum<E>> ValueType<E> enumType(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String choices = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return of("one of " + choices, text -> {
            String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (E constant : constants) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + text.trim() + "' is not one of " + choices);
        }, Enum::name);
    }

    private static <N> N parseNumber(String text, String what, Function<String, N> parser) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not " + what, e);
        }
    }

    private static Boolean parseBoolean(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException("'" + text.trim() + "' is not true or false");
    }
}
