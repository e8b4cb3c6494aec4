package io.spindle.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A typed configuration key with its default, description, older (fallback) names, the rule its values
 * follow and its Flink key. Immutable: the {@code with...} methods return copies, so options can be
 * declared as constants.
 */
public final class ConfigOption<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;
    private final ValueRule<T> rule;
    private final String flinkKey;

    private ConfigOption(String key, ValueType<T> type, T defaultValue, String description, List<String> fallbackKeys,
                         ValueRule<T> rule, String flinkKey) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description;
        this.fallbackKeys = List.copyOf(fallbackKeys);
        this.rule = rule;
        this.flinkKey = Objects.requireNonNull(flinkKey);
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
            return new ConfigOption<>(key, type, Objects.requireNonNull(value), "", List.of(), null, key);
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of(), null, key);
        }
    }

    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, text, fallbackKeys, rule, flinkKey);
    }

    /** Older names of this key, still read when the current name is not set (first listed wins). */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, List.of(keys), rule, flinkKey);
    }

    /** What every value must be beyond its type; a value that breaks it is an error naming the key. */
    public ConfigOption<T> withRule(ValueRule<T> valueRule) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys, Objects.requireNonNull(valueRule),
                flinkKey);
    }

    /** Flink's key for the same setting, where Spindle's differs (Spindle takes Flink's keys as they are). */
    public ConfigOption<T> withFlinkKey(String flinkSettingKey) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys, rule, flinkSettingKey);
    }

    /**
     * Reads a value written as {@code text}; throws IllegalArgumentException with a message for the user if it is
     * not of the type or breaks the rule (the caller adds where and the key).
     */
    public T parse(String text) {
        T value = type.parse(text);
        return rule == null ? value : rule.check(value, text);
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

    public Optional<ValueRule<T>> rule() {
        return Optional.ofNullable(rule);
    }

    /** The key of this setting in Flink: this option's own key unless {@link #withFlinkKey} says otherwise. */
    public String flinkKey() {
        return flinkKey;
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
