package io.spindle.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A typed configuration key with its default, description and older (fallback) names. Immutable:
 * the {@code with...} methods return copies, so options can be declared as constants.
 */
public final class ConfigOption<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;

    private ConfigOption(String key, ValueType<T> type, T defaultValue, String description, List<String> fallbackKeys) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description;
        this.fallbackKeys = List.copyOf(fallbackKeys);
    }

    public static Builder key(String key) {
        return new Builder(key);
    }

    /** First step of declaring an option: its key, then its type. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public <T> TypedBuilder<T> type(ValueType<T> type) {
            return new TypedBuilder<>(key, type);
        }

        public TypedBuilder<String> stringType() {
            return type(ValueType.STRING);
        }

        public TypedBuilder<Integer> intType() {
            return type(ValueType.INT);
        }

        public TypedBuilder<Long> longType() {
            return type(ValueType.LONG);
        }

        public TypedBuilder<Double> doubleType() {
            return type(ValueType.DOUBLE);
        }

        public TypedBuilder<Boolean> booleanType() {
            return type(ValueType.BOOLEAN);
        }

        public TypedBuilder<Duration> durationType() {
            return type(ValueType.DURATION);
        }

        public TypedBuilder<MemorySize> memoryType() {
            return type(ValueType.MEMORY);
        }

        public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> type) {
            return type(ValueType.enumType(type));
        }
    }

    /** Second step: the default, or none. */
    public static final class TypedBuilder<T> {
        private final String key;
        private final ValueType<T> type;

        private TypedBuilder(String key, ValueType<T> type) {
            this.key = key;
            this.type = type;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, Objects.requireNonNull(value), "", List.of());
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of());
        }
    }

    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, text, fallbackKeys);
    }

    /** Older names of this key, still read when the current name is not set (first listed wins). */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, List.of(keys));
    }

    public String key() {
        return key;
    }

    public ValueType<T> type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    /** The key and every older name, current first. */
    public List<String> allKeys() {
        return Stream.concat(Stream.of(key), fallbackKeys.stream()).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
