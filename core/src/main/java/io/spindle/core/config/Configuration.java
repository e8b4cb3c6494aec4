package io.spindle.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw configuration values with their sources, read through typed {@link ConfigOption}s. Values are
 * kept as text and parsed on read, so an error always names the file and line the text came from.
 * Later {@code set} calls win; layering (defaults &lt; file &lt; -D &lt; job code) is the caller's order.
 */
public final class Configuration {

    /** A raw value, the key as it was written (possibly an older name), and where it came from. */
    public record Value(String raw, String writtenKey, ValueSource source) { }

    private final Map<String, Value> values = new LinkedHashMap<>();

    public static Configuration fromMap(Map<String, String> map) {
        Configuration configuration = new Configuration();
        map.forEach((key, raw) -> configuration.set(key, raw, ValueSource.GIVEN));
        return configuration;
    }

    public Configuration copy() {
        Configuration copy = new Configuration();
        copy.values.putAll(values);
        return copy;
    }

    public Configuration set(String key, String raw, ValueSource source) {
        values.put(key, new Value(raw, key, source));
        return this;
    }

    /** Stores a value under {@code key} that was written as {@code writtenKey} (an older name). */
    public Configuration set(String key, Value value) {
        values.put(key, value);
        return this;
    }

    /** Sets a value from job code, the highest layer; older names of the key stop counting. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        option.fallbackKeys().forEach(values::remove);
        values.put(option.key(), new Value(option.type().format(value), option.key(), ValueSource.JOB_CODE));
        return this;
    }

    /** The value for the option, else its default; an option with neither is an error naming the key. */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseThrow(() -> new ConfigException(
                Diagnostic.error(null, option.key(), "is not set and has no default")));
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        Optional<Value> value = find(option);
        if (value.isEmpty()) {
            return option.defaultValue();
        }
        return Optional.of(parse(option, value.get()));
    }

    public boolean contains(ConfigOption<?> option) {
        return find(option).isPresent();
    }

    /** The raw value for the option under its key or, failing that, its first older name present. */
    public Optional<Value> find(ConfigOption<?> option) {
        return option.allKeys().stream().map(values::get).filter(v -> v != null).findFirst();
    }

    public Optional<Value> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The raw values as a flat map, e.g. to ship the effective configuration to a container. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key, value.raw()));
        return map;
    }

    private static <T> T parse(ConfigOption<T> option, Value value) {
        try {
            return option.parse(value.raw());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Diagnostic.error(value.source().where(), value.writtenKey(), e.getMessage()), e);
        }
    }
}
